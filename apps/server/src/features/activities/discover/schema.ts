import { activityCategoryIds, activityStates } from '@kumamoto/domain';
import { z } from 'zod';

/** One activity in a list (R-ACT-3: date and time, category, "participants: applied/capacity", place). */
export const activitySummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category: z.enum(activityCategoryIds).nullable(),
    startsAt: z.date(),
    endsAt: z.date(),
    placeName: z.string(),
    address: z.string(),
    schoolDistrictCode: z.string().nullable(),
    capacity: z.number().int().nullable(),
    applicantCount: z.number().int(),
    availability: z.enum(['open', 'full', 'closed', 'not_open']),
    state: z.enum(activityStates),
    thumbnailUrl: z.string().nullable(),
    groupName: z.string(),
    /** Only when searching near a point. */
    distanceKm: z.number().optional(),
  })
  .meta({ id: 'ActivitySummary' });

export const myApplicationSchema = z.object({
  status: z.enum(['applied', 'waitlisted']),
  waitlistPosition: z.number().int().nullable(),
});

export const activityDetailSchema = activitySummarySchema
  .extend({
    message: z.string(),
    content: z.string(),
    belongings: z.string(),
    clothing: z.string(),
    meetingPoint: z.string(),
    parking: z.string(),
    targetParticipants: z.string(),
    contact: z.string(),
    location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
    applicationDeadline: z.date().nullable(),
    applicationsCloseAt: z.date().nullable(),
    insurance: z.string().nullable(),
    restrictToDistrict: z.boolean(),
    placesLeft: z.number().int().nullable(),
    waitlistCount: z.number().int(),
    myApplication: myApplicationSchema.nullable(),
    checkedIn: z.boolean(),
    /** The link to pass on (unlisted: the only way in); only for the group's organizers. */
    shareUrl: z.string().nullable(),
    /** Notices sent so far (R-ACT-4), for the activity's participants and organizers. */
    notices: z
      .array(
        z.object({
          id: z.uuid(),
          kind: z.string(),
          body: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])),
          sentAt: z.date(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'ActivityDetail' });

export const searchPageSchema = z.object({
  items: z.array(activitySummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const shareQuerySchema = z.object({ share: z.string().max(64).optional() });
export const activityIdParams = z.object({ id: z.uuid() });

export type ActivitySummaryView = z.infer<typeof activitySummarySchema>;
export type ActivityDetailView = z.infer<typeof activityDetailSchema>;
