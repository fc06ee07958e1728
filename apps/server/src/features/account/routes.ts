import { locales } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema.ts';
import type { Feature } from '../../platform/deps.ts';
import { requireViewer } from '../../platform/session.ts';
import { problems } from '../../platform/schemas.ts';

export const accountRoutes: Feature = (app, { db }) => {
  app.put(
    '/api/me/locale',
    {
      schema: {
        tags: ['account'],
        summary: 'The language notifications and mail use for this person',
        body: z.object({ locale: z.enum(locales) }),
        response: { 204: z.null(), ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await db.update(users).set({ locale: request.body.locale }).where(eq(users.id, viewer.userId));
      return reply.status(204).send(null);
    },
  );
};
