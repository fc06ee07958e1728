import {
  activityFieldErrorMessage,
  fromJstLocalInput,
  isActivityCategoryId,
  isInsuranceArrangement,
  jstDate,
  toJstLocalInput,
  type ActivityFieldError,
  type ActivityTextField,
  type EligibilityCriterionId,
  type Locale,
} from '@kumamoto/domain';
import type { ActivityBody, OrganizerActivity } from './api.ts';

/**
 * What the organizer form holds while it is being filled in: text exactly as typed (dates as
 * the JST wall-clock value of <input type="datetime-local">, numbers as typed, so a half-typed
 * value is never lost), turned into the API's body only when saving.
 */
export interface ActivityForm {
  title: string;
  message: string;
  content: string;
  belongings: string;
  clothing: string;
  meetingPoint: string;
  parking: string;
  targetParticipants: string;
  contact: string;
  placeName: string;
  address: string;
  /** JST wall-clock 'YYYY-MM-DDTHH:mm', or ''. */
  startsAt: string;
  endsAt: string;
  applicationDeadline: string;
  lat: string;
  lng: string;
  category: string;
  capacity: string;
  insurance: string;
  schoolDistrictCode: string;
  restrictToDistrict: boolean;
  /** Where publishing puts it (a draft is saved with its own button). */
  publishAs: 'public' | 'unlisted';
  eligibility: EligibilityCriterionId[];
  thumbnailImageId: string | null;
  thumbnailUrl: string | null;
}

export const emptyActivityForm: ActivityForm = {
  title: '',
  message: '',
  content: '',
  belongings: '',
  clothing: '',
  meetingPoint: '',
  parking: '',
  targetParticipants: '',
  contact: '',
  placeName: '',
  address: '',
  startsAt: '',
  endsAt: '',
  applicationDeadline: '',
  lat: '',
  lng: '',
  category: '',
  capacity: '',
  insurance: '',
  schoolDistrictCode: '',
  restrictToDistrict: false,
  publishAs: 'public',
  eligibility: [],
  thumbnailImageId: null,
  thumbnailUrl: null,
};

const local = (instant: string | null) => (instant ? toJstLocalInput(new Date(instant)) : '');

export function formFromActivity(activity: OrganizerActivity): ActivityForm {
  return {
    title: activity.title,
    message: activity.message,
    content: activity.content,
    belongings: activity.belongings,
    clothing: activity.clothing,
    meetingPoint: activity.meetingPoint,
    parking: activity.parking,
    targetParticipants: activity.targetParticipants,
    contact: activity.contact,
    placeName: activity.placeName,
    address: activity.address,
    startsAt: local(activity.startsAt),
    endsAt: local(activity.endsAt),
    applicationDeadline: local(activity.applicationDeadline),
    lat: activity.location ? String(activity.location.lat) : '',
    lng: activity.location ? String(activity.location.lng) : '',
    category: activity.category ?? '',
    capacity: activity.capacity === null ? '' : String(activity.capacity),
    insurance: activity.insurance ?? '',
    schoolDistrictCode: activity.schoolDistrictCode ?? '',
    restrictToDistrict: activity.restrictToDistrict,
    publishAs: activity.visibility === 'unlisted' ? 'unlisted' : 'public',
    eligibility: [...activity.eligibility],
    thumbnailImageId: activity.thumbnailImageId,
    thumbnailUrl: activity.thumbnailUrl,
  };
}

/** Full-width digits and signs (typed with a Japanese keyboard) become ASCII; spaces go. */
function asciiNumber(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/\s/gu, '')
    .replace(/[ー−–—]/gu, '-');
}

/** A decimal degree as typed ('32.8031', '３２．８０３１'), or null when it is not one. */
export function parseDegrees(value: string): number | null {
  const text = asciiNumber(value);
  if (!/^-?\d{1,3}(\.\d+)?$/u.test(text)) return null;
  return Number(text);
}

export type FormItemErrors = Partial<Record<string, string>>;

/**
 * The API body for `visibility`, or the items that cannot even be sent as typed (a capacity
 * that is not a whole number, half a map point). Everything else is the server's to judge:
 * `validateActivityInput` runs there and answers per item.
 */
export function bodyFromForm(
  form: ActivityForm,
  visibility: ActivityBody['visibility'],
  locale: Locale,
): { body: ActivityBody; errors: null } | { body: null; errors: FormItemErrors } {
  const errors: FormItemErrors = {};
  const message = (error: ActivityFieldError) => activityFieldErrorMessage(error, locale);

  let capacity: number | null = null;
  const capacityText = asciiNumber(form.capacity);
  if (capacityText !== '') {
    if (/^\d+$/u.test(capacityText) && Number(capacityText) > 0) capacity = Number(capacityText);
    else errors.capacity = message({ field: 'capacity', code: 'capacity_not_positive_integer' });
  }

  let location: ActivityBody['location'] = null;
  if (form.lat.trim() !== '' || form.lng.trim() !== '') {
    const lat = parseDegrees(form.lat);
    const lng = parseDegrees(form.lng);
    if (lat === null || lng === null || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      errors.location = message({ field: 'location', code: 'invalid_location' });
    } else {
      location = { lat, lng };
    }
  }

  if (Object.keys(errors).length > 0) return { body: null, errors };

  const instant = (value: string) => fromJstLocalInput(value)?.toISOString() ?? null;
  const text = (field: ActivityTextField) => form[field];
  return {
    errors: null,
    body: {
      title: text('title'),
      message: text('message'),
      content: text('content'),
      belongings: text('belongings'),
      clothing: text('clothing'),
      meetingPoint: text('meetingPoint'),
      parking: text('parking'),
      targetParticipants: text('targetParticipants'),
      contact: text('contact'),
      placeName: text('placeName'),
      address: text('address'),
      startsAt: instant(form.startsAt),
      endsAt: instant(form.endsAt),
      applicationDeadline: instant(form.applicationDeadline),
      location,
      category: isActivityCategoryId(form.category) ? form.category : null,
      capacity,
      insurance: isInsuranceArrangement(form.insurance) ? form.insurance : null,
      schoolDistrictCode: form.schoolDistrictCode === '' ? null : form.schoolDistrictCode,
      restrictToDistrict: form.restrictToDistrict,
      visibility,
      // Only a publication confirms the criteria (R-ACT-1); a draft keeps what was ticked so far.
      eligibility: form.eligibility,
      thumbnailImageId: form.thumbnailImageId,
    },
  };
}

/**
 * Whether today (in Japan) is a day of the activity: the check-in screen is offered then,
 * as points and certificates are issued only on the day (R-PT-2).
 */
export function isActivityDay(startsAt: string | null, endsAt: string | null, now: Date): boolean {
  if (!startsAt || !endsAt) return false;
  const today = jstDate(now);
  return jstDate(new Date(startsAt)) <= today && today <= jstDate(new Date(endsAt));
}

/** Rounds a phone's position to about 1 m: more digits only pretend to precision. */
export function roundDegrees(value: number): string {
  return String(Math.round(value * 100_000) / 100_000);
}
