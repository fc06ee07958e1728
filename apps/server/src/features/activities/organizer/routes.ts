import { z } from 'zod';
import type { Feature } from '../../../platform/deps.ts';
import { problems } from '../../../platform/schemas.ts';
import { authorizeActivity, authorizeGroup } from './access.ts';
import { cancelActivity } from './cancel-activity.ts';
import { createActivity } from './create-activity.ts';
import { deleteDraft } from './delete-activity.ts';
import { imageRoutes } from './image-routes.ts';
import { noticeRoutes } from './notice-routes.ts';
import { participantRoutes } from './participant-routes.ts';
import { changeVisibility, publishActivity } from './publish-activity.ts';
import {
  activityFormSchema,
  activityForEditingResponse,
  activityIdParams,
  cancelBody,
  groupActivitiesResponse,
  groupIdParams,
  idResponse,
  publishBody,
  visibilityBody,
} from './schemas.ts';
import { updateActivity } from './update-activity.ts';
import { inReadersLanguage } from './validate.ts';
import { activityForEditing, groupActivities } from './views.ts';

const tags = ['activities (organizer)'];

/**
 * The organizer side of activities (issue 5 parts 1, 4, 5, 6): a group's administrator and
 * members create, publish, edit, cancel and delete its activities, send notices and see the
 * participants. Every route authorizes `activity.manage` (or `activity.view_participants`) by
 * the caller's role in the activity's group.
 */
export const activityOrganizerRoutes: Feature = (app, deps) => {
  const { db, clock, config } = deps;

  app.get(
    '/api/organizer/groups/:id/activities',
    {
      schema: {
        tags,
        summary: "The group's activities: drafts, published, cancelled, ended",
        params: groupIdParams,
        response: { 200: groupActivitiesResponse, ...problems(401, 403) },
      },
    },
    async (request) => {
      await authorizeGroup(db, request, 'activity.manage', request.params.id);
      return { activities: await groupActivities(db, request.params.id, clock.now()) };
    },
  );

  app.post(
    '/api/organizer/groups/:id/activities',
    {
      schema: {
        tags,
        summary: 'Save a new activity as a draft, or publish it at once (R-ACT-1, R-ACT-2)',
        params: groupIdParams,
        body: activityFormSchema,
        response: { 201: idResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = await authorizeGroup(db, request, 'activity.manage', request.params.id);
      const id = await inReadersLanguage(request, () =>
        createActivity(db, {
          groupId: request.params.id,
          actorUserId: viewer.userId,
          form: request.body,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      return reply.status(201).send({ id });
    },
  );

  app.get(
    '/api/organizer/activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity for editing, with the actions open now and the share link',
        params: activityIdParams,
        response: { 200: activityForEditingResponse, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const { activity } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      return activityForEditing(db, config, activity, clock.now());
    },
  );

  app.put(
    '/api/organizer/activities/:id',
    {
      schema: {
        tags,
        summary: 'Save the edited activity (a date change notifies participants, R-ACT-4)',
        params: activityIdParams,
        body: activityFormSchema,
        response: { 200: idResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { viewer } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      await inReadersLanguage(request, () =>
        updateActivity(db, {
          activityId: request.params.id,
          actorUserId: viewer.userId,
          form: request.body,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      return { id: request.params.id };
    },
  );

  app.post(
    '/api/organizer/activities/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft, all five eligibility criteria ticked (R-ACT-1)',
        params: activityIdParams,
        body: publishBody,
        response: { 200: idResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { viewer } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      await inReadersLanguage(request, () =>
        publishActivity(db, {
          activityId: request.params.id,
          actorUserId: viewer.userId,
          visibility: request.body.visibility,
          eligibility: request.body.eligibility,
          now: clock.now(),
          requestId: request.id,
        }),
      );
      return { id: request.params.id };
    },
  );

  app.post(
    '/api/organizer/activities/:id/visibility',
    {
      schema: {
        tags,
        summary: 'Switch a published activity between public and unlisted',
        params: activityIdParams,
        body: visibilityBody,
        response: { 200: idResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { viewer } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      await changeVisibility(db, {
        activityId: request.params.id,
        actorUserId: viewer.userId,
        visibility: request.body.visibility,
        now: clock.now(),
        requestId: request.id,
      });
      return { id: request.params.id };
    },
  );

  app.post(
    '/api/organizer/activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel the activity; participants are notified with the reason (R-ACT-4)',
        params: activityIdParams,
        body: cancelBody,
        response: { 200: idResponse, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { viewer } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      await cancelActivity(db, {
        activityId: request.params.id,
        actorUserId: viewer.userId,
        reason: request.body.reason,
        now: clock.now(),
        requestId: request.id,
      });
      return { id: request.params.id };
    },
  );

  app.delete(
    '/api/organizer/activities/:id',
    {
      schema: {
        tags,
        summary: 'Delete a draft; a published activity stays in history (R-ACT-5)',
        params: activityIdParams,
        response: { 204: z.null(), ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { viewer } = await authorizeActivity(db, request, 'activity.manage', request.params.id);
      await deleteDraft(db, {
        activityId: request.params.id,
        actorUserId: viewer.userId,
        now: clock.now(),
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  imageRoutes(app, deps);
  noticeRoutes(app, deps);
  participantRoutes(app, deps);
};
