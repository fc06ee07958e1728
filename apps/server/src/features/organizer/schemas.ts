import {
  applicationStatuses,
  effectiveGroupStatuses,
  groupStatuses,
  lifecycleEvents,
  rightsPhases,
} from '@kumamoto/domain';
import { z } from 'zod';

/** Shapes of the organizer API. Lengths are bounded here; the domain validates the content. */
const text = (max: number) => z.string().max(max);
const documentId = z.object({ id: z.uuid() }).nullable();

export const draftBodySchema = z.object({
  category: z.string().max(60).nullable(),
  name: text(500),
  representative: text(500),
  address: text(1000),
  overview: text(5000),
  website: text(1000),
  phone: text(100),
  email: text(500),
  activityFields: z.array(z.string().max(60)).max(20),
  trackRecord: text(5000),
  officerList: documentId,
  bylaws: documentId,
  declaration: z.boolean(),
});

export const reasonBodySchema = z.object({ reason: z.string().max(10000).optional() }).default({});

const documentRefSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
});

export const detailsSchema = z.object({
  category: z.string().nullable(),
  name: z.string(),
  representative: z.string(),
  address: z.string(),
  overview: z.string(),
  website: z.string(),
  phone: z.string(),
  email: z.string(),
  activityFields: z.array(z.string()),
  trackRecord: z.string(),
  officerList: documentRefSchema.nullable(),
  bylaws: documentRefSchema.nullable(),
  declaration: z.boolean().optional(),
});

export type DetailsOut = z.infer<typeof detailsSchema>;

const actionSchema = z.object({
  event: z.enum(lifecycleEvents),
  reason: z.enum(['required', 'optional', 'none']),
});

export const historyEntrySchema = z.object({
  event: z.string(),
  round: z.number().int().nullable(),
  actorUserId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  occurredAt: z.date(),
});

export const applicationViewSchema = z.object({
  id: z.uuid(),
  status: z.enum(applicationStatuses),
  round: z.number().int(),
  details: detailsSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
  submittedAt: z.date().nullable(),
  groupId: z.uuid().nullable(),
  history: z.array(historyEntrySchema),
  actions: z.array(actionSchema),
});

export const reviewViewSchema = applicationViewSchema.extend({
  applicant: z.object({ id: z.uuid(), displayName: z.string(), identity: z.string() }).nullable(),
});

export const applicationSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(applicationStatuses),
  round: z.number().int(),
  name: z.string(),
  category: z.string().nullable(),
  submittedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export const groupViewSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  role: z.enum(['admin', 'member']).optional(),
  details: detailsSchema,
  status: z.enum(groupStatuses),
  effectiveStatus: z.enum(effectiveGroupStatuses),
  rightsEnd: z.string(),
  rightsPhase: z.enum(rightsPhases),
  canCreateActivities: z.boolean(),
  activityRefusal: z.string().nullable(),
  memberLimit: z.number().int(),
  members: z.array(
    z.object({
      userId: z.uuid(),
      role: z.enum(['admin', 'member']),
      displayName: z.string(),
      joinedAt: z.date(),
    }),
  ),
  requests: z.object({
    change: z.string().nullable(),
    renewal: z.string().nullable(),
    termination: z.string().nullable(),
  }),
  actions: z.array(actionSchema),
  history: z.array(historyEntrySchema).optional(),
});

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.date(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
});
