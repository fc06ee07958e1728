import { cancellationRefusal, type CancellationRefusal, type Clock, type ErrorCode } from '@kumamoto/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities, activityApplications } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { applicationsOf, existingOf, lockActivity } from './store.ts';
import { promoteFromWaitlist } from './waitlist-promotion.ts';

export const cancellationRefusalCodes: Record<CancellationRefusal, ErrorCode> = {
  not_applied: 'application_not_found',
  started: 'application_activity_started',
  cancelled: 'application_activity_cancelled',
};

/**
 * A resident withdraws an application or leaves the waiting list, until the start (issue 5
 * part 3). The row stays as history ('cancelled'). A place freed goes to the first on the
 * waiting list, who is notified, in the same transaction.
 */
export async function cancelApplication(
  db: Database,
  input: { activityId: string; userId: string; clock: Clock; requestId?: string },
): Promise<{ promotedUserIds: string[] }> {
  return db.transaction(async (tx) => {
    const activity = await lockActivity(tx, input.activityId);
    if (!activity) throw new AppError('not_found');
    const now = input.clock.now();
    const { live, any } = await applicationsOf(tx, activity.id, input.userId);
    // A draft or unlisted activity the caller never applied to stays hidden, as everywhere.
    if (!any && activity.visibility !== 'public') throw new AppError('not_found');
    const refusal = cancellationRefusal(activity, existingOf(live), now);
    if (refusal || !live) throw new AppError(cancellationRefusalCodes[refusal ?? 'not_applied']);

    await tx
      .update(activityApplications)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(activityApplications.id, live.id));
    let promotedUserIds: string[] = [];
    if (live.status === 'applied') {
      await tx
        .update(activities)
        .set({ applicantCount: sql`${activities.applicantCount} - 1` })
        .where(eq(activities.id, activity.id));
      promotedUserIds = await promoteFromWaitlist(tx, activity.id, now);
    }
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'activity.application_cancelled',
      subjectType: 'activity',
      subjectId: activity.id,
      details: { applicationId: live.id, status: live.status },
      requestId: input.requestId,
    });
    return { promotedUserIds };
  });
}
