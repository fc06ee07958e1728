import { z } from 'zod';
import { activityVisibilities, type ActivityInput } from './activity.ts';
import { activityCategoryIds } from './categories.ts';
import { eligibilityCriterionIds } from './eligibility.ts';
import { insuranceArrangements } from './insurance.ts';

/**
 * The shape of the organizer form as JSON (server request body, web form state). It checks
 * types only and bounds the payload; the rules with per-field messages are in
 * `validateActivityInput`, so limits are stated once. Missing items default to empty, so a
 * draft can be saved half-filled.
 */
const anyText = z.string().max(10_000).default('');
const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .nullable()
  .default(null);

export const activityInputSchema = z.object({
  title: anyText,
  message: anyText,
  content: anyText,
  belongings: anyText,
  clothing: anyText,
  meetingPoint: anyText,
  parking: anyText,
  targetParticipants: anyText,
  contact: anyText,
  startsAt: instant,
  endsAt: instant,
  placeName: anyText,
  address: anyText,
  location: z.object({ lat: z.number(), lng: z.number() }).nullable().default(null),
  category: z.enum(activityCategoryIds).nullable().default(null),
  capacity: z.number().nullable().default(null),
  applicationDeadline: instant,
  insurance: z.enum(insuranceArrangements).nullable().default(null),
  schoolDistrictCode: z.string().max(64).nullable().default(null),
  restrictToDistrict: z.boolean().default(false),
  visibility: z.enum(activityVisibilities).default('draft'),
  eligibility: z.array(z.enum(eligibilityCriterionIds)).max(eligibilityCriterionIds.length).default([]),
});

// The schema's output must be exactly the domain input; this line stops the two drifting apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemaOutputIsActivityInput: Same<z.output<typeof activityInputSchema>, ActivityInput> = true;
