import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  activities,
  activityApplications,
  attendances,
  certificates,
  checkInRefusals,
  pointEntries,
} from '../../db/schema.ts';

/** A resident holds a place (or waits for one), as the apply flow would leave it. */
export async function applyTo(
  db: Database,
  activityId: string,
  userId: string,
  status: 'applied' | 'waitlisted' = 'applied',
): Promise<void> {
  await db.insert(activityApplications).values({ activityId, userId, status, createdAt: new Date() });
  if (status === 'applied')
    await db
      .update(activities)
      .set({ applicantCount: sql`${activities.applicantCount} + 1` })
      .where(eq(activities.id, activityId));
}

/** How many attendances, grants and certificates a person has (for one activity, if given). */
export async function writtenFor(
  db: Database,
  userId: string,
  activityId?: string,
): Promise<{ attendances: number; grants: number; certificates: number }> {
  const attended = await db
    .select({ id: attendances.id })
    .from(attendances)
    .where(
      and(eq(attendances.userId, userId), activityId ? eq(attendances.activityId, activityId) : undefined),
    );
  const ids = attended.map((row) => row.id);
  const grants = await db
    .select({ attendanceId: pointEntries.attendanceId })
    .from(pointEntries)
    .where(and(eq(pointEntries.userId, userId), eq(pointEntries.kind, 'grant')));
  const issued = await db
    .select({ id: certificates.id, attendanceId: certificates.attendanceId })
    .from(certificates)
    .where(eq(certificates.userId, userId));
  return {
    attendances: ids.length,
    grants: grants.filter((row) => !activityId || ids.includes(row.attendanceId ?? '')).length,
    certificates: issued.filter((row) => !activityId || ids.includes(row.attendanceId)).length,
  };
}

/** The organizer screen's refusal counts of an activity. */
export async function refusalCounts(db: Database, activityId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ reason: checkInRefusals.reason, count: checkInRefusals.count })
    .from(checkInRefusals)
    .where(eq(checkInRefusals.activityId, activityId));
  return Object.fromEntries(rows.map((row) => [row.reason, row.count]));
}
