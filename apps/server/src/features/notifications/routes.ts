import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requireViewer } from '../../platform/session.ts';
import { problems } from '../../platform/schemas.ts';
import { listInbox, markAllRead, markRead } from './store.ts';

const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export const notificationRoutes: Feature = (app, { db, clock }) => {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The in-app inbox, newest first',
        response: {
          200: z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
          ...problems(401),
        },
      },
    },
    async (request) => {
      const { items, unread } = await listInbox(db, requireViewer(request).userId);
      return { items: items.map(({ userId: _userId, ...item }) => item), unread };
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const found = await markRead(db, requireViewer(request).userId, request.params.id, clock.now());
      if (!found) throw new AppError('not_found');
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/notifications/read-all',
    { schema: { tags: ['notifications'], response: { 204: z.null(), ...problems(401, 403) } } },
    async (request, reply) => {
      await markAllRead(db, requireViewer(request).userId, clock.now());
      return reply.status(204).send(null);
    },
  );
};
