import { freeTextProblem, maxNoticeBodyLength, type FreeTextProblem, type ErrorCode } from '@kumamoto/domain';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activityNotices, notifications } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Db, Transaction } from '../../organizer/lifecycle-io.ts';
import { assertActionAllowed } from './refusals.ts';
import { lockActivity, noticeRecipients } from './store.ts';

type NoticeKind = (typeof activityNotices.$inferInsert)['kind'];

/** The inbox kinds (web: notifications.kinds) for each stored notice kind. */
const notificationKind: Record<NoticeKind, string> = {
  message: 'activity_notice',
  rescheduled: 'activity_rescheduled',
  cancelled: 'activity_cancelled',
};

/** The inbox takes this many rows per statement, so a large activity does not hit parameter limits. */
const insertChunk = 500;

/**
 * R-ACT-4: a notice to everyone who applied or waits on the list, in the caller's transaction.
 * The notice is kept on the activity (the organizer's sent list) and each participant gets an
 * inbox notification in their own language (kind + params, decision 0004) linking to the page.
 */
export async function deliverNotice(
  tx: Transaction,
  input: {
    activityId: string;
    activityTitle: string;
    kind: NoticeKind;
    senderUserId: string | null;
    body: string;
    params?: Record<string, string | number>;
    now: Date;
  },
): Promise<{ id: string; recipientCount: number }> {
  const recipients = await noticeRecipients(tx, input.activityId);
  const [notice] = await tx
    .insert(activityNotices)
    .values({
      activityId: input.activityId,
      kind: input.kind,
      senderUserId: input.senderUserId,
      body: input.body,
      params: input.params ?? {},
      recipientCount: recipients.length,
      sentAt: input.now,
    })
    .returning({ id: activityNotices.id });
  if (!notice) throw new AppError('internal');
  const rows = recipients.map((userId) => ({
    userId,
    kind: notificationKind[input.kind],
    params: { activityTitle: input.activityTitle },
    link: `/volunteer/activities/${input.activityId}`,
  }));
  for (let i = 0; i < rows.length; i += insertChunk) {
    await tx.insert(notifications).values(rows.slice(i, i + insertChunk));
  }
  return { id: notice.id, recipientCount: recipients.length };
}

const noticeTextCode: Record<FreeTextProblem, ErrorCode> = {
  empty: 'activity_notice_empty',
  too_long: 'activity_notice_too_long',
  forbidden_characters: 'activity_text_forbidden_characters',
};

/** The organizer writes to the participants (one-way, so the text should say how to reach them). */
export async function sendOrganizerNotice(
  db: Database,
  input: { activityId: string; actorUserId: string; body: string; now: Date; requestId: string },
): Promise<{ id: string; recipientCount: number }> {
  const problem = freeTextProblem(input.body, maxNoticeBodyLength);
  if (problem) throw new AppError(noticeTextCode[problem]);
  return db.transaction(async (tx) => {
    const activity = await lockActivity(tx, input.activityId);
    if (!activity) throw new AppError('not_found');
    assertActionAllowed('send_notice', activity, input.now);
    const sent = await deliverNotice(tx, {
      activityId: activity.id,
      activityTitle: activity.title,
      kind: 'message',
      senderUserId: input.actorUserId,
      body: input.body,
      now: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.notice_sent',
      subjectType: 'activity',
      subjectId: activity.id,
      details: { noticeId: sent.id, recipientCount: sent.recipientCount },
      requestId: input.requestId,
    });
    return sent;
  });
}

export async function listNotices(db: Db, activityId: string) {
  return db
    .select({
      id: activityNotices.id,
      kind: activityNotices.kind,
      body: activityNotices.body,
      params: activityNotices.params,
      sentAt: activityNotices.sentAt,
      recipientCount: activityNotices.recipientCount,
    })
    .from(activityNotices)
    .where(eq(activityNotices.activityId, activityId))
    .orderBy(desc(activityNotices.sentAt), desc(activityNotices.id));
}
