import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { checkInRefusals } from '../../db/schema.ts';
import { Batcher } from '../../platform/batcher.ts';
import { perDatabase } from '../../platform/per-database.ts';

/**
 * Why scans were refused, counted per activity for the organizer's screen ("3 not applied, 12
 * already checked in"; issue 6). Refused scans write nothing else.
 *
 * The counts are hot rows: in a surge every repeated scan of one activity adds to the same
 * ("already_checked_in") row, and one UPSERT per scan would queue them all on that row's lock.
 * So increments are gathered (`Batcher`, one write in flight): those that arrive while a write
 * is out are summed into one multi-row UPSERT when it returns. Each caller still waits for the
 * write that holds its own increment, so nothing is lost and a refused request has been counted
 * by the time it is answered.
 */
interface Refusal {
  activityId: string;
  reason: string;
  at: Date;
}

async function writeCounts(db: Database, refusals: Refusal[]): Promise<void[]> {
  const counts = new Map<string, { activityId: string; reason: string; count: number; lastAt: Date }>();
  for (const { activityId, reason, at } of refusals) {
    const key = `${activityId}\u0000${reason}`;
    const current = counts.get(key);
    if (!current) counts.set(key, { activityId, reason, count: 1, lastAt: at });
    else {
      current.count++;
      if (at > current.lastAt) current.lastAt = at;
    }
  }
  // A fixed order, so two servers' batches never wait on each other's rows crosswise.
  const rows = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
  await db
    .insert(checkInRefusals)
    .values(rows)
    .onConflictDoUpdate({
      target: [checkInRefusals.activityId, checkInRefusals.reason],
      set: {
        count: sql`${checkInRefusals.count} + excluded.count`,
        lastAt: sql`greatest(${checkInRefusals.lastAt}, excluded.last_at)`,
      },
    });
  return refusals.map(() => undefined);
}

const counter = perDatabase(
  (db: Database) =>
    new Batcher((refusals: Refusal[]) => writeCounts(db, refusals), { maxInFlight: 1, maxBatch: 10_000 }),
);

/** Adds one refused scan of `activityId` for `reason`; resolves once it is stored. */
export function countRefusal(db: Database, activityId: string, reason: string, at: Date): Promise<void> {
  return counter(db).load({ activityId, reason, at });
}
