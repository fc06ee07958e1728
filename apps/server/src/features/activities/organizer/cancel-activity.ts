import {
  changeNotice,
  freeTextProblem,
  maxCancelReasonLength,
  type ErrorCode,
  type FreeTextProblem,
} from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { deliverNotice } from './notices.ts';
import { assertActionAllowed } from './refusals.ts';
import { lockActivity } from './store.ts';
import { noticeSubject } from './update-activity.ts';

const reasonCode: Record<FreeTextProblem, ErrorCode> = {
  empty: 'activity_cancel_reason_required',
  too_long: 'activity_cancel_reason_too_long',
  forbidden_characters: 'activity_text_forbidden_characters',
};

/**
 * Cancels (中止) a published activity (R-ACT-4): it stops taking applications and leaves the
 * listings, stays in participants' history (R-ACT-5), and everyone who applied or waits is told
 * automatically, with the organizer's reason.
 */
export async function cancelActivity(
  db: Database,
  input: { activityId: string; actorUserId: string; reason: string; now: Date; requestId: string },
): Promise<{ noticeId: string | null; recipientCount: number }> {
  const problem = freeTextProblem(input.reason, maxCancelReasonLength);
  if (problem) throw new AppError(reasonCode[problem]);
  const { now } = input;
  return db.transaction(async (tx) => {
    const before = await lockActivity(tx, input.activityId);
    if (!before) throw new AppError('not_found');
    assertActionAllowed('cancel', before, now);
    const [after] = await tx
      .update(activities)
      .set({ cancelledAt: now, cancelReason: input.reason, updatedAt: now })
      .where(eq(activities.id, before.id))
      .returning();
    if (!after) throw new AppError('internal');
    const notice = changeNotice(noticeSubject(before), noticeSubject(after));
    const sent =
      notice?.kind === 'activity_cancelled'
        ? await deliverNotice(tx, {
            activityId: after.id,
            activityTitle: after.title,
            kind: 'cancelled',
            senderUserId: null,
            body: input.reason,
            params: notice.params,
            now,
          })
        : null;
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.cancelled',
      subjectType: 'activity',
      subjectId: after.id,
      reason: input.reason,
      details: { noticeId: sent?.id ?? null, recipientCount: sent?.recipientCount ?? 0 },
      requestId: input.requestId,
    });
    return { noticeId: sent?.id ?? null, recipientCount: sent?.recipientCount ?? 0 };
  });
}
