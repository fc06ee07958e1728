import { z } from 'zod';
import type { Feature } from '../../../platform/deps.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { authorize } from '../../../platform/authorize.ts';
import { problems } from '../../../platform/schemas.ts';
import { completeVerification } from './complete-verification.ts';
import { classifyFailure } from './failures.ts';
import { callbackPath, createRelyingParty, misconfiguration } from './relying-party.ts';
import { defaultReturnTo, isAppPath } from './return-to.ts';
import { startVerification } from './start-verification.ts';

/** The web screen that shows how verification ended (apps/web `/verify`). */
const resultPage = '/verify';

/**
 * 「マイナンバーカードで本人確認」 through an OpenID Connect card-authentication service: the
 * national Digital Authentication App, or the bundled development card service (R-ID-1, R-ID-3).
 */
export const oidcRoutes: Feature = (app, { db, clock, config }) => {
  const relyingParty = createRelyingParty(config);
  const problem = misconfiguration(config);
  if (problem) app.log.error(`card service not usable: ${problem}`);

  app.post(
    '/api/identity/oidc/start',
    {
      schema: {
        tags: ['identity'],
        summary: 'Start identity verification at the card-authentication service',
        description:
          'Answers the authorization URL to send the browser to. The card service sends the browser back to ' +
          `${callbackPath}, which ends at the app's /verify screen with the result.`,
        body: z.object({
          returnTo: z
            .string()
            .refine(isAppPath, 'must be a path of this app')
            .optional()
            .meta({ description: 'App path to offer after verifying (default /mypage)' }),
        }),
        response: {
          200: z.object({ authorizationUrl: z.url(), expiresAt: z.iso.datetime() }),
          ...problems(400, 401, 403, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const viewer = authorize(request, 'identity.verify');
      reply.header('cache-control', 'no-store');
      try {
        const started = await startVerification(db, relyingParty, {
          userId: viewer.userId,
          returnTo: request.body.returnTo ?? defaultReturnTo,
          now: clock.now(),
          requestId: request.id,
        });
        return { authorizationUrl: started.authorizationUrl, expiresAt: started.expiresAt.toISOString() };
      } catch (error) {
        const failure = classifyFailure(error);
        // Before the resident reaches the service, anything but "not configured" is an operator's matter.
        if (!(error instanceof AppError)) {
          request.log.error({ err: error, reason: failure.reason }, 'card service start failed');
        }
        await recordAudit(db, {
          actorUserId: viewer.userId,
          action: 'identity.oidc_refused',
          subjectType: 'user',
          subjectId: viewer.userId,
          reason: failure.code,
          details: { adapter: 'oidc', stage: 'start', reason: failure.reason },
          requestId: request.id,
        });
        throw failure.code === 'internal' || error instanceof AppError ? error : new AppError(failure.code);
      }
    },
  );

  app.get(
    callbackPath,
    {
      schema: {
        tags: ['identity'],
        summary: 'Where the card-authentication service sends the browser back (redirect_uri)',
        description: `Always redirects to ${resultPage}?result=verified|failed (&code=<error code>) (&next=<app path>).`,
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      const outcome = await completeVerification(db, relyingParty, {
        query,
        viewerUserId: request.viewer?.userId ?? null,
        now: clock.now(),
        identityKeySecret: config.identityKeySecret,
        requestId: request.id,
      });
      const result = new URLSearchParams();
      if (outcome.ok) {
        result.set('result', 'verified');
        if (outcome.changedFields.length > 0) result.set('changed', outcome.changedFields.join(','));
      } else {
        if (outcome.failure.unexpected) {
          request.log.error({ err: outcome.error, reason: outcome.failure.reason }, 'card service failed');
        }
        result.set('result', 'failed');
        result.set('code', outcome.failure.code);
      }
      result.set('next', outcome.returnTo);
      return reply.redirect(`${resultPage}?${result.toString()}`, 303);
    },
  );
};
