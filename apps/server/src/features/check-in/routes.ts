import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { authorize, authorizeInGroup } from '../../platform/authorize.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/schemas.ts';
import { rankTableFor } from '../points/rank-table.ts';
import { checkIn, resolveScan, type CheckInScan } from './check-in.ts';
import { lateCheckIn } from './late-issue.ts';
import { lateIssueSearchRoutes } from './late-issue-search-routes.ts';
import { checkInScreen, listAttendances, organizerActivity, type OrganizerActivity } from './organizer.ts';
import { countRefusal } from './refusal-counter.ts';
import { checkInKeys, type CheckInKeys } from './signing.ts';

const localized = z.object({ ja: z.string(), en: z.string() });

export const checkInResultSchema = z
  .object({
    outcome: z.enum(['checked_in', 'already_checked_in']),
    activity: z.object({ id: z.uuid(), title: z.string(), groupName: z.string() }),
    points: z.number().int(),
    certificate: z.object({ serial: z.string() }),
    rankUp: z.object({ rankName: localized }).nullable(),
  })
  .meta({ id: 'CheckInResult' });

const checkInBody = z
  .object({
    /** The token from the QR code's URL `/scan/checkin/<token>`. */
    token: z.string().min(1).max(300).optional(),
    /** The 6 characters typed from under the QR code. */
    code: z.string().min(1).max(40).optional(),
    /** Scanning from this activity's page: a code of any other activity is refused. */
    activityId: z.uuid().optional(),
  })
  .refine((body) => (body.token === undefined) !== (body.code === undefined), {
    message: 'send either token or code',
  });

const screenSchema = z
  .object({
    open: z.boolean(),
    closedReason: z.string().nullable(),
    token: z.string().nullable(),
    url: z.string().nullable(),
    code: z.string().nullable(),
    windowEndsAt: z.date().nullable(),
    counts: z.object({
      checkedIn: z.number().int(),
      walkIns: z.number().int(),
      applied: z.number().int(),
      capacity: z.number().int().nullable(),
    }),
    refusals: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'CheckInScreen' });

const idParams = z.object({ id: z.uuid() });

/**
 * Check-in by QR code (issue 6 parts 1, 2, 5 and 6): the organizer's code screen and
 * attendance list, the resident's scan, and the city's late issue after an app fault.
 */
export const checkInRoutes: Feature = (app, deps) => {
  const { db, clock, config } = deps;
  const keys = checkInKeys(config.signingKeySecret);
  const ranks = rankTableFor(config.ranksFile);

  /** The activity and the caller's role in its group; refused by the policy before a 404. */
  async function authorizeOrganizer(
    request: FastifyRequest,
    action: 'activity.show_checkin_code' | 'activity.view_participants',
  ) {
    let activity: OrganizerActivity | null = null;
    const viewer = await authorizeInGroup(request, action, async (userId) => {
      activity = await organizerActivity(db, (request.params as { id: string }).id, userId);
      return activity?.role ?? null;
    });
    const found = activity as OrganizerActivity | null;
    if (!found) throw new AppError('not_found');
    return { viewer, activity: found };
  }

  app.get(
    '/api/organizer/activities/:id/check-in',
    {
      schema: {
        tags: ['check-in'],
        summary: "The organizer's QR code screen: current code, fallback code, counts (R-PT-1, R-PT-2)",
        params: idParams,
        response: { 200: screenSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { activity } = await authorizeOrganizer(request, 'activity.show_checkin_code');
      reply.header('cache-control', 'no-store');
      return checkInScreen(db, activity, { now: clock.now(), keys, publicUrl: config.publicUrl });
    },
  );

  app.get(
    '/api/organizer/activities/:id/attendances',
    {
      schema: {
        tags: ['check-in'],
        summary: 'Who checked in and when, walk-ins marked (name, age, gender only; R-ID-4; audited)',
        params: idParams,
        response: {
          200: z.object({
            attendances: z.array(
              z.object({
                name: z.string(),
                age: z.number().int().nullable(),
                gender: z.enum(['male', 'female', 'unspecified']).nullable(),
                checkedInAt: z.date(),
                walkIn: z.boolean(),
                method: z.enum(['qr', 'code', 'city']),
              }),
            ),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { viewer, activity } = await authorizeOrganizer(request, 'activity.view_participants');
      reply.header('cache-control', 'private, no-store');
      return {
        attendances: await listAttendances(db, {
          activityId: activity.id,
          startsAt: activity.startsAt,
          actorUserId: viewer.userId,
          requestId: request.id,
        }),
      };
    },
  );

  app.post(
    '/api/check-in',
    {
      schema: {
        tags: ['check-in'],
        summary:
          'Check in with the scanned QR token or the typed code: 100 points and a certificate (R-PT-1 … R-PT-6)',
        body: checkInBody,
        response: { 200: checkInResultSchema, ...problems(400, 401, 403, 404, 409, 410) },
      },
    },
    async (request) => {
      const scan: CheckInScan =
        request.body.token !== undefined ? { token: request.body.token } : { code: request.body.code ?? '' };
      const expectedActivityId = request.body.activityId;
      const viewer = await authorizeCountingUnverified(
        request,
        db,
        keys,
        scan,
        expectedActivityId,
        clock.now(),
      );
      return checkIn(db, {
        userId: viewer.userId,
        scan,
        ...(expectedActivityId ? { expectedActivityId } : {}),
        now: clock.now(),
        keys,
        ranks,
        requestId: request.id,
      });
    },
  );

  app.post(
    '/api/city/check-in/late',
    {
      schema: {
        tags: ['city'],
        summary:
          'Issue points and a certificate after the day, for an app fault only (R-PT-2, FAQ Q3; audited)',
        body: z.object({ activityId: z.uuid(), userId: z.uuid(), reason: z.string().max(2000) }),
        response: { 201: checkInResultSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'points.grant_exception');
      const result = await lateCheckIn(db, {
        ...request.body,
        staffUserId: viewer.userId,
        now: clock.now(),
        keys,
        ranks,
        requestId: request.id,
      });
      return reply.status(201).send(result);
    },
  );
  // Finding the activity and the resident for it, without ids (FAQ Q3).
  lateIssueSearchRoutes(app, deps);
};

/**
 * `points.receive` needs a verified resident (R-PT-3). An unverified one who scanned a good
 * code is refused the same way, and counted as "not verified" on the organizer's screen.
 */
async function authorizeCountingUnverified(
  request: FastifyRequest,
  db: Database,
  keys: CheckInKeys,
  scan: CheckInScan,
  expectedActivityId: string | undefined,
  now: Date,
) {
  try {
    return authorize(request, 'points.receive');
  } catch (error) {
    const viewer = request.viewer;
    if (!(error instanceof AppError) || error.code !== 'verification_required' || !viewer) throw error;
    const resolved = await resolveScan(db, {
      scan,
      ...(expectedActivityId ? { expectedActivityId } : {}),
      now,
      keys,
      userId: viewer.userId,
      requestId: request.id,
    }).catch(() => null);
    if (resolved) await countRefusal(db, resolved.activityId, 'not_verified', now);
    throw error;
  }
}
