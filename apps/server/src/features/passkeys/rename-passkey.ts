import { looksLikeIndividualNumber } from '@kumamoto/domain';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { passkeys } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';

/** Gives one of the person's passkeys a name they recognise ("妻のスマホ", "iPad"). */
export async function renamePasskey(
  db: Database,
  input: { userId: string; passkeyId: string; name: string; requestId: string },
): Promise<void> {
  // R-ID-3: free text, so it may not carry a 12-digit individual number either.
  if (looksLikeIndividualNumber(input.name)) throw new AppError('individual_number_refused');
  await db.transaction(async (tx) => {
    const [renamed] = await tx
      .update(passkeys)
      .set({ name: input.name })
      .where(and(eq(passkeys.id, input.passkeyId), eq(passkeys.userId, input.userId)))
      .returning({ id: passkeys.id });
    // Someone else's passkey, or none: "not found", never "forbidden".
    if (!renamed) throw new AppError('not_found');
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'passkey.renamed',
      subjectType: 'passkey',
      subjectId: renamed.id,
      requestId: input.requestId,
    });
  });
}
