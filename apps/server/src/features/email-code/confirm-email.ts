import type { ErrorCode } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import { checkCode } from './check-code.ts';
import { emailKey } from './codes.ts';
import type { EmailCodeDeps } from './request-code.ts';
import { consumeCode, findAccountByEmail } from './store.ts';

/**
 * Adds or changes the signed-in account's address once the code sent to it is proven: only
 * then is the address stored, with the time it was confirmed. An address another account
 * uses is refused (after the code, so only the mailbox's owner learns it), and the code stays
 * unused; the database's unique key settles a race between two accounts.
 */
export async function confirmEmail(
  deps: Pick<EmailCodeDeps, 'db' | 'clock' | 'config'>,
  input: { userId: string; email: string; code: string; requestId: string },
): Promise<{ email: string; verifiedAt: Date }> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const key = emailKey(config.identityKeySecret, input.email);
  let outcome: { refusal: ErrorCode } | { refusal: null };
  try {
    outcome = await db.transaction(async (tx): Promise<typeof outcome> => {
      const check = await checkCode(tx, {
        email: input.email,
        purpose: 'add_email',
        userId: input.userId,
        code: input.code,
        now,
        secrets: { session: config.session.secret, identityKey: config.identityKeySecret },
        requestId: input.requestId,
      });
      if (!check.ok) return { refusal: check.refusal };

      const owner = await findAccountByEmail(tx, input.email);
      if (owner && owner.id !== input.userId) {
        await recordAudit(tx, {
          actorUserId: input.userId,
          action: 'email_code.refused',
          subjectType: 'email_code',
          subjectId: check.codeId,
          reason: 'email_in_use',
          details: { purpose: 'add_email', emailKey: key },
          requestId: input.requestId,
        });
        return { refusal: 'email_in_use' };
      }
      if (!(await consumeCode(tx, check.codeId, now))) return { refusal: 'email_code_unavailable' };

      const [before] = await tx
        .select({ email: users.email })
        .from(users)
        .where(eq(users.id, input.userId))
        .for('update');
      if (!before) throw new AppError('unauthenticated');
      await tx
        .update(users)
        .set({ email: input.email, emailVerifiedAt: now })
        .where(eq(users.id, input.userId));
      await recordAudit(tx, {
        actorUserId: input.userId,
        action: before.email === null ? 'account.email_added' : 'account.email_changed',
        subjectType: 'user',
        subjectId: input.userId,
        details: { emailKey: key, codeId: check.codeId },
        requestId: input.requestId,
      });
      return { refusal: null };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await recordAudit(db, {
      actorUserId: input.userId,
      action: 'email_code.refused',
      subjectType: 'email_code',
      reason: 'email_in_use',
      details: { purpose: 'add_email', emailKey: key },
      requestId: input.requestId,
    });
    throw new AppError('email_in_use');
  }
  if (outcome.refusal) throw new AppError(outcome.refusal);
  return { email: input.email, verifiedAt: now };
}
