import { changeNotice, type NoticeSubject } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { promoteFromWaitlist } from '../apply/waitlist-promotion.ts';
import { columnsOf, type ActivityForm } from './columns.ts';
import { deliverNotice } from './notices.ts';
import { assertActionAllowed, assertGroupMayCreate } from './refusals.ts';
import type { ActivityRow } from './store.ts';
import { lockActivity } from './store.ts';
import { assertOwnThumbnail, assertValidForm } from './validate.ts';

export function noticeSubject(row: ActivityRow): NoticeSubject {
  return {
    visibility: row.visibility,
    cancelledAt: row.cancelledAt,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    title: row.title,
    contact: row.contact,
  };
}

/** More places than before (or no limit any more): the waiting list can move up. */
function capacityRaised(before: number | null, after: number | null): boolean {
  return before !== null && (after === null || after > before);
}

/**
 * Saves the edited form (R-ACT-2). Under the activity's lock: the capacity may not fall below
 * the places already taken; a raised capacity promotes from the waiting list (beyond the guide);
 * a changed date or time tells every participant by itself (R-ACT-4). Saving a draft as public
 * or unlisted publishes it, with the same checks as publishing.
 */
export async function updateActivity(
  db: Database,
  input: { activityId: string; actorUserId: string; form: ActivityForm; now: Date; requestId: string },
): Promise<{ rescheduledNoticeId: string | null; promoted: number }> {
  const { form, now } = input;
  return db.transaction(async (tx) => {
    const before = await lockActivity(tx, input.activityId);
    if (!before) throw new AppError('not_found');
    assertActionAllowed('edit', before, now);
    const publishing = before.visibility === 'draft' && form.visibility !== 'draft';
    if (publishing) await assertGroupMayCreate(tx, before.groupId, now);
    await assertValidForm(tx, form, { now, previous: before, applicantCount: before.applicantCount });
    await assertOwnThumbnail(tx, before.groupId, form.thumbnailImageId);
    const [after] = await tx
      .update(activities)
      .set({
        ...columnsOf(form),
        publishedAt: before.publishedAt ?? (publishing ? now : null),
        updatedAt: now,
      })
      .where(eq(activities.id, before.id))
      .returning();
    if (!after) throw new AppError('internal');

    const notice = changeNotice(noticeSubject(before), noticeSubject(after));
    const rescheduled =
      notice?.kind === 'activity_date_changed'
        ? await deliverNotice(tx, {
            activityId: after.id,
            activityTitle: after.title,
            kind: 'rescheduled',
            senderUserId: null,
            body: '',
            params: notice.params,
            now,
          })
        : null;
    const promoted = capacityRaised(before.capacity, after.capacity)
      ? await promoteFromWaitlist(tx, after.id, now)
      : [];
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.updated',
      subjectType: 'activity',
      subjectId: after.id,
      details: {
        visibility: after.visibility,
        published: publishing,
        rescheduledNoticeId: rescheduled?.id ?? null,
        capacity: { from: before.capacity, to: after.capacity },
        promoted: promoted.length,
      },
      requestId: input.requestId,
    });
    return { rescheduledNoticeId: rescheduled?.id ?? null, promoted: promoted.length };
  });
}
