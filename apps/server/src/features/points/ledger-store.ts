import type { LedgerEntry } from '@kumamoto/domain';
import { asc, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { activities, attendances, pointEntries } from '../../db/schema.ts';

type Db = Pick<Database, 'select'>;

/** A stored ledger entry as the domain reads it, with the activity a grant was for. */
export interface StoredEntry {
  entry: LedgerEntry;
  lastUsableDay: string | null;
  activityTitle: string | null;
}

/**
 * A resident's whole points ledger, oldest first (issue 6). The ledger is append-only (a
 * trigger refuses UPDATE and DELETE), so this is the full history; balances are worked out
 * from it by the domain, never stored.
 */
export async function loadLedger(db: Db, userId: string): Promise<StoredEntry[]> {
  const rows = await db
    .select({
      id: pointEntries.id,
      kind: pointEntries.kind,
      amount: pointEntries.amount,
      at: pointEntries.at,
      lastUsableDay: pointEntries.lastUsableDay,
      lotId: pointEntries.lotId,
      allocations: pointEntries.allocations,
      activityTitle: activities.title,
    })
    .from(pointEntries)
    .leftJoin(attendances, eq(attendances.id, pointEntries.attendanceId))
    .leftJoin(activities, eq(activities.id, attendances.activityId))
    .where(eq(pointEntries.userId, userId))
    .orderBy(asc(pointEntries.seq));
  return rows.map((row) => ({
    entry: toLedgerEntry(row),
    lastUsableDay: row.lastUsableDay,
    activityTitle: row.activityTitle,
  }));
}

function toLedgerEntry(row: {
  id: string;
  kind: 'grant' | 'spend' | 'adjustment' | 'expiry';
  amount: number;
  at: Date;
  lotId: string | null;
  allocations: { lotId: string; amount: number }[];
}): LedgerEntry {
  const { id, at, amount } = row;
  switch (row.kind) {
    case 'grant':
      return { kind: 'grant', id, at, amount };
    case 'spend':
      return { kind: 'spend', id, at, amount, allocations: row.allocations };
    case 'adjustment':
      return { kind: 'adjustment', id, at, amount, allocations: row.allocations };
    case 'expiry':
      if (row.lotId === null) throw new Error(`expiry entry ${id} has no lot`);
      return { kind: 'expiry', id, at, amount, lotId: row.lotId };
  }
}

/** How many activities the resident has checked in to, ever (R-PT-9's participation count). */
export async function participationCount(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(attendances).where(eq(attendances.userId, userId));
  return row?.n ?? 0;
}
