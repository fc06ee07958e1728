import { locales } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { clearSessionCookie } from '../../platform/session.ts';
import { problems } from '../../platform/schemas.ts';
import { deleteAccount } from './delete-account.ts';

export const accountRoutes: Feature = (app, { db, clock, config }) => {
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
      const viewer = authorize(request, 'account.manage');
      await db.update(users).set({ locale: request.body.locale }).where(eq(users.id, viewer.userId));
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/me',
    {
      schema: {
        tags: ['account'],
        summary: 'Delete my account: sign-in methods and personal data go, and this browser is signed out',
        description:
          'Needs `{ "confirm": true }`. The account row stays without personal data so records others keep ' +
          '(attendance counts, issued certificate serials) still point at it. The same My Number Card may ' +
          'later verify a new account.',
        body: z.object({ confirm: z.boolean() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 410) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'account.manage');
      if (!request.body.confirm) throw new AppError('account_deletion_unconfirmed');
      await deleteAccount(db, { userId: viewer.userId, now: clock.now(), requestId: request.id });
      clearSessionCookie(reply, config);
      return reply.status(204).send(null);
    },
  );
};
