import {
  activityInputSchema,
  activityStates,
  eligibilityCriterionIds,
  genders,
  groupRefusals,
  organizerActions,
} from '@kumamoto/domain';
import { z } from 'zod';

/** The organizer form (domain `activityInputSchema`) plus the uploaded thumbnail's id. */
export const activityFormSchema = activityInputSchema
  .extend({ thumbnailImageId: z.uuid().nullable().default(null) })
  .meta({ id: 'ActivityForm' });

export const activityIdParams = z.object({ id: z.uuid() });
/** Named `id` like the organizer group routes beside it: the router allows one name per position. */
export const groupIdParams = z.object({ id: z.uuid() });
export const idResponse = z.object({ id: z.uuid() });

const publishedVisibility = z.enum(['public', 'unlisted']);
export const publishBody = z.object({
  visibility: publishedVisibility,
  eligibility: z.array(z.enum(eligibilityCriterionIds)).max(eligibilityCriterionIds.length),
});
export const visibilityBody = z.object({ visibility: publishedVisibility });
/** Lengths are the domain's rules (`freeTextProblem`), answered with their own codes; this only bounds the payload. */
export const cancelBody = z.object({ reason: z.string().max(10_000) });
export const noticeBody = z.object({ body: z.string().max(20_000) });

const summaryFields = {
  id: z.uuid(),
  title: z.string(),
  category: z.string().nullable(),
  /** Null only in a draft not yet dated. */
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  placeName: z.string(),
  address: z.string(),
  schoolDistrictCode: z.string().nullable(),
  capacity: z.number().int().nullable(),
  applicantCount: z.number().int(),
  availability: z.enum(['open', 'full', 'closed', 'not_open']),
  state: z.enum(activityStates),
  thumbnailUrl: z.string().nullable(),
  groupName: z.string(),
};

export const groupActivitiesResponse = z.object({
  activities: z.array(
    z
      .object({ ...summaryFields, waitlistCount: z.number().int(), checkedInCount: z.number().int() })
      .meta({ id: 'OrganizerActivitySummary' }),
  ),
});

const formFields = {
  title: z.string(),
  message: z.string(),
  content: z.string(),
  belongings: z.string(),
  clothing: z.string(),
  meetingPoint: z.string(),
  parking: z.string(),
  targetParticipants: z.string(),
  contact: z.string(),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  placeName: z.string(),
  address: z.string(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  category: z.string().nullable(),
  capacity: z.number().int().nullable(),
  applicationDeadline: z.date().nullable(),
  insurance: z.string().nullable(),
  schoolDistrictCode: z.string().nullable(),
  restrictToDistrict: z.boolean(),
  visibility: z.enum(['draft', 'public', 'unlisted']),
  eligibility: z.array(z.string()),
  thumbnailImageId: z.uuid().nullable(),
};

export const activityForEditingResponse = z.object({
  activity: z.object({
    ...formFields,
    id: z.uuid(),
    groupId: z.uuid(),
    groupName: z.string(),
    thumbnailUrl: z.string().nullable(),
    state: z.enum(activityStates),
    shareUrl: z.string(),
    applicantCount: z.number().int(),
    waitlistCount: z.number().int(),
    checkedInCount: z.number().int(),
    publishedAt: z.date().nullable(),
    cancelledAt: z.date().nullable(),
    cancelReason: z.string().nullable(),
  }),
  allowedActions: z.object(Object.fromEntries(organizerActions.map((action) => [action, z.boolean()]))),
  /** Why the group may not publish now (R-ORG-8, R-ORG-10), or null. */
  groupRefusal: z.enum(groupRefusals).nullable(),
});

export const noticesResponse = z.object({
  notices: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(['message', 'rescheduled', 'cancelled']),
      body: z.string(),
      /** Automatic notices: the activity's title and contact, and the old and new times (ISO 8601). */
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      sentAt: z.date(),
      recipientCount: z.number().int(),
    }),
  ),
});
export const noticeSentResponse = z.object({ id: z.uuid(), recipientCount: z.number().int() });

export const participantsResponse = z.object({
  counts: z.object({
    applied: z.number().int(),
    waitlisted: z.number().int(),
    capacity: z.number().int().nullable(),
    checkedIn: z.number().int(),
    walkIns: z.number().int(),
  }),
  /** R-ID-4: name, age and gender only; the serializer drops anything else. */
  participants: z.array(
    z.object({
      name: z.string(),
      age: z.number().int().nullable(),
      gender: z.enum(genders).nullable(),
      status: z.enum(['applied', 'waitlisted']),
      appliedAt: z.date(),
    }),
  ),
});

export const imageResponse = z.object({
  id: z.uuid(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
