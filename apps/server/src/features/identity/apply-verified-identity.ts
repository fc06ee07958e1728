import {
  changedIdentityFields,
  identityFields,
  looksLikeIndividualNumber,
  residentDistrictAfter,
  type CardIdentity,
  type IdentityField,
  type ResidentDistrict,
} from '@kumamoto/domain';
import { and, eq, ne, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { identityBindings, users, verificationEvents } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import { findDistrictForAddress, lockDistrictTableForReading } from '../school-districts/store.ts';
import { cardColumns } from './card-columns.ts';

/** What any identity adapter (OIDC card service, JPKI certificate) hands over once it has proven a person. */
export interface ProvenIdentity {
  adapter: 'oidc' | 'jpki';
  /** Stable key of the proof: OIDC issuer + subject, or the JPKI certificate. */
  bindingKey: string;
  /** Keyed hash of name and birth date: recognises the same person on a renewed card. */
  personKey: string;
  card: CardIdentity;
}

/**
 * Makes an account verified with the card's four items, or updates them on re-verification
 * (e.g. after moving house) (R-ID-1). One person binds to one account: a proof already bound
 * to, or a person already verified on, another account is refused and changes nothing; the
 * city resolves such cases. The school district is derived from the new address (issue 3
 * part 5): its district when it matches the table, else a district the resident chose, else
 * none (the resident chooses). Everything happens in one transaction with its audit event.
 */
export async function applyVerifiedIdentity(
  db: Database,
  input: { userId: string; proof: ProvenIdentity; now: Date; requestId?: string },
): Promise<{ changedFields: IdentityField[]; schoolDistrict: ResidentDistrict | null }> {
  const { userId, proof, now } = input;
  // R-ID-3: no item may smuggle in a 12-digit individual number.
  if (identityFields.some((field) => looksLikeIndividualNumber(proof.card[field]))) {
    throw new AppError('individual_number_refused');
  }
  try {
    return await db.transaction(async (tx) => {
      // The district table before the user row, in the order a table reload takes them.
      await lockDistrictTableForReading(tx);
      const matchedDistrict = await findDistrictForAddress(tx, proof.card.address);
      const [claimedElsewhere] = await tx
        .select({ userId: identityBindings.userId })
        .from(identityBindings)
        .where(and(ne(identityBindings.userId, userId), eq(identityBindings.personKey, proof.personKey)))
        .limit(1);
      if (claimedElsewhere) throw new AppError('identity_already_bound');

      await tx
        .insert(identityBindings)
        .values({
          userId,
          adapter: proof.adapter,
          bindingKey: proof.bindingKey,
          personKey: proof.personKey,
          createdAt: now,
          lastVerifiedAt: now,
        })
        .onConflictDoUpdate({
          target: [identityBindings.adapter, identityBindings.bindingKey],
          set: { lastVerifiedAt: now },
          // Only the same account may refresh its own binding; another account's stays untouched.
          setWhere: eq(identityBindings.userId, userId),
        });
      const [binding] = await tx
        .select({ userId: identityBindings.userId })
        .from(identityBindings)
        .where(
          and(eq(identityBindings.adapter, proof.adapter), eq(identityBindings.bindingKey, proof.bindingKey)),
        );
      if (binding?.userId !== userId) throw new AppError('identity_already_bound');

      const [current] = await tx
        .select({
          name: users.cardName,
          address: users.cardAddress,
          birthDate: users.cardBirthDate,
          gender: users.cardGender,
          districtCode: users.schoolDistrictCode,
          districtSource: users.schoolDistrictSource,
        })
        .from(users)
        .where(eq(users.id, userId))
        .for('update');
      if (!current) throw new AppError('not_found');
      const { districtCode, districtSource, ...card } = current;
      const before = card.name === null ? null : (card as CardIdentity);
      const changedFields = changedIdentityFields(before, proof.card);
      const previousDistrict =
        districtCode && districtSource ? { code: districtCode, source: districtSource } : null;
      // A chosen district is still listed: the foreign key keeps it so until a reload re-derives.
      const schoolDistrict = residentDistrictAfter(matchedDistrict, previousDistrict, () => true);

      await tx
        .update(users)
        .set({
          ...cardColumns(proof.card, now),
          schoolDistrictCode: schoolDistrict?.code ?? null,
          schoolDistrictSource: schoolDistrict?.source ?? null,
        })
        .where(eq(users.id, userId));
      await tx
        .insert(verificationEvents)
        .values({ userId, adapter: proof.adapter, changedFields, occurredAt: now });
      await recordAudit(tx, {
        actorUserId: userId,
        action: 'identity.verified',
        subjectType: 'user',
        subjectId: userId,
        details: {
          adapter: proof.adapter,
          changedFields,
          schoolDistrictSource: schoolDistrict?.source ?? null,
        },
        requestId: input.requestId,
      });
      return { changedFields, schoolDistrict };
    });
  } catch (error) {
    // Two accounts racing for one card: the unique key lets exactly one through.
    const bound =
      isUniqueViolation(error) || (error instanceof AppError && error.code === 'identity_already_bound');
    if (!bound) throw error;
    await recordIdentityConflict(db, { claimantUserId: userId, proof, requestId: input.requestId });
    throw new AppError('identity_already_bound');
  }
}

/**
 * Keeps the refused attempt for the city office (the resident is told to contact it): which
 * account holds this person, and which account tried. Written after the refused transaction
 * rolled back, so it stands on its own.
 */
async function recordIdentityConflict(
  db: Database,
  input: { claimantUserId: string; proof: ProvenIdentity; requestId?: string },
): Promise<void> {
  const [holder] = await db
    .select({ userId: identityBindings.userId })
    .from(identityBindings)
    .where(
      or(
        and(
          eq(identityBindings.adapter, input.proof.adapter),
          eq(identityBindings.bindingKey, input.proof.bindingKey),
        ),
        eq(identityBindings.personKey, input.proof.personKey),
      ),
    )
    .limit(1);
  await recordAudit(db, {
    actorUserId: input.claimantUserId,
    action: 'identity.conflict',
    subjectType: 'user',
    subjectId: input.claimantUserId,
    details: { holderUserId: holder?.userId ?? null, adapter: input.proof.adapter },
    requestId: input.requestId,
  });
}
