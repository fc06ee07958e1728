import { jstDate, participantView, participantsCsv, type Locale } from '@kumamoto/domain';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activityApplications, users } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Db } from '../../organizer/lifecycle-io.ts';
import { countsOf, findActivity, type ActivityRow } from './store.ts';
import { participantViewColumns } from '../participant-view-columns.ts';

/**
 * R-ID-4: the organizer sees each participant's name, age and gender only. The query reads just
 * the columns `participantView` needs, and the view drops the birth date after working out the
 * age on the activity's day; the address is never read.
 */
async function participantRows(db: Db, activity: ActivityRow, now: Date) {
  const rows = await db
    .select({
      status: activityApplications.status,
      appliedAt: activityApplications.createdAt,
      ...participantViewColumns,
    })
    .from(activityApplications)
    .innerJoin(users, eq(users.id, activityApplications.userId))
    .where(
      and(
        eq(activityApplications.activityId, activity.id),
        inArray(activityApplications.status, ['applied', 'waitlisted']),
      ),
    )
    // Those holding a place first, then the waiting list, each in order of arrival.
    .orderBy(desc(eq(activityApplications.status, 'applied')), asc(activityApplications.seq));
  const onDate = jstDate(activity.startsAt ?? now);
  return rows.map((row) => ({
    ...participantView(row, onDate),
    status: row.status as 'applied' | 'waitlisted',
    appliedAt: row.appliedAt,
  }));
}

type Access = { activityId: string; actorUserId: string; now: Date; requestId: string };

/** The list with its counts; reading it is an access to personal data, so it is audited (R-PRIV-1). */
export async function viewParticipants(db: Database, input: Access) {
  return db.transaction(async (tx) => {
    const activity = await findActivity(tx, input.activityId);
    if (!activity) throw new AppError('not_found');
    const participants = await participantRows(tx, activity, input.now);
    const counts = (await countsOf(tx, [activity.id])).get(activity.id)!;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.participants_viewed',
      subjectType: 'activity',
      subjectId: activity.id,
      details: { count: participants.length },
      requestId: input.requestId,
    });
    return {
      counts: {
        applied: participants.filter((p) => p.status === 'applied').length,
        waitlisted: participants.filter((p) => p.status === 'waitlisted').length,
        capacity: activity.capacity,
        checkedIn: counts.checkedInCount,
        walkIns: counts.walkInCount,
      },
      participants,
    };
  });
}

/**
 * The participants holding a place as CSV (UTF-8 with BOM for Excel; domain participants-csv.ts),
 * audited. The waiting list is not exported: they are not taking part unless a place frees.
 */
export async function exportParticipantsCsv(db: Database, input: Access & { locale: Locale }) {
  return db.transaction(async (tx) => {
    const activity = await findActivity(tx, input.activityId);
    if (!activity) throw new AppError('not_found');
    const applied = (await participantRows(tx, activity, input.now)).filter((p) => p.status === 'applied');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.participants_exported',
      subjectType: 'activity',
      subjectId: activity.id,
      details: { count: applied.length, format: 'csv' },
      requestId: input.requestId,
    });
    return participantsCsv(
      applied.map(({ name, age, gender }) => ({ name, age, gender })),
      input.locale,
    );
  });
}
