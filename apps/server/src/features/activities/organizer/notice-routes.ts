import type { Feature } from '../../../platform/deps.ts';
import { problems } from '../../../platform/schemas.ts';
import { authorizeActivity } from './access.ts';
import { listNotices, sendOrganizerNotice } from './notices.ts';
import { activityIdParams, noticeBody, noticeSentResponse, noticesResponse } from './schemas.ts';

const tags = ['activities (organizer)'];

/** Notices to participants (R-ACT-4): one-way, to the inbox. */
export const noticeRoutes: Feature = (app, { db, clock }) => {
  app.get(
    '/api/organizer/activities/:id/notices',
    {
      schema: {
        tags,
        summary: 'Notices sent about the activity, by the organizers and automatically',
        params: activityIdParams,
        response: { 200: noticesResponse, ...problems(401, 403) },
      },
    },
    async (request) => {
      await authorizeActivity(db, request, 'activity.manage', request.params.id);
      return { notices: await listNotices(db, request.params.id) };
    },
  );

  app.post(
    '/api/organizer/activities/:id/notices',
    {
      schema: {
        tags,
        summary: 'Send a notice to everyone who applied or is on the waiting list',
        params: activityIdParams,
        body: noticeBody,
        response: { 201: noticeSentResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { viewer } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      const sent = await sendOrganizerNotice(db, {
        activityId: request.params.id,
        actorUserId: viewer.userId,
        body: request.body.body,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(201).send(sent);
    },
  );
};
