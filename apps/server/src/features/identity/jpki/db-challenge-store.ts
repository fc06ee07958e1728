import type { Clock } from '@kumamoto/domain';
import { eq, lt } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { jpkiChallenges } from '../../../db/schema.ts';
import type { ChallengeRecord, ChallengeStore } from './challenge.ts';

/** Answers to a challenge that expired within this long still hear "expired", not "unknown". */
const keepExpiredMs = 24 * 60 * 60 * 1000;

/**
 * Challenges in the `jpki_challenges` table, keyed by the SHA-256 of the challenge and bound to
 * the account that asked for it. `take` is one DELETE … RETURNING: under any concurrency exactly
 * one caller gets the row, so a challenge is used once, across every server process.
 */
export function dbChallengeStore(db: Database, clock: Clock): ChallengeStore {
  return {
    async put(record: ChallengeRecord): Promise<void> {
      // Tidy as we go: challenges long expired are of no use to anyone.
      await db
        .delete(jpkiChallenges)
        .where(lt(jpkiChallenges.expiresAt, new Date(clock.now().getTime() - keepExpiredMs)));
      await db.insert(jpkiChallenges).values({
        key: record.key,
        userId: record.boundTo,
        expiresAt: record.expiresAt,
        createdAt: clock.now(),
      });
    },

    async take(key: string): Promise<ChallengeRecord | undefined> {
      const [row] = await db
        .delete(jpkiChallenges)
        .where(eq(jpkiChallenges.key, key))
        .returning({ userId: jpkiChallenges.userId, expiresAt: jpkiChallenges.expiresAt });
      return row && { key, boundTo: row.userId, expiresAt: row.expiresAt };
    },
  };
}
