import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { checkInRefusals } from '../../db/schema.ts';

/**
 * Why scans were refused, counted per activity for the organizer's screen ("3 not applied, 12
 * already checked in"; issue 6). Refused scans write nothing else.
 *
 * The counts are hot rows: in a surge every repeated scan of one activity adds to the same
 * ("already_checked_in") row, and one UPSERT per scan would queue them all on that row's lock.
 * So increments are coalesced: while one write is in flight, the next ones gather into a single
 * batch, written as one multi-row UPSERT when it returns. Each caller still waits for the write
 * that holds its own increment, so nothing is lost and a refused request has been counted by the
 * time it is answered.
 */
interface Batch {
  counts: Map<string, { activityId: string; reason: string; count: number; lastAt: Date }>;
  done: Promise<void>;
  settle: (error?: unknown) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return {
    counts: new Map(),
    done,
    settle: (error) => (error === undefined ? resolve() : reject(error)),
  };
}

class RefusalCounter {
  private readonly db: Database;
  private waiting: Batch | null = null;
  private writing = false;

  constructor(db: Database) {
    this.db = db;
  }

  add(activityId: string, reason: string, at: Date): Promise<void> {
    const batch = (this.waiting ??= newBatch());
    const key = `${activityId}\u0000${reason}`;
    const current = batch.counts.get(key);
    if (current) {
      current.count++;
      if (at > current.lastAt) current.lastAt = at;
    } else batch.counts.set(key, { activityId, reason, count: 1, lastAt: at });
    if (!this.writing) void this.drain();
    return batch.done;
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting) {
        const batch = this.waiting;
        this.waiting = null;
        try {
          await this.write(batch);
          batch.settle();
        } catch (error) {
          batch.settle(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(batch: Batch): Promise<void> {
    // A fixed order, so two servers' batches never wait on each other's rows crosswise.
    const rows = [...batch.counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
    await this.db
      .insert(checkInRefusals)
      .values(rows)
      .onConflictDoUpdate({
        target: [checkInRefusals.activityId, checkInRefusals.reason],
        set: {
          count: sql`${checkInRefusals.count} + excluded.count`,
          lastAt: sql`greatest(${checkInRefusals.lastAt}, excluded.last_at)`,
        },
      });
  }
}

const counters = new WeakMap<Database, RefusalCounter>();

/** Adds one refused scan of `activityId` for `reason`; resolves once it is stored. */
export function countRefusal(db: Database, activityId: string, reason: string, at: Date): Promise<void> {
  let counter = counters.get(db);
  if (!counter) {
    counter = new RefusalCounter(db);
    counters.set(db, counter);
  }
  return counter.add(activityId, reason, at);
}
