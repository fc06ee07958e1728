import type { ErrorCode } from '@kumamoto/domain';
import { recordAudit } from '../../platform/audit.ts';
import { codeMatches, emailKey, maxAttempts } from './codes.ts';
import { currentCodeForUpdate, countWrongAttempt, type CodeScope, type Tx } from './store.ts';

export type CodeCheck = { ok: true; codeId: string } | { ok: false; refusal: ErrorCode };

/**
 * Checks a typed code inside the caller's transaction, holding the code's row lock so that
 * concurrent checks of one code run one at a time. Refusals change nothing but the attempt
 * count (a wrong code), and each writes an audit event in the same transaction:
 * - no live code for this scope (never sent, used, replaced by a newer one) → email_code_unavailable
 * - past its ten minutes → email_code_expired
 * - already tried wrongly five times → email_code_attempts_exceeded
 * - wrong → email_code_wrong, or email_code_attempts_exceeded on the fifth wrong try
 * The caller uses the code up (consumeCode) in the same transaction when it acts on it.
 */
export async function checkCode(
  tx: Tx,
  input: CodeScope & {
    code: string;
    now: Date;
    secrets: { session: string; identityKey: string };
    requestId: string;
  },
): Promise<CodeCheck> {
  const row = await currentCodeForUpdate(tx, input);
  const refuse = async (refusal: ErrorCode, extra: Record<string, unknown> = {}): Promise<CodeCheck> => {
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'email_code.refused',
      subjectType: 'email_code',
      subjectId: row?.id ?? null,
      reason: refusal,
      details: {
        purpose: input.purpose,
        emailKey: emailKey(input.secrets.identityKey, input.email),
        ...extra,
      },
      requestId: input.requestId,
    });
    return { ok: false, refusal };
  };

  if (!row || row.consumedAt !== null) return refuse('email_code_unavailable');
  if (row.expiresAt.getTime() <= input.now.getTime()) return refuse('email_code_expired');
  if (row.attempts >= maxAttempts) return refuse('email_code_attempts_exceeded');
  if (!codeMatches(input.secrets.session, row.id, input.code, row.codeHash)) {
    const attempts = await countWrongAttempt(tx, row.id);
    return refuse(attempts >= maxAttempts ? 'email_code_attempts_exceeded' : 'email_code_wrong', {
      attempts,
    });
  }
  return { ok: true, codeId: row.id };
}
