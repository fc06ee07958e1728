import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';

/** How long a person has between "options" and "verify" of one ceremony. */
export const challengeTtlMs = 5 * 60 * 1000;

/** The relying party as the browser must see it: the app's own origin and RP id. */
export function relyingParty(config: Config): { rpId: string; rpName: string; origin: string } {
  return {
    rpId: config.webauthn.rpId,
    rpName: config.webauthn.rpName,
    origin: new URL(config.webauthn.origin).origin,
  };
}

export type Ceremony = 'sign_up' | 'sign_in' | 'add_passkey';

export type RefusalCode =
  | 'passkey_challenge_invalid'
  | 'passkey_unknown'
  | 'passkey_verification_failed'
  | 'passkey_already_registered'
  | 'individual_number_refused';

/** Why a ceremony was refused: an error code for the person, a reason for the audit trail. */
export class CeremonyRefused extends Error {
  readonly code: RefusalCode;
  readonly reason: string;
  readonly actorUserId: string | null;
  readonly credentialId: string | null;
  readonly detail: string | null;

  constructor(
    code: RefusalCode,
    reason: string,
    options: { actorUserId?: string | null; credentialId?: string | null; detail?: string | null } = {},
  ) {
    super(`${code}: ${reason}`);
    this.code = code;
    this.reason = reason;
    this.actorUserId = options.actorUserId ?? null;
    this.credentialId = options.credentialId ?? null;
    this.detail = options.detail ?? null;
  }
}

/**
 * Runs a ceremony step. A refusal changes nothing (its transaction, if any, rolled back) and
 * leaves one audit event — with the actor when the credential is known, null otherwise — and
 * reaches the person as a localized error code.
 */
export async function auditRefusals<T>(
  db: Database,
  context: { ceremony: Ceremony; requestId: string; actorUserId?: string | null },
  step: () => Promise<T>,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof CeremonyRefused)) throw error;
    await recordAudit(db, {
      actorUserId: error.actorUserId ?? context.actorUserId ?? null,
      action: `passkey.${context.ceremony}_refused`,
      subjectType: 'passkey',
      // A credential id is the browser's claim: bounded before it is stored.
      subjectId: error.credentialId?.slice(0, 200) ?? null,
      reason: error.reason,
      details: error.detail ? { detail: error.detail.slice(0, 200) } : {},
      requestId: context.requestId,
    });
    throw new AppError(error.code);
  }
}

/**
 * The challenge a browser answered, read from its clientDataJSON. Unreadable client data is
 * a refusal like any other bad response.
 */
export function answeredChallenge(clientDataJSON: string): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (parsed as { challenge?: unknown }).challenge;
    if (typeof challenge === 'string' && /^[\w-]{16,128}$/.test(challenge)) return challenge;
  } catch {
    // fall through
  }
  throw new CeremonyRefused('passkey_verification_failed', 'client_data_unreadable');
}

/** A WebAuthn library failure (wrong origin, RP id, signature, counter…) as a refusal. */
export function verificationFailed(
  error: unknown,
  credentialId?: string,
  actorUserId?: string,
): CeremonyRefused {
  return new CeremonyRefused('passkey_verification_failed', 'verification_failed', {
    credentialId: credentialId ?? null,
    actorUserId: actorUserId ?? null,
    detail: error instanceof Error ? error.message : String(error),
  });
}
