import { applicationStatuses, categoryIds } from '@kumamoto/domain';
import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { authorize } from '../../platform/authorize.ts';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/schemas.ts';
import { readAuditLog } from './audit-log.ts';
import { cityActor } from './lifecycle-io.ts';
import { mailNotices, type Outbox } from './notices.ts';
import { approveApplication, openForReview, returnApplication, reviewQueue } from './review.ts';
import { applicationSummarySchema, auditEventSchema, reasonBodySchema, reviewViewSchema } from './schemas.ts';

const tags = ['city'];
const idParams = z.object({ id: z.uuid() });
const pageSchema = z.coerce.number().int().min(1).max(10000).default(1);

/** Comma-separated statuses in the query string, e.g. `?status=submitted,resubmitted`. */
const statusList = z
  .string()
  .transform((value) => value.split(',').filter((part) => part !== ''))
  .pipe(z.array(z.enum(applicationStatuses)).min(1));

/** The city console's review of organizer applications (R-ORG-5) and the audit log (R-PRIV-1). */
export const cityRoutes: Feature = (app, { db, clock, config }) => {
  app.get(
    '/api/city/organizer/applications',
    {
      schema: {
        tags,
        summary: 'Review queue: filter by state, category and age; oldest first; paged',
        querystring: z.object({
          status: statusList.optional(),
          category: z.enum(categoryIds).optional(),
          minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
          page: pageSchema,
        }),
        response: {
          200: z.object({
            items: z.array(applicationSummarySchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      authorize(request, 'organizer.review');
      const { status, category, minAgeDays, page } = request.query;
      return reviewQueue(db, { statuses: status, category, minAgeDays, page, now: clock.now() });
    },
  );

  app.get(
    '/api/city/organizer/applications/:id',
    {
      schema: {
        tags,
        summary: 'Open an application for review (audited)',
        params: idParams,
        response: { 200: reviewViewSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.review');
      const actor = cityActor(viewer.roles);
      if (!actor) throw new AppError('forbidden');
      return openForReview(db, {
        id: request.params.id,
        actorUserId: viewer.userId,
        actor,
        now: clock.now(),
        requestId: request.id,
      });
    },
  );

  app.post(
    '/api/city/organizer/applications/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve: the group is created, the applicant becomes its administrator (R-ORG-5)',
        params: idParams,
        body: reasonBodySchema,
        response: { 200: z.object({ groupId: z.uuid() }), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.review');
      const actor = cityActor(viewer.roles);
      if (!actor) throw new AppError('forbidden');
      const outbox: Outbox = [];
      const result = await approveApplication(db, {
        id: request.params.id,
        actorUserId: viewer.userId,
        actor,
        reason: request.body.reason,
        now: clock.now(),
        requestId: request.id,
        outbox,
      });
      await mailNotices(db, config, outbox, request.log);
      return result;
    },
  );

  app.post(
    '/api/city/organizer/applications/:id/return',
    {
      schema: {
        tags,
        summary: 'Return with a written reason (required)',
        params: idParams,
        body: reasonBodySchema,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'organizer.review');
      const actor = cityActor(viewer.roles);
      if (!actor) throw new AppError('forbidden');
      const outbox: Outbox = [];
      await returnApplication(db, {
        id: request.params.id,
        actorUserId: viewer.userId,
        actor,
        reason: request.body.reason,
        now: clock.now(),
        requestId: request.id,
        outbox,
      });
      await mailNotices(db, config, outbox, request.log);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/city/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first (city administrators; reading it is recorded)',
        querystring: z.object({
          action: z.string().max(100).optional(),
          subjectType: z.string().max(100).optional(),
          subjectId: z.string().max(100).optional(),
          actorUserId: z.uuid().optional(),
          from: z.coerce.date().optional(),
          to: z.coerce.date().optional(),
          page: pageSchema,
        }),
        response: {
          200: z.object({
            items: z.array(auditEventSchema),
            total: z.number().int(),
            page: z.number().int(),
            pageSize: z.number().int(),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'audit.read');
      const query = request.query;
      return readAuditLog(db, {
        actionPrefix: query.action,
        subjectType: query.subjectType,
        subjectId: query.subjectId,
        actorUserId: query.actorUserId,
        from: query.from,
        to: query.to,
        page: query.page,
        readerUserId: viewer.userId,
        requestId: request.id,
      });
    },
  );
};
