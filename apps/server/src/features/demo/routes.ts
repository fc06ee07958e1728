import { identityLevels, roles } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { signIn } from '../../platform/session.ts';
import { findViewer } from '../../platform/session-store.ts';
import { problems, userSchema } from '../../platform/schemas.ts';
import { presentUser } from '../session/present-user.ts';
import { demoPersonas, findPersona } from './personas.ts';

/**
 * Demo sign-in: act as any seeded persona without credentials. Registered only when the
 * config allows it, which it never does in production (config.ts refuses).
 */
export const demoRoutes: Feature = (app, deps) => {
  const { db, config, clock } = deps;
  const refuseWhenDisabled = () => {
    if (!config.demoSignIn) throw new AppError('demo_disabled');
  };

  app.get(
    '/api/demo/personas',
    {
      schema: {
        tags: ['demo'],
        summary: 'Demo personas (development only)',
        response: {
          200: z.object({
            personas: z.array(
              z.object({
                key: z.string(),
                displayName: z.string(),
                description: z.object({ ja: z.string(), en: z.string() }),
                identity: z.enum(identityLevels),
                roles: z.array(z.enum(roles)),
              }),
            ),
          }),
          ...problems(404),
        },
      },
    },
    () => {
      refuseWhenDisabled();
      return {
        personas: demoPersonas.map(({ key, displayName, description, card, roles }) => ({
          key,
          displayName,
          description,
          identity: card ? ('verified' as const) : ('unverified' as const),
          roles,
        })),
      };
    },
  );

  app.post(
    '/api/demo/sign-in',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['demo'],
        summary: 'Sign in as a demo persona (development only)',
        body: z.object({ persona: z.string().min(1).max(50) }),
        response: { 200: z.object({ user: userSchema, csrfToken: z.string() }), ...problems(400, 403, 404) },
      },
    },
    async (request, reply) => {
      refuseWhenDisabled();
      if (!findPersona(request.body.persona)) throw new AppError('unknown_persona');
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.persona, request.body.persona));
      if (!user) throw new AppError('unknown_persona');
      const { token, csrfToken } = await signIn(request, reply, deps, user.id, 'demo');
      await recordAudit(db, {
        actorUserId: user.id,
        action: 'session.demo_sign_in',
        subjectType: 'user',
        subjectId: user.id,
        requestId: request.id,
      });
      const viewer = await findViewer(db, token, clock.now());
      if (!viewer) throw new AppError('internal');
      return { user: presentUser(viewer), csrfToken };
    },
  );
};
