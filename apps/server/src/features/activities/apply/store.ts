import type { ActivityFacts, ExistingApplication } from '@kumamoto/domain';
import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../../db/client.ts';
import { activities, activityApplications, organizerMembers } from '../../../db/schema.ts';

/** A transaction handed out by `db.transaction` (the organizer side passes its own). */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Reader = Pick<Database, 'select' | 'execute'>;

export type ActivityRow = typeof activities.$inferSelect;

/** The facts the domain's rules read, from a stored row. */
export function factsOf(row: ActivityRow): ActivityFacts {
  return {
    visibility: row.visibility,
    cancelledAt: row.cancelledAt,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    applicationDeadline: row.applicationDeadline,
    capacity: row.capacity,
    schoolDistrictCode: row.schoolDistrictCode,
    restrictToDistrict: row.restrictToDistrict,
  };
}

/**
 * The activity row under `SELECT … FOR UPDATE`: every change to its places (apply, cancel,
 * promote, a capacity change on the organizer side) takes this lock first, so the count read
 * here is the count the change writes back (no overbooking), and waiting-list arrivals are
 * numbered in the order they got the lock.
 */
export async function lockActivity(tx: Transaction, activityId: string): Promise<ActivityRow | undefined> {
  const [row] = await tx.select().from(activities).where(eq(activities.id, activityId)).for('update');
  return row;
}

/** The person's live application (applied or waitlisted), if any, and whether they ever had one. */
export async function applicationsOf(
  db: Reader,
  activityId: string,
  userId: string,
): Promise<{ live: { id: string; status: 'applied' | 'waitlisted' } | null; any: boolean }> {
  const rows = await db
    .select({ id: activityApplications.id, status: activityApplications.status })
    .from(activityApplications)
    .where(and(eq(activityApplications.activityId, activityId), eq(activityApplications.userId, userId)))
    .orderBy(desc(activityApplications.seq));
  const live = rows.find((row) => row.status !== 'cancelled');
  return {
    live: live ? { id: live.id, status: live.status as 'applied' | 'waitlisted' } : null,
    any: rows.length > 0,
  };
}

export function existingOf(live: { status: 'applied' | 'waitlisted' } | null): ExistingApplication {
  return live?.status ?? null;
}

/** Whether the person administers or belongs to the group (organizers see their own activities). */
export async function isGroupMember(db: Reader, groupId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: organizerMembers.userId })
    .from(organizerMembers)
    .where(and(eq(organizerMembers.groupId, groupId), eq(organizerMembers.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/**
 * 1 for the next in line. The same order as the domain's `compareWaitlistEntries` (time of
 * joining, then arrival number), counted in the database so a long list is never loaded.
 */
export async function waitlistPositionOf(db: Reader, applicationId: string): Promise<number | null> {
  const [row] = await queryRows<{ position: number }>(
    db,
    sql`select count(*)::int as position
        from activity_applications mine
        join activity_applications other
          on other.activity_id = mine.activity_id and other.status = 'waitlisted'
         and (other.created_at, other.seq) <= (mine.created_at, mine.seq)
        where mine.id = ${applicationId} and mine.status = 'waitlisted'`,
  );
  const position = Number(row?.position ?? 0);
  return position > 0 ? position : null;
}

/** How many are waiting for a place. */
export async function waitlistCountOf(db: Reader, activityId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activityApplications)
    .where(
      and(eq(activityApplications.activityId, activityId), eq(activityApplications.status, 'waitlisted')),
    );
  return Number(row?.n ?? 0);
}
