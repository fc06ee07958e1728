import { locales, looksLikeIndividualNumber, pickLocale, type Locale } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { authorize } from '../../platform/authorize.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { signIn } from '../../platform/session.ts';
import { findViewer } from '../../platform/session-store.ts';
import { problems, userSchema } from '../../platform/schemas.ts';
import { presentUser } from '../session/present-user.ts';
import { mailerFor } from '../mail/mailer.ts';
import { normalizeCode, perClientLimits } from './codes.ts';
import { confirmEmail } from './confirm-email.ts';
import { requestCode } from './request-code.ts';
import { signInWithCode } from './sign-in-with-code.ts';

/** An address as typed: trimmed, lower-cased, then checked (one account per address, any case). */
const emailInput = z.string().trim().toLowerCase().max(254).pipe(z.email());
const localeInput = z.enum(locales).optional();
/** Six digits; full-width digits, spaces and hyphens are accepted and removed (normalizeCode). */
const codeInput = z.string().min(1).max(20);
const displayNameInput = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u);

const codeSentSchema = z
  .object({ sentTo: z.string(), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'EmailCodeSent' });

const emailStateSchema = z
  .object({ email: z.string().nullable(), verifiedAt: z.iso.datetime({ offset: true }).nullable() })
  .meta({ id: 'AccountEmail' });

function typedCode(raw: string): string {
  const code = normalizeCode(raw);
  if (code === null) {
    throw new AppError('validation_failed', { fieldErrors: [{ path: 'body.code', message: 'six_digits' }] });
  }
  return code;
}

function localeOf(request: FastifyRequest, chosen: Locale | undefined): Locale {
  return chosen ?? pickLocale(request.headers['accept-language']);
}

/**
 * E-mail one-time codes: the sign-in fallback (and sign-up for people without a passkey), and
 * adding or changing the account's confirmed address. Flow for signing in:
 *
 *   POST /api/sign-in/email-code          { email }            → code sent (same answer for any address)
 *   POST /api/sign-in/email-code/verify   { email, code }      → signed in, or `name_required`
 *   POST /api/sign-in/email-code/verify   { email, code, displayName } → account created, signed in
 *
 * Rate limits: five codes an hour per address (database), and per client address the
 * @fastify/rate-limit budgets in codes.ts; every refusal is audited.
 */
export const emailCodeRoutes: Feature = (app, deps) => {
  const { db, config, clock } = deps;
  const mailer = mailerFor(config, db);
  const useCaseDeps = { ...deps, mailer, log: app.log };

  /** Per-client limits; going over one is a security-relevant refusal, so it is audited. */
  const clientLimit = (budget: { max: number; timeWindow: string }) => ({
    rateLimit: {
      ...budget,
      onExceeded: (request: FastifyRequest) => {
        recordAudit(db, {
          actorUserId: request.viewer?.userId ?? null,
          action: 'email_code.refused',
          subjectType: 'client',
          reason: 'rate_limited',
          details: { route: request.routeOptions.url ?? request.url, client: request.ip },
          requestId: request.id,
        }).catch((error: unknown) => request.log.error({ err: error }, 'audit of a rate limit failed'));
      },
    },
  });

  app.post(
    '/api/sign-in/email-code',
    {
      config: clientLimit(perClientLimits.request),
      schema: {
        tags: ['sign-in'],
        summary:
          'Send a one-time sign-in code to an address (the same answer whether or not it has an account)',
        body: z.object({ email: emailInput, locale: localeInput }),
        response: { 200: codeSentSchema, ...problems(400, 403, 429, 503) },
      },
    },
    async (request) => {
      const { email, locale } = request.body;
      const { expiresAt } = await requestCode(useCaseDeps, {
        email,
        purpose: 'sign_in',
        userId: null,
        locale: localeOf(request, locale),
        requestId: request.id,
      });
      return { sentTo: email, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/sign-in/email-code/verify',
    {
      config: clientLimit(perClientLimits.verify),
      schema: {
        tags: ['sign-in'],
        summary: 'Sign in (or sign up, with a display name) with the code sent to an address',
        body: z.object({
          email: emailInput,
          code: codeInput,
          displayName: displayNameInput.optional(),
          locale: localeInput,
        }),
        response: {
          200: z.discriminatedUnion('result', [
            z.object({
              result: z.literal('signed_in'),
              created: z.boolean(),
              user: userSchema,
              csrfToken: z.string(),
            }),
            z.object({ result: z.literal('name_required') }),
          ]),
          ...problems(400, 403, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const { email, displayName, locale } = request.body;
      const code = typedCode(request.body.code);
      // R-ID-3: a name that looks like a 12-digit individual number is refused before anything happens.
      if (displayName !== undefined && looksLikeIndividualNumber(displayName)) {
        throw new AppError('individual_number_refused', {
          fieldErrors: [{ path: 'body.displayName', message: 'individual_number' }],
        });
      }
      const outcome = await signInWithCode(deps, {
        email,
        code,
        displayName: displayName ?? null,
        locale: localeOf(request, locale),
        requestId: request.id,
      });
      if (outcome.kind === 'name_required') return { result: 'name_required' as const };
      const { token, csrfToken } = await signIn(request, reply, deps, outcome.userId, 'email_code');
      const viewer = await findViewer(db, token, clock.now());
      if (!viewer) throw new AppError('internal');
      return {
        result: 'signed_in' as const,
        created: outcome.created,
        user: presentUser(viewer),
        csrfToken,
      };
    },
  );

  app.get(
    '/api/me/email',
    {
      schema: {
        tags: ['account'],
        summary: "The account's confirmed e-mail address, if any",
        response: { 200: emailStateSchema, ...problems(401) },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'account.manage');
      const [row] = await db
        .select({ email: users.email, verifiedAt: users.emailVerifiedAt })
        .from(users)
        .where(eq(users.id, viewer.userId));
      if (!row) throw new AppError('unauthenticated');
      // R-PRIV-1: reading personal data is recorded, even one's own.
      await recordAudit(db, {
        actorUserId: viewer.userId,
        action: 'account.email_read',
        subjectType: 'user',
        subjectId: viewer.userId,
        requestId: request.id,
      });
      reply.header('cache-control', 'no-store');
      return { email: row.email, verifiedAt: row.verifiedAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/api/me/email/code',
    {
      config: clientLimit(perClientLimits.request),
      schema: {
        tags: ['account'],
        summary: 'Send a code to an address to add it to (or change it on) the signed-in account',
        body: z.object({ email: emailInput }),
        response: { 200: codeSentSchema, ...problems(400, 401, 403, 429, 503) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'account.manage');
      const { email } = request.body;
      const { expiresAt } = await requestCode(useCaseDeps, {
        email,
        purpose: 'add_email',
        userId: viewer.userId,
        locale: viewer.locale,
        requestId: request.id,
      });
      return { sentTo: email, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/me/email/verify',
    {
      config: clientLimit(perClientLimits.verify),
      schema: {
        tags: ['account'],
        summary: 'Confirm the address with its code; only then is it stored on the account',
        body: z.object({ email: emailInput, code: codeInput }),
        response: { 200: emailStateSchema, ...problems(400, 401, 403, 409, 429) },
      },
    },
    async (request) => {
      const viewer = authorize(request, 'account.manage');
      const { email, verifiedAt } = await confirmEmail(deps, {
        userId: viewer.userId,
        email: request.body.email,
        code: typedCode(request.body.code),
        requestId: request.id,
      });
      return { email, verifiedAt: verifiedAt.toISOString() };
    },
  );
};
