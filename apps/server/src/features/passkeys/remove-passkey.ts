import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { passkeys, users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Removes one of the person's passkeys. The last one goes only when the account has a
 * confirmed e-mail address (users.email) to sign in with instead; otherwise the person would
 * lock themselves out, so it is refused (passkey_last_one). The account row is locked first,
 * so two removals at once cannot together take away the last two.
 */
export async function removePasskey(
  db: Database,
  input: { userId: string; passkeyId: string; requestId: string },
): Promise<void> {
  try {
    await removeWithinLimits(db, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'passkey_last_one') {
      await recordAudit(db, {
        actorUserId: input.userId,
        action: 'passkey.remove_refused',
        subjectType: 'passkey',
        subjectId: input.passkeyId,
        reason: 'last_passkey_without_email',
        requestId: input.requestId,
      });
    }
    throw error;
  }
}

async function removeWithinLimits(
  db: Database,
  input: { userId: string; passkeyId: string; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
      .for('update');
    const [target] = await tx
      .select({ id: passkeys.id })
      .from(passkeys)
      .where(and(eq(passkeys.id, input.passkeyId), eq(passkeys.userId, input.userId)));
    if (!account || !target) throw new AppError('not_found');
    const [total] = await tx.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, input.userId));
    if ((total?.n ?? 0) <= 1 && account.email === null) throw new AppError('passkey_last_one');
    await tx.delete(passkeys).where(eq(passkeys.id, target.id));
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'passkey.removed',
      subjectType: 'passkey',
      subjectId: target.id,
      details: { last: (total?.n ?? 0) <= 1 },
      requestId: input.requestId,
    });
  });
}
