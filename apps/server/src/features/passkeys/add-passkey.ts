import type { Locale } from '@kumamoto/domain';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { Database } from '../../db/client.ts';
import { passkeys } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import { answeredChallenge, auditRefusals, CeremonyRefused, type relyingParty } from './ceremony.ts';
import { consumeChallenge, pendingChallenge, storeChallenge } from './challenges.ts';
import { registrationOptions, verifiedPasskey } from './register.ts';
import type { RegistrationResponse } from './schema.ts';
import { credentialsOf, listPasskeys } from './store.ts';

type RelyingParty = ReturnType<typeof relyingParty>;
type Viewer = { userId: string; displayName: string };

/**
 * Step 1 of adding a passkey to a signed-in account (another phone, or after signing in with
 * an e-mail code to recover). The account's own passkeys are excluded, so the same device
 * is not registered twice.
 */
export async function startAddPasskey(
  db: Database,
  input: { viewer: Viewer; rp: RelyingParty; now: Date },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { viewer } = input;
  const existing = await credentialsOf(db, viewer.userId);
  const options = await registrationOptions(
    input.rp,
    { id: viewer.userId, displayName: viewer.displayName },
    existing,
  );
  await storeChallenge(db, {
    challenge: options.challenge,
    purpose: 'add_passkey',
    userId: viewer.userId,
    now: input.now,
  });
  return options;
}

/** Step 2: verify and keep the new passkey; the challenge must have been issued to this account. */
export async function finishAddPasskey(
  db: Database,
  input: {
    viewer: Viewer;
    response: RegistrationResponse;
    locale: Locale;
    userAgent: string | undefined;
    rp: RelyingParty;
    now: Date;
    requestId: string;
  },
) {
  const userId = input.viewer.userId;
  return auditRefusals(
    db,
    { ceremony: 'add_passkey', requestId: input.requestId, actorUserId: userId },
    async () => {
      const challenge = await pendingChallenge(db, {
        challenge: answeredChallenge(input.response.response.clientDataJSON),
        purpose: 'add_passkey',
        now: input.now,
      });
      if (challenge.userId !== userId) {
        throw new CeremonyRefused('passkey_challenge_invalid', 'challenge_of_another_account');
      }
      const passkey = await verifiedPasskey({ ...input, expectedChallenge: challenge.challenge, userId });
      try {
        await db.transaction(async (tx) => {
          await consumeChallenge(tx, challenge, { credentialId: passkey.id });
          await tx.insert(passkeys).values(passkey);
          await recordAudit(tx, {
            actorUserId: userId,
            action: 'passkey.added',
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
      const added = (await listPasskeys(db, userId)).find((item) => item.id === passkey.id);
      if (!added) throw new Error('added passkey not found');
      return added;
    },
  );
}
