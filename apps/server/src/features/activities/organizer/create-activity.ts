import type { Database } from '../../../db/client.ts';
import { activities } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { columnsOf, newShareToken, type ActivityForm } from './columns.ts';
import { assertGroupMayCreate } from './refusals.ts';
import { assertOwnThumbnail, assertValidForm } from './validate.ts';

/**
 * Saves a new activity (R-ACT-2). As a draft it may be half-filled; as public or unlisted it is
 * published at once, so it must be complete with all five criteria ticked (R-ACT-1). A lapsed,
 * suspended or ended group, or one with a change application pending, creates nothing
 * (R-ORG-6, R-ORG-8, R-ORG-10).
 */
export async function createActivity(
  db: Database,
  input: { groupId: string; actorUserId: string; form: ActivityForm; now: Date; requestId: string },
): Promise<string> {
  const { groupId, form, now } = input;
  return db.transaction(async (tx) => {
    await assertGroupMayCreate(tx, groupId, now);
    await assertValidForm(tx, form, { now, previous: null, applicantCount: 0 });
    await assertOwnThumbnail(tx, groupId, form.thumbnailImageId);
    const publishing = form.visibility !== 'draft';
    const [row] = await tx
      .insert(activities)
      .values({
        groupId,
        createdByUserId: input.actorUserId,
        ...columnsOf(form),
        shareToken: newShareToken(),
        publishedAt: publishing ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: activities.id });
    if (!row) throw new AppError('internal');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.created',
      subjectType: 'activity',
      subjectId: row.id,
      details: { groupId, visibility: form.visibility },
      requestId: input.requestId,
    });
    return row.id;
  });
}
