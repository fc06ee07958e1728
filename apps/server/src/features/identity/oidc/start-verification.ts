import * as client from 'openid-client';
import { lt } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { oidcAuthorizations } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { sha256 } from '../../../platform/tokens.ts';
import type { RelyingParty } from './relying-party.ts';

/** How long the resident has at the card service before the state is refused (10 minutes). */
export const authorizationTtlMs = 10 * 60 * 1000;

/**
 * Begins verification at the card service: a fresh `state` (kept only as a hash), `nonce` and
 * PKCE S256 verifier, stored with the account for one use within 10 minutes; returns the
 * authorization URL to send the browser to.
 */
export async function startVerification(
  db: Database,
  relyingParty: RelyingParty,
  input: { userId: string; returnTo: string; now: Date; requestId?: string },
): Promise<{ authorizationUrl: string; expiresAt: Date }> {
  const { client: service, configuration } = await relyingParty.configuration();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const expiresAt = new Date(input.now.getTime() + authorizationTtlMs);

  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: service.redirectUri,
    scope: service.scope,
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    // Identity proofing: the card (and its PIN) is presented every time, never a remembered login.
    prompt: 'login',
  });

  await db.transaction(async (tx) => {
    // Housekeeping: authorizations nobody finished are of no use once expired.
    await tx.delete(oidcAuthorizations).where(lt(oidcAuthorizations.expiresAt, input.now));
    await tx.insert(oidcAuthorizations).values({
      stateHash: sha256(state),
      userId: input.userId,
      nonce,
      codeVerifier,
      returnTo: input.returnTo,
      expiresAt,
      createdAt: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'identity.oidc_started',
      subjectType: 'user',
      subjectId: input.userId,
      details: { adapter: 'oidc', issuer: service.issuer },
      requestId: input.requestId,
    });
  });
  return { authorizationUrl: url.href, expiresAt };
}
