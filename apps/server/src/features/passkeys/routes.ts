import { locales, pickLocale, type Locale } from '@kumamoto/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppDeps, Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { requireViewer, signIn } from '../../platform/session.ts';
import { deleteSession, findViewer } from '../../platform/session-store.ts';
import { problems, userSchema } from '../../platform/schemas.ts';
import { presentUser } from '../session/present-user.ts';
import { finishAddPasskey, startAddPasskey } from './add-passkey.ts';
import { relyingParty } from './ceremony.ts';
import { removePasskey } from './remove-passkey.ts';
import { renamePasskey } from './rename-passkey.ts';
import {
  authenticationResponseSchema,
  ceremonyOptionsSchema,
  credentialIdParams,
  displayNameSchema,
  passkeyNameSchema,
  passkeySchema,
  registrationResponseSchema,
} from './schema.ts';
import { finishSignIn, startSignIn } from './sign-in.ts';
import { finishSignUp, startSignUp } from './sign-up.ts';
import { hasConfirmedEmail, listPasskeys } from './store.ts';

/** Ceremonies write a row each: a tighter limit than the app-wide one. */
const ceremonyLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };
const signedInResult = z.object({ user: userSchema, csrfToken: z.string() });

/**
 * Passkeys (WebAuthn), the main way to sign in (issue 3): create an account with one, sign
 * in with one, and manage the account's passkeys on My page.
 */
export const passkeyRoutes: Feature = (app, deps) => {
  const { db, clock, config } = deps;
  const rp = relyingParty(config);

  app.post(
    '/api/passkeys/sign-up/options',
    {
      config: ceremonyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Start creating an account with a passkey',
        body: z.object({ displayName: displayNameSchema }),
        response: { 200: z.object({ options: ceremonyOptionsSchema }), ...problems(400, 403, 429) },
      },
    },
    async (request) => ({
      options: asJson(
        await startSignUp(db, {
          displayName: request.body.displayName,
          rp,
          now: clock.now(),
          requestId: request.id,
        }),
      ),
    }),
  );

  app.post(
    '/api/passkeys/sign-up/verify',
    {
      config: ceremonyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Finish creating the account: verify the new passkey and sign in',
        body: z.object({ response: registrationResponseSchema, locale: z.enum(locales).optional() }),
        response: { 200: signedInResult, ...problems(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const { userId } = await finishSignUp(db, {
        response: request.body.response,
        locale: localeOf(request, request.body.locale),
        userAgent: request.headers['user-agent'],
        rp,
        now: clock.now(),
        requestId: request.id,
      });
      return startPasskeySession(request, reply, deps, userId);
    },
  );

  app.post(
    '/api/passkeys/sign-in/options',
    {
      config: ceremonyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Start signing in with a passkey (no user name: the device offers its passkeys)',
        response: { 200: z.object({ options: ceremonyOptionsSchema }), ...problems(403, 429) },
      },
    },
    async () => ({ options: asJson(await startSignIn(db, { rp, now: clock.now() })) }),
  );

  app.post(
    '/api/passkeys/sign-in/verify',
    {
      config: ceremonyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Finish signing in: verify the passkey and start a session',
        body: z.object({ response: authenticationResponseSchema }),
        response: { 200: signedInResult, ...problems(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { userId } = await finishSignIn(db, {
        response: request.body.response,
        rp,
        now: clock.now(),
        requestId: request.id,
      });
      return startPasskeySession(request, reply, deps, userId);
    },
  );

  app.get(
    '/api/me/passkeys',
    {
      schema: {
        tags: ['passkeys'],
        summary: "The viewer's passkeys, and whether an e-mail address could stand in for the last one",
        response: {
          200: z.object({ passkeys: z.array(passkeySchema), hasEmail: z.boolean() }),
          ...problems(401),
        },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      reply.header('cache-control', 'no-store');
      const [list, hasEmail] = await Promise.all([
        listPasskeys(db, viewer.userId),
        hasConfirmedEmail(db, viewer.userId),
      ]);
      return { passkeys: list, hasEmail };
    },
  );

  app.post(
    '/api/me/passkeys/options',
    {
      config: ceremonyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Start adding a passkey to the signed-in account',
        response: { 200: z.object({ options: ceremonyOptionsSchema }), ...problems(401, 403, 429) },
      },
    },
    async (request) => ({
      options: asJson(await startAddPasskey(db, { viewer: requireViewer(request), rp, now: clock.now() })),
    }),
  );

  app.post(
    '/api/me/passkeys/verify',
    {
      config: ceremonyLimit,
      schema: {
        tags: ['passkeys'],
        summary: 'Finish adding a passkey',
        body: z.object({ response: registrationResponseSchema }),
        response: { 200: z.object({ passkey: passkeySchema }), ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const passkey = await finishAddPasskey(db, {
        viewer,
        response: request.body.response,
        locale: viewer.locale,
        userAgent: request.headers['user-agent'],
        rp,
        now: clock.now(),
        requestId: request.id,
      });
      return { passkey };
    },
  );

  app.put(
    '/api/me/passkeys/:id/name',
    {
      schema: {
        tags: ['passkeys'],
        summary: 'Rename one of the viewer’s passkeys',
        params: credentialIdParams,
        body: z.object({ name: passkeyNameSchema }),
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await renamePasskey(db, {
        userId: viewer.userId,
        passkeyId: request.params.id,
        name: request.body.name,
        requestId: request.id,
      });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/me/passkeys/:id',
    {
      schema: {
        tags: ['passkeys'],
        summary: 'Remove one of the viewer’s passkeys (the last one only with a confirmed e-mail)',
        params: credentialIdParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await removePasskey(db, { userId: viewer.userId, passkeyId: request.params.id, requestId: request.id });
      return reply.status(204).send(null);
    },
  );
};

/** WebAuthn options pass through as they are (the library's interfaces lack an index signature). */
function asJson(options: { challenge: string }): z.infer<typeof ceremonyOptionsSchema> {
  return { ...options };
}

/** The language a new account starts with: what the screen shows, else the browser's. */
function localeOf(request: FastifyRequest, chosen: Locale | undefined): Locale {
  return chosen ?? pickLocale(request.headers['accept-language']);
}

/**
 * Signs the browser in as the passkey's owner. A session this browser already had (perhaps
 * someone else's) ends first, so one browser never holds two.
 */
async function startPasskeySession(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  userId: string,
): Promise<z.infer<typeof signedInResult>> {
  if (request.viewer) await deleteSession(deps.db, request.viewer.sessionHash);
  const { token, csrfToken } = await signIn(request, reply, deps, userId, 'passkey');
  const viewer = await findViewer(deps.db, token, deps.clock.now());
  if (!viewer) throw new AppError('internal');
  return { user: presentUser(viewer), csrfToken };
}
