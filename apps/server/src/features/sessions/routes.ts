import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { clearSessionCookie, requireViewer } from '../../platform/session.ts';
import { problems } from '../../platform/schemas.ts';
import { listSessions, revokeOtherSessions, revokeSession } from './store.ts';

const sessionSchema = z
  .object({
    id: z.uuid().describe('Public id for revoking; not the token'),
    method: z.enum(['passkey', 'email_code', 'demo']),
    device: z.string().nullable().describe('Short label from the browser, e.g. "iPhone · Safari"'),
    createdAt: z.date(),
    lastSeenAt: z.date(),
    current: z.boolean().describe('This browser'),
  })
  .meta({ id: 'SignedInSession' });

/** My page: where the person is signed in, and ending any of it (issue 3, R-PRIV-1). */
export const sessionListRoutes: Feature = (app, { db, clock, config }) => {
  app.get(
    '/api/me/sessions',
    {
      schema: {
        tags: ['sessions'],
        summary: "The viewer's signed-in sessions, this browser first",
        response: { 200: z.object({ sessions: z.array(sessionSchema) }), ...problems(401) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      reply.header('cache-control', 'no-store');
      const list = await listSessions(db, {
        userId: viewer.userId,
        currentHash: viewer.sessionHash,
        now: clock.now(),
      });
      return { sessions: list };
    },
  );

  app.delete(
    '/api/me/sessions/:id',
    {
      schema: {
        tags: ['sessions'],
        summary: "Sign out one of the viewer's sessions (this one too: that is signing out)",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const result = await revokeSession(db, {
        userId: viewer.userId,
        publicId: request.params.id,
        currentHash: viewer.sessionHash,
        requestId: request.id,
      });
      if (!result) throw new AppError('not_found');
      if (result.wasCurrent) clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/me/sessions/sign-out-others',
    {
      schema: {
        tags: ['sessions'],
        summary: 'Sign out every other session of the viewer; this browser stays signed in',
        response: { 200: z.object({ revoked: z.number().int() }), ...problems(401, 403) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const revoked = await revokeOtherSessions(db, {
        userId: viewer.userId,
        currentHash: viewer.sessionHash,
        requestId: request.id,
      });
      return { revoked };
    },
  );
};
