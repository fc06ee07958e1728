import { randomUUID } from 'node:crypto';
import { looksLikeIndividualNumber, type Locale } from '@kumamoto/domain';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { Database } from '../../db/client.ts';
import { passkeys, users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import { answeredChallenge, auditRefusals, CeremonyRefused, type relyingParty } from './ceremony.ts';
import { consumeChallenge, pendingChallenge, storeChallenge } from './challenges.ts';
import { registrationOptions, verifiedPasskey } from './register.ts';
import type { RegistrationResponse } from './schema.ts';

type RelyingParty = ReturnType<typeof relyingParty>;

/**
 * Step 1 of creating an account with a passkey: the name the app will call the person, and
 * options for their device. The account id is chosen now and kept with the challenge; the
 * account itself is created only when the passkey verifies (step 2).
 */
export async function startSignUp(
  db: Database,
  input: { displayName: string; rp: RelyingParty; now: Date; requestId: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return auditRefusals(db, { ceremony: 'sign_up', requestId: input.requestId }, async () => {
    // R-ID-3: a name field is no place for a 12-digit individual number; refuse, keep nothing.
    if (looksLikeIndividualNumber(input.displayName)) {
      throw new CeremonyRefused('individual_number_refused', 'individual_number_in_display_name');
    }
    const account = { id: randomUUID(), displayName: input.displayName };
    const options = await registrationOptions(input.rp, account);
    await storeChallenge(db, {
      challenge: options.challenge,
      purpose: 'sign_up',
      userId: account.id,
      displayName: account.displayName,
      now: input.now,
    });
    return options;
  });
}

/**
 * Step 2: verify the new passkey, then in one transaction use up the challenge, create the
 * account and its passkey, and record it. A replayed or expired answer, a wrong origin or RP
 * id, or a bad attestation creates nothing.
 */
export async function finishSignUp(
  db: Database,
  input: {
    response: RegistrationResponse;
    locale: Locale;
    userAgent: string | undefined;
    rp: RelyingParty;
    now: Date;
    requestId: string;
  },
): Promise<{ userId: string }> {
  return auditRefusals(db, { ceremony: 'sign_up', requestId: input.requestId }, async () => {
    const challenge = await pendingChallenge(db, {
      challenge: answeredChallenge(input.response.response.clientDataJSON),
      purpose: 'sign_up',
      now: input.now,
    });
    const { userId, displayName } = challenge;
    if (!userId || !displayName) throw new Error('sign-up challenge without its account');
    const passkey = await verifiedPasskey({ ...input, expectedChallenge: challenge.challenge, userId });
    try {
      await db.transaction(async (tx) => {
        await consumeChallenge(tx, challenge, { credentialId: passkey.id });
        await tx
          .insert(users)
          .values({ id: userId, displayName, locale: input.locale, createdAt: input.now });
        await tx.insert(passkeys).values(passkey);
        await recordAudit(tx, {
          actorUserId: userId,
          action: 'passkey.sign_up',
          subjectType: 'passkey',
          subjectId: passkey.id,
          details: { deviceType: passkey.deviceType, backedUp: passkey.backedUp },
          requestId: input.requestId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new CeremonyRefused('passkey_already_registered', 'credential_exists', {
          credentialId: passkey.id,
        });
      }
      throw error;
    }
    return { userId };
  });
}
