import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { passkeys, users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import {
  answeredChallenge,
  auditRefusals,
  CeremonyRefused,
  challengeTtlMs,
  verificationFailed,
  type relyingParty,
} from './ceremony.ts';
import { consumeChallenge, pendingChallenge, storeChallenge } from './challenges.ts';
import type { AuthenticationResponse } from './schema.ts';
import { asAuthenticationJSON, knownTransportsOf } from './webauthn-json.ts';

type RelyingParty = ReturnType<typeof relyingParty>;

/**
 * Step 1 of signing in: a challenge and no list of credentials, so the device offers the
 * passkeys it holds for this app (discoverable credentials) and nobody types a user name.
 */
export async function startSignIn(
  db: Database,
  input: { rp: RelyingParty; now: Date },
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({
    rpID: input.rp.rpId,
    userVerification: 'preferred',
    timeout: challengeTtlMs,
  });
  await storeChallenge(db, { challenge: options.challenge, purpose: 'sign_in', now: input.now });
  return options;
}

/**
 * Step 2: find the passkey, check the signature over our challenge, origin and RP id, then in
 * one transaction use up the challenge and move the signature counter on. Returns whose
 * passkey it was; the caller starts the session.
 */
export async function finishSignIn(
  db: Database,
  input: { response: AuthenticationResponse; rp: RelyingParty; now: Date; requestId: string },
): Promise<{ userId: string }> {
  const { response, rp, now } = input;
  return auditRefusals(db, { ceremony: 'sign_in', requestId: input.requestId }, async () => {
    const challenge = await pendingChallenge(db, {
      challenge: answeredChallenge(response.response.clientDataJSON),
      purpose: 'sign_in',
      now,
    });
    const [stored] = await db
      .select({
        id: passkeys.id,
        userId: passkeys.userId,
        publicKey: passkeys.publicKey,
        counter: passkeys.counter,
        transports: passkeys.transports,
      })
      .from(passkeys)
      .innerJoin(users, eq(users.id, passkeys.userId))
      .where(and(eq(passkeys.id, response.id), isNull(users.deletedAt)));
    if (!stored)
      throw new CeremonyRefused('passkey_unknown', 'unknown_credential', { credentialId: response.id });
    const who = { actorUserId: stored.userId, credentialId: stored.id };

    // A discoverable credential names its account; it must be the one the passkey belongs to.
    const handle = response.response.userHandle;
    if (handle !== undefined && Buffer.from(handle, 'base64url').toString('utf8') !== stored.userId) {
      throw new CeremonyRefused('passkey_verification_failed', 'user_handle_mismatch', who);
    }

    let newCounter: number;
    try {
      const result = await verifyAuthenticationResponse({
        response: asAuthenticationJSON(response),
        expectedChallenge: challenge.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.rpId,
        credential: {
          id: stored.id,
          publicKey: Buffer.from(stored.publicKey, 'base64url'),
          counter: stored.counter,
          transports: knownTransportsOf(stored.transports),
        },
        requireUserVerification: false,
      });
      if (!result.verified) throw new Error('signature not verified');
      newCounter = result.authenticationInfo.newCounter;
    } catch (error) {
      throw verificationFailed(error, stored.id, stored.userId);
    }

    await db.transaction(async (tx) => {
      await consumeChallenge(tx, challenge, who);
      // Only from the counter we checked against: if another sign-in moved it meanwhile,
      // this one is refused (a cloned authenticator shows up this way).
      const [updated] = await tx
        .update(passkeys)
        .set({ counter: newCounter, lastUsedAt: now })
        .where(and(eq(passkeys.id, stored.id), eq(passkeys.counter, stored.counter)))
        .returning({ id: passkeys.id });
      if (!updated) throw new CeremonyRefused('passkey_verification_failed', 'counter_race', who);
      await recordAudit(tx, {
        actorUserId: stored.userId,
        action: 'passkey.sign_in',
        subjectType: 'passkey',
        subjectId: stored.id,
        requestId: input.requestId,
      });
    });
    return { userId: stored.userId };
  });
}
