import type { ErrorCode, Locale } from '@kumamoto/domain';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import { checkCode } from './check-code.ts';
import { emailKey } from './codes.ts';
import type { EmailCodeDeps } from './request-code.ts';
import { consumeCode, findAccountByEmail } from './store.ts';

export type SignInOutcome =
  | { kind: 'signed_in'; userId: string; created: boolean }
  /** The code is right and no account has this address: ask for a name, then verify again. */
  | { kind: 'name_required' };

/**
 * Signs in with a proven address, or signs up with it.
 *
 * The code is checked first; only then does the answer depend on whether the address has an
 * account. With an account: the code is used up and that account signs in. Without one: if a
 * display name came with the request, an account is created with the address already
 * confirmed and the code is used up; if not, the answer is `name_required` and the code stays
 * live (unused, no attempt counted), so the person can send it again with their name.
 * The caller has already refused a name that looks like a My Number (R-ID-3).
 */
export async function signInWithCode(
  deps: Pick<EmailCodeDeps, 'db' | 'clock' | 'config'>,
  input: { email: string; code: string; displayName: string | null; locale: Locale; requestId: string },
): Promise<SignInOutcome> {
  const { db, clock, config } = deps;
  const now = clock.now();
  let outcome: SignInOutcome | { kind: 'refused'; refusal: ErrorCode };
  try {
    outcome = await db.transaction(async (tx): Promise<typeof outcome> => {
      const check = await checkCode(tx, {
        email: input.email,
        purpose: 'sign_in',
        userId: null,
        code: input.code,
        now,
        secrets: { session: config.session.secret, identityKey: config.identityKeySecret },
        requestId: input.requestId,
      });
      if (!check.ok) return { kind: 'refused', refusal: check.refusal };
      const account = await findAccountByEmail(tx, input.email);
      if (!account && input.displayName === null) return { kind: 'name_required' };
      if (!(await consumeCode(tx, check.codeId, now))) {
        return { kind: 'refused', refusal: 'email_code_unavailable' };
      }

      let userId = account?.id;
      if (!userId) {
        const [created] = await tx
          .insert(users)
          .values({
            displayName: input.displayName ?? '',
            locale: input.locale,
            email: input.email,
            emailVerifiedAt: now,
            createdAt: now,
          })
          .returning({ id: users.id });
        if (!created) throw new Error('account not created');
        userId = created.id;
        await recordAudit(tx, {
          actorUserId: userId,
          action: 'account.created',
          subjectType: 'user',
          subjectId: userId,
          details: { method: 'email_code', emailKey: emailKey(config.identityKeySecret, input.email) },
          requestId: input.requestId,
        });
      }
      await recordAudit(tx, {
        actorUserId: userId,
        action: 'session.email_code_sign_in',
        subjectType: 'user',
        subjectId: userId,
        details: { codeId: check.codeId },
        requestId: input.requestId,
      });
      return { kind: 'signed_in', userId, created: !account };
    });
  } catch (error) {
    // Another account took this address between the check and the insert (add_email racing a
    // sign-up): nothing was written; refuse like any address in use.
    if (!isUniqueViolation(error)) throw error;
    await recordAudit(db, {
      actorUserId: null,
      action: 'email_code.refused',
      subjectType: 'email_code',
      reason: 'email_in_use',
      details: { purpose: 'sign_in', emailKey: emailKey(config.identityKeySecret, input.email) },
      requestId: input.requestId,
    });
    throw new AppError('email_in_use');
  }
  if (outcome.kind === 'refused') throw new AppError(outcome.refusal);
  return outcome;
}
