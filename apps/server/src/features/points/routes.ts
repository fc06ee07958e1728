import { z } from 'zod';
import { authorize } from '../../platform/authorize.ts';
import type { Feature } from '../../platform/deps.ts';
import { problems } from '../../platform/schemas.ts';
import { pointsSummary } from './my-points.ts';
import { rankTableFor } from './rank-table.ts';

const localized = z.object({ ja: z.string(), en: z.string() });

export const pointsSummarySchema = z
  .object({
    balance: z.number().int(),
    expiring: z.array(z.object({ amount: z.number().int(), lastUsableDay: z.string() })),
    history: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['grant', 'spend', 'adjustment', 'expiry']),
        amount: z.number().int(),
        at: z.date(),
        lastUsableDay: z.string().nullable(),
        activityTitle: z.string().nullable(),
      }),
    ),
    rank: z.object({
      id: z.string(),
      name: localized,
      participations: z.number().int(),
      next: z.object({ id: z.string(), name: localized, minParticipations: z.number().int() }).nullable(),
    }),
  })
  .meta({ id: 'PointsSummary' });

/** The points mini-app (issue 6 part 3): verified residents only (R-ID-2). */
export const pointsRoutes: Feature = (app, { db, clock, config }) => {
  const ranks = rankTableFor(config.ranksFile);

  app.get(
    '/api/me/points',
    {
      schema: {
        tags: ['points'],
        summary: 'My balance, points about to expire, history and rank (R-PT-6, R-PT-9)',
        response: { 200: pointsSummarySchema, ...problems(401, 403) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'points.view');
      reply.header('cache-control', 'private, no-store');
      return pointsSummary(db, { userId: viewer.userId, now: clock.now(), ranks });
    },
  );
};
