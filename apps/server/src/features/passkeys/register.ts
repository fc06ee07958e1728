import type { Locale } from '@kumamoto/domain';
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
} from '@simplewebauthn/server';
import type { passkeys } from '../../db/schema.ts';
import { CeremonyRefused, challengeTtlMs, verificationFailed, type relyingParty } from './ceremony.ts';
import { initialPasskeyName } from './passkey-name.ts';
import type { RegistrationResponse } from './schema.ts';
import { asRegistrationJSON, knownTransportsOf } from './webauthn-json.ts';

type RelyingParty = ReturnType<typeof relyingParty>;

/**
 * ES256 first (every phone's platform authenticator has it), then EdDSA and RS256 (Windows
 * Hello). The library's newer defaults also offer ML-DSA, whose verification rests on an
 * experimental Node API; it is left out until that settles.
 */
export const supportedAlgorithmIDs = [-7, -8, -257];

/**
 * Options for creating a passkey: a discoverable credential (resident key required) so that
 * sign-in needs no user name, user verification preferred (fingerprint, face or screen lock
 * where the device has one), no attestation (we trust the person, not the device model).
 * The WebAuthn user handle is the account id: random, nothing personal in it.
 */
export function registrationOptions(
  rp: RelyingParty,
  user: { id: string; displayName: string },
  exclude: { id: string; transports: string[] }[] = [],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpId,
    userID: new TextEncoder().encode(user.id),
    userName: user.displayName,
    userDisplayName: user.displayName,
    attestationType: 'none',
    authenticatorSelection: {
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'preferred',
    },
    supportedAlgorithmIDs,
    excludeCredentials: exclude.map((item) => ({
      id: item.id,
      transports: knownTransportsOf(item.transports),
    })),
    timeout: challengeTtlMs,
  });
}

/**
 * Checks a new credential against the challenge we issued, our origin and our RP id, and
 * returns the row to store. Anything wrong is a refusal; nothing is written here.
 */
export async function verifiedPasskey(input: {
  response: RegistrationResponse;
  expectedChallenge: string;
  rp: RelyingParty;
  userId: string;
  userAgent: string | undefined;
  locale: Locale;
  now: Date;
}): Promise<typeof passkeys.$inferInsert> {
  const { response, rp } = input;
  let result: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    result = await verifyRegistrationResponse({
      response: asRegistrationJSON(response),
      expectedChallenge: input.expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpId,
      requireUserVerification: false,
      supportedAlgorithmIDs,
    });
  } catch (error) {
    throw verificationFailed(error, response.id);
  }
  if (!result.verified) throw verificationFailed('attestation not verified', response.id);
  const info = result.registrationInfo;
  if (info.credential.id !== response.id) {
    throw new CeremonyRefused('passkey_verification_failed', 'credential_id_mismatch', {
      credentialId: response.id,
    });
  }
  return {
    id: info.credential.id,
    userId: input.userId,
    publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
    transports: knownTransportsOf(response.response.transports),
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
    name: initialPasskeyName({ aaguid: info.aaguid, userAgent: input.userAgent, locale: input.locale }),
    createdAt: input.now,
  };
}
