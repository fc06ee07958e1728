import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { authorize } from '../../platform/authorize.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { problems } from '../../platform/schemas.ts';
import {
  applyGroupEvent,
  citySideEvents,
  groupHistory,
  groupSideEvents,
  pendingChangeDiff,
} from './group-lifecycle.ts';
import { cityActor } from './lifecycle-io.ts';
import { mailNotices, type Outbox } from './notices.ts';
import { callerRole, groupView } from './members.ts';
import { localizedFieldErrors } from './field-errors.ts';
import { draftBodySchema, groupViewSchema, historyEntrySchema } from './schemas.ts';
import { organizerGroups } from '../../db/schema.ts';
import { eq } from 'drizzle-orm';

const eventBody = z
  .object({
    reason: z.string().max(10000).optional(),
    details: draftBodySchema.extend({ declaration: z.boolean().default(false) }).optional(),
  })
  .default({});

/**
 * Group lifecycle after approval (issue 4 items 3, 5, 6): change, renewal and termination
 * requests from the administrator; review, suspension, resumption and ending by the city.
 * Every one goes through `applyGroupEvent`, i.e. the domain's one lifecycle table.
 */
export const groupLifecycleRoutes: Feature = (app, { db, clock, config }) => {
  app.post(
    '/api/organizer/groups/:id/events/:event',
    {
      schema: {
        tags: ['organizer'],
        summary: 'Change, renewal or termination request by the administrator (R-ORG-6, 8, 9)',
        params: z.object({ id: z.uuid(), event: z.enum(groupSideEvents) }),
        body: eventBody,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const role = await callerRole(db, request.params.id, request.viewer?.userId);
      const viewer = authorize(request, 'organizer.manage_group', role);
      const outbox: Outbox = [];
      await localizedFieldErrors(request, () =>
        applyGroupEvent(db, {
          outbox,
          groupId: request.params.id,
          event: request.params.event,
          side: 'group',
          actorUserId: viewer.userId,
          roles: viewer.roles,
          reason: request.body.reason,
          details: request.body.details,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      await mailNotices(db, config, outbox, request.log);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/city/organizer/groups/:id/events/:event',
    {
      schema: {
        tags: ['city'],
        summary: 'Review a request, or suspend / resume / end a group (R-ORG-10)',
        params: z.object({ id: z.uuid(), event: z.enum(citySideEvents) }),
        body: eventBody,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const sanction = request.params.event.startsWith('group.');
      const viewer = authorize(request, sanction ? 'organizer.suspend' : 'organizer.review');
      const outbox: Outbox = [];
      await applyGroupEvent(db, {
        outbox,
        groupId: request.params.id,
        event: request.params.event,
        side: 'city',
        actorUserId: viewer.userId,
        roles: viewer.roles,
        reason: request.body.reason,
        now: clock.now(),
        requestId: request.id,
      });
      await mailNotices(db, config, outbox, request.log);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/city/organizer/groups',
    {
      schema: {
        tags: ['city'],
        summary: 'Approved groups (names and standing only)',
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.uuid(), name: z.string(), status: z.string(), rightsEnd: z.string() }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async (request) => {
      authorize(request, 'organizer.review');
      const rows = await db
        .select({
          id: organizerGroups.id,
          details: organizerGroups.details,
          status: organizerGroups.status,
          rightsEnd: organizerGroups.rightsEnd,
        })
        .from(organizerGroups)
        .orderBy(organizerGroups.createdAt);
      return {
        items: rows.map(({ details, ...row }) => ({
          ...row,
          name: typeof details.name === 'string' ? details.name : '',
        })),
      };
    },
  );

  app.get(
    '/api/city/organizer/groups/:id',
    {
      schema: {
        tags: ['city'],
        summary:
          'A group for city staff: details, history with internal notes, pending change diff (audited)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: groupViewSchema.extend({
            history: z.array(historyEntrySchema),
            changeDiff: z
              .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
              .nullable(),
          }),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'organizer.review');
      const actor = cityActor(viewer.roles);
      if (!actor) throw new AppError('forbidden');
      return db.transaction(async (tx) => {
        const [group] = await tx
          .select()
          .from(organizerGroups)
          .where(eq(organizerGroups.id, request.params.id));
        if (!group) throw new AppError('not_found');
        await recordAudit(tx, {
          actorUserId: viewer.userId,
          action: 'organizer.group.viewed',
          subjectType: 'organizer_group',
          subjectId: group.id,
          requestId: request.id,
        });
        const view = await groupView(tx, group.id, actor, clock.now());
        return {
          ...view,
          history: await groupHistory(tx, group.id, 'city'),
          changeDiff: await pendingChangeDiff(tx, group),
        };
      });
    },
  );
};
