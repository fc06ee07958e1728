import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../../db/client.ts';
import { auditEvents, identityBindings, users } from '../../../db/schema.ts';

const listLimit = 50;

export interface IdentityConflict {
  occurredAt: Date;
  adapter: string;
  claimant: { id: string; displayName: string; createdAt: Date };
  holder: { id: string; displayName: string; verifiedAt: Date | null; stillBound: boolean } | null;
}

/**
 * Refused verifications because the person is bound to another account, newest first: what
 * the city office needs to resolve a resident's call (both accounts' names and dates; no card
 * items). Reading it is personal data, so the route audits it.
 */
export async function listIdentityConflicts(db: Database): Promise<IdentityConflict[]> {
  const claimant = alias(users, 'claimant');
  const holder = alias(users, 'holder');
  const holderId = sql<string | null>`(${auditEvents.details} ->> 'holderUserId')::uuid`;
  const rows = await db
    .select({
      occurredAt: auditEvents.occurredAt,
      adapter: sql<string>`${auditEvents.details} ->> 'adapter'`,
      claimantId: claimant.id,
      claimantName: claimant.displayName,
      claimantCreatedAt: claimant.createdAt,
      holderId: holder.id,
      holderName: holder.displayName,
      holderVerifiedAt: holder.verifiedAt,
      stillBound: sql<boolean>`exists (select 1 from ${identityBindings} where ${identityBindings.userId} = ${holder.id})`,
    })
    .from(auditEvents)
    .innerJoin(claimant, eq(claimant.id, sql`${auditEvents.subjectId}::uuid`))
    .leftJoin(holder, eq(holder.id, holderId))
    .where(and(eq(auditEvents.action, 'identity.conflict'), eq(auditEvents.subjectType, 'user')))
    .orderBy(desc(auditEvents.occurredAt))
    .limit(listLimit);
  return rows.map((row) => ({
    occurredAt: row.occurredAt,
    adapter: row.adapter,
    claimant: { id: row.claimantId, displayName: row.claimantName, createdAt: row.claimantCreatedAt },
    holder:
      row.holderId === null || row.holderName === null
        ? null
        : {
            id: row.holderId,
            displayName: row.holderName,
            verifiedAt: row.holderVerifiedAt,
            stillBound: Boolean(row.stillBound),
          },
  }));
}
