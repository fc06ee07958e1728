import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors } from 'oidc-provider';
import { z } from 'zod';
import type { App } from '../../platform/deps.ts';
import { devCardServicePath } from './bundled-client.ts';
import { chooseCardPage, consentPage, errorPage, pinPage } from './pages.ts';
import { appClientName, type DevCardService } from './provider.ts';
import { findSampleCard, sampleCards } from './sample-cards.ts';

/** Wrong PINs allowed per sign-in before the card is "locked" and the flow ends (as a real card does). */
export const pinTries = 3;

const params = z.object({ uid: z.string().regex(/^[\w-]{1,100}$/) });
const cardBody = z.object({ card: z.string().min(1).max(50) });
const pinBody = cardBody.extend({ pin: z.string().max(20) });

/**
 * The card service's own screens (oidc-provider leaves them to the deployment): choose a
 * sample card, enter its PIN, agree to share the four items. Each is bound to the flow by
 * oidc-provider's interaction cookie; a wrong PIN is refused, and three wrong PINs end the flow
 * with `access_denied`.
 */
export function registerInteractions(
  scope: App,
  service: () => Promise<DevCardService>,
  appUrl: string,
): void {
  scope.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const wrongPins = new Map<string, { count: number; until: number }>();

  const page = (reply: FastifyReply, status: number, html: string) =>
    reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html);
  const expired = (reply: FastifyReply) => page(reply, 400, errorPage({ appUrl }));

  /** The flow this browser is in, if it is the one named in the URL and still alive. */
  async function interaction(request: FastifyRequest, reply: FastifyReply, uid: string) {
    const { provider } = await service();
    try {
      const details = await provider.interactionDetails(request.raw, reply.raw);
      return details.uid === uid ? details : undefined;
    } catch (error) {
      if (error instanceof errors.SessionNotFound) return undefined;
      throw error;
    }
  }

  const finish = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: Parameters<DevCardService['provider']['interactionResult']>[2],
  ) => {
    const { provider } = await service();
    const returnTo = await provider.interactionResult(request.raw, reply.raw, result);
    return reply.redirect(returnTo, 303);
  };

  const hidden = { schema: { hide: true, params } } as const;
  const base = `${devCardServicePath}/interaction/:uid`;

  scope.get(base, hidden, async (request, reply) => {
    const details = await interaction(request, reply, request.params.uid);
    if (!details) return expired(reply);
    const { currentCard, isMoved } = await service();
    if (details.prompt.name === 'login') {
      const cards = sampleCards.map((sample) => ({
        sample,
        card: currentCard(sample),
        moved: isMoved(sample.key),
      }));
      return page(reply, 200, chooseCardPage({ uid: details.uid, clientName: appClientName, cards }));
    }
    const sample = findSampleCard(details.session?.accountId ?? '');
    if (details.prompt.name !== 'consent' || !sample) return expired(reply);
    return page(
      reply,
      200,
      consentPage({ uid: details.uid, clientName: appClientName, card: currentCard(sample) }),
    );
  });

  scope.get(
    `${base}/pin`,
    { schema: { hide: true, params, querystring: cardBody } },
    async (request, reply) => {
      const details = await interaction(request, reply, request.params.uid);
      const sample = findSampleCard(request.query.card);
      if (!details || details.prompt.name !== 'login' || !sample) return expired(reply);
      const { currentCard } = await service();
      return page(reply, 200, pinPage({ uid: details.uid, sample, card: currentCard(sample) }));
    },
  );

  scope.post(`${base}/pin`, { schema: { hide: true, params, body: pinBody } }, async (request, reply) => {
    const details = await interaction(request, reply, request.params.uid);
    const sample = findSampleCard(request.body.card);
    if (!details || details.prompt.name !== 'login' || !sample) return expired(reply);
    if (request.body.pin === sample.pin) {
      wrongPins.delete(details.uid);
      return finish(request, reply, { login: { accountId: sample.key, amr: ['pin', 'hwk'] } });
    }
    const now = Date.now();
    for (const [uid, entry] of wrongPins) if (entry.until < now) wrongPins.delete(uid);
    const count = (wrongPins.get(details.uid)?.count ?? 0) + 1;
    wrongPins.set(details.uid, { count, until: now + 10 * 60 * 1000 });
    if (count >= pinTries) {
      wrongPins.delete(details.uid);
      return finish(request, reply, {
        error: 'access_denied',
        error_description: 'PIN entered wrongly too many times',
      });
    }
    const { currentCard } = await service();
    return page(
      reply,
      400,
      pinPage({ uid: details.uid, sample, card: currentCard(sample), triesLeft: pinTries - count }),
    );
  });

  scope.post(`${base}/move`, { schema: { hide: true, params, body: cardBody } }, async (request, reply) => {
    const details = await interaction(request, reply, request.params.uid);
    const sample = findSampleCard(request.body.card);
    if (!details || !sample) return expired(reply);
    (await service()).toggleMoved(sample.key);
    return reply.redirect(`${devCardServicePath}/interaction/${details.uid}`, 303);
  });

  scope.post(`${base}/consent`, hidden, async (request, reply) => {
    const details = await interaction(request, reply, request.params.uid);
    const accountId = details?.session?.accountId;
    if (!details || details.prompt.name !== 'consent' || !accountId) return expired(reply);
    const { provider } = await service();
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    if (!grant) return expired(reply);
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    return finish(request, reply, { consent: { grantId: await grant.save() } });
  });

  scope.post(`${base}/abort`, hidden, async (request, reply) => {
    const details = await interaction(request, reply, request.params.uid);
    if (!details) return expired(reply);
    return finish(request, reply, { error: 'access_denied', error_description: 'The card holder cancelled' });
  });
}
