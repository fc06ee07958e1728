import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { activities, activityApplications, attendances, organizerGroups, users } from '../../../db/schema.ts';
import { nameOf, type Db, type Transaction } from '../../organizer/lifecycle-io.ts';

/** This feature's SQL that more than one use-case needs. */
export type ActivityRow = typeof activities.$inferSelect;

export async function findActivity(db: Db, id: string): Promise<ActivityRow | null> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id));
  return row ?? null;
}

/**
 * Locks the activity for the rest of the transaction. Applications take the same row (they
 * change `applicant_count`), so a capacity check made under this lock cannot be overtaken.
 */
export async function lockActivity(tx: Transaction, id: string): Promise<ActivityRow | null> {
  const [row] = await tx.select().from(activities).where(eq(activities.id, id)).for('update');
  return row ?? null;
}

export async function groupName(db: Db, groupId: string): Promise<string> {
  const [row] = await db
    .select({ details: organizerGroups.details })
    .from(organizerGroups)
    .where(eq(organizerGroups.id, groupId));
  return row ? nameOf(row.details) : '';
}

export interface ActivityCounts {
  waitlistCount: number;
  checkedInCount: number;
  walkInCount: number;
}

/** Waiting-list and check-in counts of several activities at once (none: zeros). */
export async function countsOf(db: Db, ids: readonly string[]): Promise<Map<string, ActivityCounts>> {
  const result = new Map<string, ActivityCounts>(
    ids.map((id) => [id, { waitlistCount: 0, checkedInCount: 0, walkInCount: 0 }]),
  );
  if (ids.length === 0) return result;
  const [waiting, checkedIn] = await Promise.all([
    db
      .select({ id: activityApplications.activityId, n: count() })
      .from(activityApplications)
      .where(
        and(
          inArray(activityApplications.activityId, [...ids]),
          eq(activityApplications.status, 'waitlisted'),
        ),
      )
      .groupBy(activityApplications.activityId),
    db
      .select({
        id: attendances.activityId,
        n: count(),
        walkIns: sql<number>`count(*) filter (where ${attendances.walkIn})`.mapWith(Number),
      })
      .from(attendances)
      .where(inArray(attendances.activityId, [...ids]))
      .groupBy(attendances.activityId),
  ]);
  for (const row of waiting) result.get(row.id)!.waitlistCount = row.n;
  for (const row of checkedIn) {
    const counts = result.get(row.id)!;
    counts.checkedInCount = row.n;
    counts.walkInCount = row.walkIns;
  }
  return result;
}

/** Everyone a notice reaches (R-ACT-4): applied or on the waiting list, account not deleted. */
export async function noticeRecipients(db: Db, activityId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: activityApplications.userId })
    .from(activityApplications)
    .innerJoin(users, eq(users.id, activityApplications.userId))
    .where(
      and(
        eq(activityApplications.activityId, activityId),
        inArray(activityApplications.status, ['applied', 'waitlisted']),
        isNull(users.deletedAt),
      ),
    )
    .orderBy(activityApplications.seq);
  return rows.map((row) => row.userId);
}
