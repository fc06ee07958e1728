import { z } from 'zod';
import { authorize } from '../../../platform/authorize.ts';
import type { Feature } from '../../../platform/deps.ts';
import { problems } from '../../../platform/schemas.ts';
import { activityIdParams } from '../discover/schema.ts';
import { applyToActivity } from './apply-to-activity.ts';
import { cancelApplication } from './cancel-application.ts';
import { myActivities, myActivitySchema } from './my-activities.ts';

const tags = ['activities'];

/**
 * Applying and withdrawing (issue 5 part 3) and "my activities" (part 6, R-ACT-5). Any
 * signed-in resident may apply (`activity.apply`); an unverified one is told that points and a
 * certificate need card verification before the day (R-PT-3).
 */
export const applyRoutes: Feature = (app, { db, clock }) => {
  app.post(
    '/api/activities/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply; a full activity puts the resident on the waiting list',
        params: activityIdParams,
        body: z.object({ share: z.string().max(64).optional() }).optional(),
        response: {
          201: z.object({
            status: z.enum(['applied', 'waitlisted']),
            waitlistPosition: z.number().int().nullable(),
            warnings: z.array(z.enum(['verify_before_the_day'])),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'activity.apply');
      const result = await applyToActivity(db, {
        activityId: request.params.id,
        userId: viewer.userId,
        share: request.body?.share,
        clock,
        requestId: request.id,
      });
      return reply.status(201).send(result);
    },
  );

  app.delete(
    '/api/activities/:id/applications/me',
    {
      schema: {
        tags,
        summary: 'Withdraw (until the start); a freed place goes to the first on the waiting list',
        params: activityIdParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'activity.apply');
      await cancelApplication(db, {
        activityId: request.params.id,
        userId: viewer.userId,
        clock,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me/activities',
    {
      schema: {
        tags,
        summary: "The resident's activities: upcoming and past (R-ACT-5)",
        response: {
          200: z.object({ upcoming: z.array(myActivitySchema), past: z.array(myActivitySchema) }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'activity.apply');
      return myActivities(db, viewer.userId, clock.now());
    },
  );
};
