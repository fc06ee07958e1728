import { z } from 'zod';
import { authorize } from '../../platform/authorize.ts';
import type { App, AppDeps } from '../../platform/deps.ts';
import { problems } from '../../platform/schemas.ts';
import {
  eligibleActivity,
  lateIssueCandidates,
  lookUpResident,
  parseActivitySearch,
  refuseIndividualNumber,
  searchLateIssueActivities,
} from './late-issue-search.ts';

const genders = ['male', 'female', 'unspecified'] as const;

/** Query strings arrive as text and are checked by `parseActivitySearch` for a precise refusal. */
const activitySearchQuerySchema = z.object({
  q: z.string().max(1000).optional(),
  from: z.string().max(100).optional(),
  to: z.string().max(100).optional(),
  page: z.string().max(100).optional(),
});

const activityItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    groupName: z.string(),
    startsAt: z.date(),
    endsAt: z.date(),
    capacity: z.number().int().nullable(),
    applicantCount: z.number().int(),
    checkedInCount: z.number().int(),
  })
  .meta({ id: 'LateIssueActivity' });

const residentSchema = z
  .object({
    userId: z.uuid(),
    /** The name on the My Number Card. */
    name: z.string(),
    /** On the activity's day. */
    age: z.number().int().nullable(),
    gender: z.enum(genders).nullable(),
  })
  .meta({ id: 'LateIssueResident' });

const lookupBodySchema = z.object({
  name: z.string().max(1000),
  birthDate: z.string().max(100),
});

const activityIdParams = z.object({ id: z.uuid() });

export type LateIssueActivity = z.infer<typeof activityItemSchema>;
export type LateIssueResident = z.infer<typeof residentSchema>;

/**
 * The staff's finding steps before `POST /api/city/check-in/late`, authorized like it
 * (`points.grant_exception`: city administrators). Registered by `checkInRoutes`.
 */
export function lateIssueSearchRoutes(app: App, { db, clock, config }: AppDeps): void {
  app.get(
    '/api/city/check-in/late/activities',
    {
      schema: {
        tags: ['city'],
        summary:
          'Activities a late issue can be for: started today or earlier (JST), not draft or cancelled; title keyword, dates, newest first (R-PT-2)',
        querystring: activitySearchQuerySchema,
        response: {
          200: z.object({
            items: z.array(activityItemSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      authorize(request, 'points.grant_exception');
      const search = parseActivitySearch(request.query);
      reply.header('cache-control', 'private, no-store');
      return searchLateIssueActivities(db, search, clock.now());
    },
  );

  app.get(
    '/api/city/check-in/late/activities/:id/candidates',
    {
      schema: {
        tags: ['city'],
        summary:
          'Residents who held a place and have not checked in: name, age, gender only (R-ID-4; audited)',
        params: activityIdParams,
        response: {
          200: z.object({ activity: activityItemSchema, candidates: z.array(residentSchema) }),
          ...problems(401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'points.grant_exception');
      const activity = await eligibleActivity(db, request.params.id, clock.now());
      const candidates = await lateIssueCandidates(db, {
        activity,
        actorUserId: viewer.userId,
        requestId: request.id,
      });
      reply.header('cache-control', 'private, no-store');
      return { activity, candidates };
    },
  );

  // A POST, though it changes nothing but the audit log: the name and date of birth travel in
  // the body, never in a URL that proxies, browser history or logs keep.
  app.post(
    '/api/city/check-in/late/activities/:id/resident-lookup',
    {
      schema: {
        tags: ['city'],
        summary:
          'Find a verified resident by the name and date of birth on the My Number Card (walk-ins, R-PT-4; audited)',
        params: activityIdParams,
        body: lookupBodySchema,
        response: {
          200: z.object({
            residents: z.array(
              residentSchema.extend({ alreadyCheckedIn: z.boolean(), applied: z.boolean() }),
            ),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'points.grant_exception');
      refuseIndividualNumber([request.body.name, request.body.birthDate]);
      const activity = await eligibleActivity(db, request.params.id, clock.now());
      const residents = await lookUpResident(db, {
        activity,
        name: request.body.name,
        birthDate: request.body.birthDate,
        identityKeySecret: config.identityKeySecret,
        actorUserId: viewer.userId,
        requestId: request.id,
      });
      reply.header('cache-control', 'private, no-store');
      return { residents };
    },
  );
}
