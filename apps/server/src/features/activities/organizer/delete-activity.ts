import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities, activityImages } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertActionAllowed } from './refusals.ts';
import { lockActivity } from './store.ts';

/**
 * R-ACT-5: only a draft may be deleted; anything published may be in someone's history and is
 * cancelled instead. The draft's thumbnail goes with it unless another activity uses it.
 */
export async function deleteDraft(
  db: Database,
  input: { activityId: string; actorUserId: string; now: Date; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const draft = await lockActivity(tx, input.activityId);
    if (!draft) throw new AppError('not_found');
    assertActionAllowed('delete', draft, input.now);
    await tx.delete(activities).where(eq(activities.id, draft.id));
    const imageId = draft.thumbnailImageId;
    if (imageId) {
      const [other] = await tx
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.thumbnailImageId, imageId), ne(activities.id, draft.id)))
        .limit(1);
      if (!other) await tx.delete(activityImages).where(eq(activityImages.id, imageId));
    }
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.deleted',
      subjectType: 'activity',
      subjectId: draft.id,
      details: { groupId: draft.groupId, title: draft.title },
      requestId: input.requestId,
    });
  });
}
