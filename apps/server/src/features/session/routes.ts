import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { clearSessionCookie, csrfTokenFor } from '../../platform/session.ts';
import { deleteSession } from '../../platform/session-store.ts';
import { problems, userSchema } from '../../platform/schemas.ts';
import { presentUser } from './present-user.ts';

export const sessionRoutes: Feature = (app, { db, config }) => {
  app.get(
    '/api/config',
    {
      schema: {
        tags: ['session'],
        summary: 'Public configuration the web app needs',
        response: {
          200: z.object({
            environment: z.enum(['development', 'test', 'production']),
            demoSignIn: z.boolean(),
            publicUrl: z.string(),
          }),
        },
      },
    },
    () => ({ environment: config.environment, demoSignIn: config.demoSignIn, publicUrl: config.publicUrl }),
  );

  app.get(
    '/api/session',
    {
      schema: {
        tags: ['session'],
        summary: 'Who is signed in, and the CSRF token for writes',
        response: { 200: z.object({ user: userSchema.nullable(), csrfToken: z.string() }) },
      },
    },
    (request, reply) => {
      reply.header('cache-control', 'no-store');
      return {
        user: request.viewer ? presentUser(request.viewer) : null,
        csrfToken: csrfTokenFor(request, reply, config),
      };
    },
  );

  app.post(
    '/api/session/sign-out',
    { schema: { tags: ['session'], response: { 204: z.null(), ...problems(403) } } },
    async (request, reply) => {
      if (request.viewer) await deleteSession(db, request.viewer.sessionHash);
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );
};
