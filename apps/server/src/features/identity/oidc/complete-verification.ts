import type { IdentityField } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import * as client from 'openid-client';
import type { Database } from '../../../db/client.ts';
import { oidcAuthorizations } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { sha256 } from '../../../platform/tokens.ts';
import { applyVerifiedIdentity } from '../apply-verified-identity.ts';
import { personKey } from '../jpki/keys.ts';
import { oidcBindingKey } from './binding-key.ts';
import {
  cardIdentityFromClaims,
  hasIdentityClaims,
  pickIdentityClaims,
  refuseIndividualNumbers,
} from './claims.ts';
import { classifyFailure, type OidcFailure } from './failures.ts';
import type { RelyingParty } from './relying-party.ts';
import { defaultReturnTo } from './return-to.ts';

export type VerificationOutcome =
  | { ok: true; returnTo: string; changedFields: IdentityField[] }
  | { ok: false; returnTo: string; failure: OidcFailure; error: unknown };

interface CallbackInput {
  /** The query string the card service sent the browser back with. */
  query: URLSearchParams;
  /** Who is signed in on this browser now. */
  viewerUserId: string | null;
  now: Date;
  identityKeySecret: string;
  requestId?: string;
}

/**
 * Finishes verification when the card service sends the browser back: the state is consumed
 * exactly once (delete … returning), must be unexpired and belong to the account signed in on
 * this browser; then code + PKCE verifier are exchanged, the ID token's signature, issuer,
 * audience and nonce are checked, and the four items become the account's (R-ID-1). Every
 * refusal changes nothing but is audited.
 */
export async function completeVerification(
  db: Database,
  relyingParty: RelyingParty,
  input: CallbackInput,
): Promise<VerificationOutcome> {
  const state = input.query.get('state');
  const [row] = state
    ? await db
        .delete(oidcAuthorizations)
        .where(eq(oidcAuthorizations.stateHash, sha256(state)))
        .returning()
    : [];
  const returnTo = row?.returnTo ?? defaultReturnTo;
  try {
    if (!state || !row) throw new AppError('oidc_state_invalid', { detail: 'state unknown or already used' });
    if (row.expiresAt.getTime() <= input.now.getTime()) {
      throw new AppError('oidc_state_expired', { detail: 'state expired' });
    }
    // The browser that comes back must be the account that started: otherwise someone could send
    // their own authorization link to another person and bind that person's card to their account.
    if (input.viewerUserId !== row.userId) {
      throw new AppError('oidc_state_invalid', {
        detail: 'signed-in account differs from the one that started',
      });
    }
    const { changedFields } = await exchangeAndApply(db, relyingParty, {
      ...input,
      state,
      userId: row.userId,
      nonce: row.nonce,
      codeVerifier: row.codeVerifier,
    });
    return { ok: true, returnTo, changedFields };
  } catch (error) {
    const failure = classifyFailure(error);
    await recordAudit(db, {
      actorUserId: input.viewerUserId,
      action: 'identity.oidc_refused',
      subjectType: 'user',
      subjectId: row?.userId ?? input.viewerUserId,
      reason: failure.code,
      details: { adapter: 'oidc', reason: failure.reason },
      requestId: input.requestId,
    });
    return { ok: false, returnTo, failure, error };
  }
}

async function exchangeAndApply(
  db: Database,
  relyingParty: RelyingParty,
  input: CallbackInput & { state: string; userId: string; nonce: string; codeVerifier: string },
): Promise<{ changedFields: IdentityField[] }> {
  const { client: service, configuration } = await relyingParty.configuration();
  const currentUrl = new URL(service.redirectUri);
  currentUrl.search = input.query.toString();
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: input.codeVerifier,
    expectedState: input.state,
    expectedNonce: input.nonce,
    idTokenExpected: true,
  });
  const idToken = tokens.claims();
  if (!idToken) throw new AppError('card_response_invalid', { detail: 'no ID token' });
  refuseIndividualNumbers(idToken);

  const userinfo = hasIdentityClaims(idToken)
    ? undefined
    : await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
  refuseIndividualNumbers(userinfo);

  const claims = pickIdentityClaims(idToken, userinfo);
  const card = cardIdentityFromClaims(claims);
  return applyVerifiedIdentity(db, {
    userId: input.userId,
    proof: {
      adapter: 'oidc',
      bindingKey: oidcBindingKey(input.identityKeySecret, idToken.iss, idToken.sub),
      personKey: personKey(input.identityKeySecret, card.name, card.birthDate),
      card,
    },
    now: input.now,
    requestId: input.requestId,
  });
}
