import type { ErrorCode, IdentityField, ResidentDistrict } from '@kumamoto/domain';
import type { Database } from '../../../db/client.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { applyVerifiedIdentity } from '../apply-verified-identity.ts';
import { consumeChallenge } from './challenge.ts';
import { jpkiErrorCodes } from './failure-codes.ts';
import { refuse, type JpkiRefusal } from './failures.ts';
import { verifyChallengeResponse, type JpkiDeps } from './verify-challenge-response.ts';
import type { JpkiProof } from './verify-certificate.ts';

/** The answer as it arrives over HTTP: binary values in base64 (or base64url). */
export interface CardAnswer {
  certificate: string;
  signature: string;
  challenge: string;
  intermediates?: string[];
}

export interface JpkiVerified {
  changedFields: IdentityField[];
  /** The card shows a substitute for some character (外字): the text is close, not exact. */
  substituted: { name: boolean; address: boolean };
  schoolDistrict: ResidentDistrict | null;
}

/**
 * Verifies a card's answer for the signed-in account and, when it holds, makes the account
 * verified with the certificate's four items (R-ID-1) through applyVerifiedIdentity. The
 * certificate itself is not kept: only the items and the two keys go on. Every refusal is
 * audited with its exact reason and answered with the error code the resident understands.
 */
export async function verifyCardAnswer(
  db: Database,
  jpki: JpkiDeps,
  input: { userId: string; answer: CardAnswer; requestId?: string },
): Promise<JpkiVerified> {
  const { userId, answer, requestId } = input;
  const refused = (code: ErrorCode, reason: string, field?: string) =>
    auditRefusal(db, { userId, requestId, code, reason, field });

  const proof = decodeAnswer(answer);
  const result = proof
    ? await verifyChallengeResponse(jpki, userId, proof)
    : await malformed(jpki, userId, answer.challenge);
  if (!result.ok) return refused(jpkiErrorCodes[result.reason], result.reason, result.field);

  const { identity } = result;
  try {
    const applied = await applyVerifiedIdentity(db, {
      userId,
      proof: {
        adapter: 'jpki',
        bindingKey: identity.bindingKey,
        personKey: identity.personKey,
        card: {
          name: identity.name,
          address: identity.address,
          birthDate: identity.birthDate,
          gender: identity.gender,
        },
      },
      now: jpki.clock.now(),
      requestId,
    });
    return { ...applied, substituted: identity.substituted };
  } catch (error) {
    if (error instanceof AppError && error.code !== 'internal') return refused(error.code, error.code);
    throw error;
  }
}

/**
 * A request that is not an answer at all (fields missing, of the wrong type, too long): refused
 * as malformed and audited like any other refusal; a challenge it names is used up.
 */
export async function refuseMalformedAnswer(
  db: Database,
  jpki: JpkiDeps,
  input: { userId: string; challenge: unknown; requestId?: string },
): Promise<never> {
  const challenge = typeof input.challenge === 'string' ? input.challenge : '';
  const result = await malformed(jpki, input.userId, challenge);
  return auditRefusal(db, {
    userId: input.userId,
    requestId: input.requestId,
    code: jpkiErrorCodes[result.reason],
    reason: result.reason,
  });
}

async function auditRefusal(
  db: Database,
  refusal: { userId: string; requestId: string | undefined; code: ErrorCode; reason: string; field?: string },
): Promise<never> {
  const { userId, code, reason, field } = refusal;
  await recordAudit(db, {
    actorUserId: userId,
    action: 'identity.jpki_refused',
    subjectType: 'user',
    subjectId: userId,
    reason: code,
    details: { adapter: 'jpki', reason, ...(field === undefined ? {} : { field }) },
    requestId: refusal.requestId,
  });
  throw new AppError(code);
}

/** Bytes that do not decode still use up the challenge, exactly as a refused proof does. */
async function malformed(jpki: JpkiDeps, userId: string, challenge: string): Promise<JpkiRefusal> {
  const consumed = await consumeChallenge(jpki.challenges, jpki.clock, challenge, userId);
  return consumed.ok ? refuse('input_malformed') : consumed;
}

const maxIntermediates = 4;

function decodeAnswer(answer: CardAnswer): JpkiProof | undefined {
  const certificate = base64(answer.certificate);
  const signature = base64(answer.signature);
  const intermediates = (answer.intermediates ?? []).map(base64);
  if (!certificate || !signature || intermediates.length > maxIntermediates) return undefined;
  if (intermediates.some((der) => der === undefined)) return undefined;
  return {
    certificate,
    signature,
    challenge: answer.challenge,
    ...(intermediates.length > 0 ? { intermediates: intermediates as Uint8Array[] } : {}),
  };
}

/** Strict base64 or base64url (padding optional), nothing else; undefined if not. */
function base64(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length % 4 === 1 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  if (/[+/]/.test(text) && /[-_]/.test(text)) return undefined;
  return new Uint8Array(Buffer.from(text.replaceAll('-', '+').replaceAll('_', '/'), 'base64'));
}
