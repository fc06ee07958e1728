import { activityPhase, compareForListing } from '@kumamoto/domain';
import { and, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client.ts';
import { activities, activityApplications, attendances, organizerGroups } from '../../../db/schema.ts';
import { presentSummary, summaryColumns, type SummaryRow } from '../discover/present.ts';
import { activitySummarySchema } from '../discover/schema.ts';
import { waitlistPositionOf } from './store.ts';

export const myActivitySchema = activitySummarySchema
  .extend({
    myStatus: z.enum(['applied', 'waitlisted', 'cancelled']),
    waitlistPosition: z.number().int().nullable(),
    checkedIn: z.boolean(),
  })
  .meta({ id: 'MyActivity' });
export type MyActivity = z.infer<typeof myActivitySchema>;

/**
 * "My activities" (issue 5 part 6, R-ACT-5): every activity the resident applied to, waited
 * for or withdrew from, and every one they took part in without applying (a walk-in, R-PT-4,
 * shown as taking part). Upcoming (not ended yet, soonest first) and past (latest first); an
 * activity stays in the history whatever happened to it later (cancelled, made unlisted).
 */
export async function myActivities(
  db: Database,
  userId: string,
  now: Date,
): Promise<{ upcoming: MyActivity[]; past: MyActivity[] }> {
  // The latest application per activity, a live one before any withdrawn one.
  const applications = await db
    .selectDistinctOn([activityApplications.activityId], {
      applicationId: activityApplications.id,
      status: activityApplications.status,
      ...summaryColumns,
    })
    .from(activityApplications)
    .innerJoin(activities, eq(activities.id, activityApplications.activityId))
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .where(eq(activityApplications.userId, userId))
    .orderBy(
      activityApplications.activityId,
      desc(sql`${activityApplications.status} <> 'cancelled'`),
      desc(activityApplications.seq),
    );
  const appliedTo = applications.map((row) => row.id);
  const [checkedIn, walkIns] = await Promise.all([
    appliedTo.length === 0
      ? []
      : db
          .select({ activityId: attendances.activityId })
          .from(attendances)
          .where(and(eq(attendances.userId, userId), inArray(attendances.activityId, appliedTo))),
    db
      .select(summaryColumns)
      .from(attendances)
      .innerJoin(activities, eq(activities.id, attendances.activityId))
      .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
      .where(
        and(
          eq(attendances.userId, userId),
          appliedTo.length === 0 ? undefined : notInArray(attendances.activityId, appliedTo),
        ),
      ),
  ]);
  const checkedInIds = new Set(checkedIn.map((row) => row.activityId));

  const items: { row: SummaryRow; item: MyActivity }[] = [];
  for (const row of applications) {
    const waitlisted = row.status === 'waitlisted';
    items.push({
      row,
      item: {
        ...presentSummary(row, now),
        myStatus: row.status,
        waitlistPosition: waitlisted ? await waitlistPositionOf(db, row.applicationId) : null,
        checkedIn: checkedInIds.has(row.id),
      },
    });
  }
  for (const row of walkIns) {
    items.push({
      row,
      item: { ...presentSummary(row, now), myStatus: 'applied', waitlistPosition: null, checkedIn: true },
    });
  }
  const ended = (row: SummaryRow) => activityPhase(row, now) === 'ended';
  const upcoming = items.filter(({ row }) => !ended(row)).sort((a, b) => compareForListing(a.row, b.row));
  const past = items.filter(({ row }) => ended(row)).sort((a, b) => compareForListing(b.row, a.row));
  return { upcoming: upcoming.map(({ item }) => item), past: past.map(({ item }) => item) };
}
