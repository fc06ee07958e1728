import { locales, pickLocale } from '@kumamoto/domain';
import { z } from 'zod';
import type { Feature } from '../../../platform/deps.ts';
import { problems } from '../../../platform/schemas.ts';
import { authorizeActivity } from './access.ts';
import { exportParticipantsCsv, viewParticipants } from './participants.ts';
import { activityIdParams, participantsResponse } from './schemas.ts';

const tags = ['activities (organizer)'];

/** Participants (R-ID-4): name, age and gender only; every view and export audited. */
export const participantRoutes: Feature = (app, { db, clock }) => {
  app.get(
    '/api/organizer/activities/:id/participants',
    {
      schema: {
        tags,
        summary: 'Participants (name, age, gender) and counts; audited',
        params: activityIdParams,
        response: { 200: participantsResponse, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { viewer } = await authorizeActivity(
        db,
        request,
        'activity.view_participants',
        request.params.id,
      );
      const list = await viewParticipants(db, {
        activityId: request.params.id,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.header('cache-control', 'private, no-store').send(list);
    },
  );

  app.get(
    '/api/organizer/activities/:id/participants.csv',
    {
      schema: {
        tags,
        summary: 'Participants holding a place as CSV (UTF-8 with BOM, for Excel); audited',
        params: activityIdParams,
        querystring: z.object({ lang: z.enum(locales).optional() }),
        response: { 200: z.unknown().describe('text/csv, UTF-8 with BOM'), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { viewer, activity } = await authorizeActivity(
        db,
        request,
        'activity.view_participants',
        request.params.id,
      );
      const csv = await exportParticipantsCsv(db, {
        activityId: activity.id,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
        locale: request.query.lang ?? pickLocale(request.headers['accept-language']),
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="participants-${activity.id}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(csv, 'utf8'));
    },
  );
};
