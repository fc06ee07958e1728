import { nextToPromote } from '@kumamoto/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { activities, activityApplications } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { notify } from '../../notifications/store.ts';
import { factsOf, lockActivity, type Transaction } from './store.ts';

/** Where a notification about an activity takes the resident. */
export const activityPageLink = (activityId: string) => `/volunteer/activities/${activityId}`;

/**
 * Moves residents from the waiting list into free places, first come first served, and tells
 * each of them (beyond the guide; notification kind `activity_promoted`). Call it inside the
 * transaction that freed places: a withdrawal, or a capacity raised or removed by the organizer.
 * It takes the activity's row lock itself (a no-op when the caller holds it already), reads the
 * count under it and never fills beyond the capacity (the database's check backs this up).
 * Returns the promoted residents' user ids, in the order they were promoted.
 */
export async function promoteFromWaitlist(tx: Transaction, activityId: string, now: Date): Promise<string[]> {
  const activity = await lockActivity(tx, activityId);
  if (!activity) return [];
  const waiting = await tx
    .select({
      id: activityApplications.id,
      userId: activityApplications.userId,
      createdAt: activityApplications.createdAt,
      seq: activityApplications.seq,
    })
    .from(activityApplications)
    .where(
      and(eq(activityApplications.activityId, activityId), eq(activityApplications.status, 'waitlisted')),
    )
    .orderBy(asc(activityApplications.createdAt), asc(activityApplications.seq));
  const chosen = nextToPromote({
    activity: factsOf(activity),
    now,
    applicantCount: activity.applicantCount,
    waitlist: waiting.map((row) => ({ applicationId: row.id, queuedAt: row.createdAt, sequence: row.seq })),
  });
  if (chosen.length === 0) return [];

  const ids = chosen.map((entry) => entry.applicationId);
  await tx
    .update(activityApplications)
    .set({ status: 'applied', promotedAt: now })
    .where(inArray(activityApplications.id, ids));
  await tx
    .update(activities)
    .set({ applicantCount: sql`${activities.applicantCount} + ${ids.length}` })
    .where(eq(activities.id, activityId));

  const userIdOf = new Map(waiting.map((row) => [row.id, row.userId]));
  const promoted = ids.map((id) => userIdOf.get(id) as string);
  for (const userId of promoted) {
    await notify(tx, {
      userId,
      kind: 'activity_promoted',
      params: { activityTitle: activity.title },
      link: activityPageLink(activityId),
    });
  }
  await recordAudit(tx, {
    actorUserId: null,
    action: 'activity.waitlist_promoted',
    subjectType: 'activity',
    subjectId: activityId,
    details: { applicationIds: ids },
  });
  return promoted;
}
