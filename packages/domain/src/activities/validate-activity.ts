import { activityVisibilities, type ActivityFacts, type ActivityInput } from './activity.ts';
import { isActivityCategoryId } from './categories.ts';
import { missingEligibilityCriteria } from './eligibility.ts';
import type { ActivityFieldError } from './field-errors.ts';
import { findActivityField } from './fields.ts';
import { isInKumamotoArea, type GeoPoint } from './geo.ts';
import { isInsuranceArrangement } from './insurance.ts';
import { canChangeVisibility } from './lifecycle.ts';
import {
  activityTextLimits,
  maxActivityCapacity,
  multilineActivityFields,
  type ActivityTextField,
} from './limits.ts';
import { characterCount, hasForbiddenCharacters, isBlank } from './plain-text.ts';

export interface ActivityValidationContext {
  now: Date;
  /** The stored activity when editing; null when creating. */
  previous: Pick<ActivityFacts, 'visibility' | 'startsAt' | 'endsAt' | 'applicationDeadline'> | null;
  /** Applicants holding a place now (not the waiting list); 0 when creating. */
  applicantCount: number;
  /** The school district codes that exist; when given, any other code is refused. */
  districtCodes?: ReadonlySet<string>;
}

/**
 * Checks the organizer form (R-ACT-2) and answers every problem at once, one per field, so
 * the form can mark them all. Empty means valid. A draft is checked for shape only (lengths,
 * characters, consistent dates) so that it can be saved half-filled; publishing (public or
 * unlisted) also needs the required items, a start still to come and all five eligibility
 * criteria ticked (R-ACT-1).
 */
export function validateActivityInput(
  input: ActivityInput,
  context: ActivityValidationContext,
): ActivityFieldError[] {
  const publishing = input.visibility !== 'draft';
  return [
    ...textErrors(input, publishing),
    ...choiceErrors(input, context, publishing),
    ...scheduleErrors(input, context, publishing),
    ...capacityErrors(input.capacity, context.applicantCount),
    ...locationErrors(input.location),
    ...districtErrors(input, context),
    ...(publishing && missingEligibilityCriteria(input.eligibility).length > 0
      ? [{ field: 'eligibility', code: 'eligibility_unconfirmed' } as const]
      : []),
  ];
}

function isRequired(field: keyof ActivityInput, publishing: boolean): boolean {
  const { required } = findActivityField(field);
  return required === 'always' || (required === 'to-publish' && publishing);
}

function textErrors(input: ActivityInput, publishing: boolean): ActivityFieldError[] {
  const errors: ActivityFieldError[] = [];
  for (const field of Object.keys(activityTextLimits) as ActivityTextField[]) {
    const text = input[field];
    const limit = activityTextLimits[field];
    if (isBlank(text)) {
      if (isRequired(field, publishing)) errors.push({ field, code: 'required' });
    } else if (hasForbiddenCharacters(text, multilineActivityFields.includes(field))) {
      errors.push({ field, code: 'forbidden_characters' });
    } else if (characterCount(text) > limit) {
      errors.push({ field, code: 'too_long', limit });
    }
  }
  return errors;
}

function choiceErrors(
  input: ActivityInput,
  context: ActivityValidationContext,
  publishing: boolean,
): ActivityFieldError[] {
  const errors: ActivityFieldError[] = [];
  if (input.category === null) {
    if (publishing) errors.push({ field: 'category', code: 'required' });
  } else if (!isActivityCategoryId(input.category)) {
    errors.push({ field: 'category', code: 'unknown_choice' });
  }
  if (input.insurance === null) {
    if (publishing) errors.push({ field: 'insurance', code: 'required' });
  } else if (!isInsuranceArrangement(input.insurance)) {
    errors.push({ field: 'insurance', code: 'unknown_choice' });
  }
  if (!(activityVisibilities as readonly string[]).includes(input.visibility)) {
    errors.push({ field: 'visibility', code: 'unknown_choice' });
  } else if (context.previous && !canChangeVisibility(context.previous.visibility, input.visibility)) {
    errors.push({ field: 'visibility', code: 'cannot_return_to_draft' });
  }
  return errors;
}

const validDate = (date: Date | null): Date | null => (date && !Number.isNaN(date.getTime()) ? date : null);
const sameInstant = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

/**
 * Times must be still to come when they are published or changed. An unchanged time of an
 * activity already under way is left alone, so its text can still be corrected on the day.
 */
function scheduleErrors(
  input: ActivityInput,
  { now, previous }: ActivityValidationContext,
  publishing: boolean,
): ActivityFieldError[] {
  const errors: ActivityFieldError[] = [];
  const startsAt = validDate(input.startsAt);
  const endsAt = validDate(input.endsAt);
  const deadline = validDate(input.applicationDeadline);
  const newlyPublished = !previous || previous.visibility === 'draft';
  const mustBeAhead = (value: Date, before: Date | null) =>
    publishing && (newlyPublished || !sameInstant(value, before)) && value <= now;

  if (!startsAt) {
    if (publishing) errors.push({ field: 'startsAt', code: 'required' });
  } else if (mustBeAhead(startsAt, previous?.startsAt ?? null)) {
    errors.push({ field: 'startsAt', code: 'start_not_in_future' });
  }
  if (!endsAt) {
    if (publishing) errors.push({ field: 'endsAt', code: 'required' });
  } else if (startsAt && endsAt <= startsAt) {
    errors.push({ field: 'endsAt', code: 'end_not_after_start' });
  } else if (mustBeAhead(endsAt, previous?.endsAt ?? null)) {
    // Moving the end of an activity under way into the past would end it behind everyone's back.
    errors.push({ field: 'endsAt', code: 'end_not_in_future' });
  }
  if (deadline) {
    if (startsAt && deadline > startsAt) {
      errors.push({ field: 'applicationDeadline', code: 'deadline_after_start' });
    } else if (mustBeAhead(deadline, previous?.applicationDeadline ?? null)) {
      errors.push({ field: 'applicationDeadline', code: 'deadline_not_in_future' });
    }
  }
  return errors;
}

function capacityErrors(capacity: number | null, applicantCount: number): ActivityFieldError[] {
  if (capacity === null) return [];
  if (!Number.isInteger(capacity) || capacity < 1)
    return [{ field: 'capacity', code: 'capacity_not_positive_integer' }];
  if (capacity > maxActivityCapacity)
    return [{ field: 'capacity', code: 'capacity_too_large', limit: maxActivityCapacity }];
  // Lowering the capacity must not take places away from people who already hold them.
  if (capacity < applicantCount)
    return [{ field: 'capacity', code: 'capacity_below_applicants', limit: applicantCount }];
  return [];
}

function locationErrors(location: GeoPoint | null): ActivityFieldError[] {
  if (location === null) return [];
  const { lat, lng } = location;
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    return [{ field: 'location', code: 'invalid_location' }];
  }
  return isInKumamotoArea(location) ? [] : [{ field: 'location', code: 'outside_kumamoto' }];
}

function districtErrors(
  input: ActivityInput,
  { districtCodes }: ActivityValidationContext,
): ActivityFieldError[] {
  const code = input.schoolDistrictCode;
  if (code === null || code === '') {
    return input.restrictToDistrict
      ? [{ field: 'schoolDistrictCode', code: 'district_needed_for_restriction' }]
      : [];
  }
  return districtCodes && !districtCodes.has(code)
    ? [{ field: 'schoolDistrictCode', code: 'unknown_choice' }]
    : [];
}
