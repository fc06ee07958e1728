import { z } from 'zod';
import { ping } from '../../db/client.ts';
import { appliedMigrationCount, expectedMigrationCount } from '../../db/migrate.ts';
import { AppError } from '../../platform/errors.ts';
import type { Feature } from '../../platform/deps.ts';
import { problems } from '../../platform/schemas.ts';

/** Liveness (the process answers) and readiness (database reachable, schema up to date). */
export const healthRoutes: Feature = (app, { db }) => {
  const expected = expectedMigrationCount();

  app.get(
    '/healthz',
    { schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } } },
    () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      schema: {
        tags: ['health'],
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: z.literal('ok'),
            migrations: z.object({ applied: z.number(), expected: z.number() }),
          }),
          ...problems(503),
        },
      },
    },
    async (request) => {
      try {
        await ping(db);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new AppError('service_unavailable', { detail: 'database unreachable' });
      }
      const applied = await appliedMigrationCount(db);
      if (applied < expected) throw new AppError('service_unavailable', { detail: 'migrations pending' });
      return { status: 'ready' as const, database: 'ok' as const, migrations: { applied, expected } };
    },
  );
};
