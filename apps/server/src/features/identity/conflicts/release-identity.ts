import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { identityBindings, users } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { notify } from '../../notifications/store.ts';

/**
 * The city office's way out of "this card is already verified on another account" (issue 3):
 * after checking with the person, a city administrator releases the card from the account that
 * holds it. That account becomes unverified (its card items are cleared, nothing else of it),
 * its owner is told in the inbox, and the person can then verify the account they use now.
 * One transaction with its audit event; the written reason is required.
 */
export async function releaseIdentity(
  db: Database,
  input: { holderUserId: string; actorUserId: string; reason: string; now: Date; requestId?: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [holder] = await tx
      .select({ id: users.id, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, input.holderUserId))
      .for('update');
    if (!holder || holder.deletedAt) throw new AppError('not_found');
    const released = await tx
      .delete(identityBindings)
      .where(eq(identityBindings.userId, input.holderUserId))
      .returning({ adapter: identityBindings.adapter });
    if (released.length === 0) throw new AppError('identity_not_bound');

    await tx
      .update(users)
      .set({
        identityLevel: 'unverified',
        cardName: null,
        cardAddress: null,
        cardBirthDate: null,
        cardGender: null,
        verifiedAt: null,
        // A district taken from the card's address goes with it; one the person chose stays.
        ...(await districtFromAddress(tx, input.holderUserId)),
      })
      .where(eq(users.id, input.holderUserId));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'identity.released',
      subjectType: 'user',
      subjectId: input.holderUserId,
      reason: input.reason,
      details: { adapters: released.map((binding) => binding.adapter) },
      requestId: input.requestId,
    });
    await notify(tx, { userId: input.holderUserId, kind: 'identity_released', link: '/verify' });
  });
}

async function districtFromAddress(
  tx: Pick<Database, 'select'>,
  userId: string,
): Promise<{ schoolDistrictCode?: null; schoolDistrictSource?: null }> {
  const [row] = await tx
    .select({ source: users.schoolDistrictSource })
    .from(users)
    .where(eq(users.id, userId));
  return row?.source === 'address' ? { schoolDistrictCode: null, schoolDistrictSource: null } : {};
}
