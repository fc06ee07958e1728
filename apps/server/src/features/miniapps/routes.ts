import { findMiniApp, miniAppIds } from '@kumamoto/domain';
import { z } from 'zod';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requireViewer } from '../../platform/session.ts';
import { problems } from '../../platform/schemas.ts';
import { installMiniApp } from './install-miniapp.ts';
import { installedMiniApps, removeMiniApp } from './store.ts';

const installedSchema = z.object({ installed: z.array(z.enum(miniAppIds)) });

export const miniAppRoutes: Feature = (app, { db }) => {
  app.get(
    '/api/me/miniapps',
    { schema: { tags: ['mini-apps'], response: { 200: installedSchema, ...problems(401) } } },
    async (request) => ({ installed: await installedMiniApps(db, requireViewer(request).userId) }),
  );

  app.post(
    '/api/me/miniapps',
    {
      schema: {
        tags: ['mini-apps'],
        summary: 'Add a mini-app from its install code',
        body: z.object({ miniAppId: z.string().min(1).max(40) }),
        response: { 200: installedSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      installed: await installMiniApp(db, requireViewer(request).userId, request.body.miniAppId),
    }),
  );

  app.delete(
    '/api/me/miniapps/:id',
    {
      schema: {
        tags: ['mini-apps'],
        params: z.object({ id: z.string().max(40) }),
        response: { 200: installedSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const miniApp = findMiniApp(request.params.id);
      if (!miniApp) throw new AppError('unknown_miniapp');
      await removeMiniApp(db, viewer.userId, miniApp.id);
      return { installed: await installedMiniApps(db, viewer.userId) };
    },
  );
};
