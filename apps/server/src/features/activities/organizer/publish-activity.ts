import type { EligibilityCriterionId } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { formOf } from './columns.ts';
import { assertActionAllowed, assertGroupMayCreate } from './refusals.ts';
import { lockActivity } from './store.ts';
import { assertValidForm } from './validate.ts';

/**
 * Publishes a saved draft as public or unlisted (R-ACT-1, R-ACT-2): the stored form must be
 * complete, the start still to come, and the organizer must tick all five criteria now.
 */
export async function publishActivity(
  db: Database,
  input: {
    activityId: string;
    actorUserId: string;
    visibility: 'public' | 'unlisted';
    eligibility: EligibilityCriterionId[];
    now: Date;
    requestId: string;
  },
): Promise<void> {
  const { now } = input;
  await db.transaction(async (tx) => {
    const draft = await lockActivity(tx, input.activityId);
    if (!draft) throw new AppError('not_found');
    assertActionAllowed('publish', draft, now);
    await assertGroupMayCreate(tx, draft.groupId, now);
    const form = { ...formOf(draft), visibility: input.visibility, eligibility: input.eligibility };
    await assertValidForm(tx, form, { now, previous: draft, applicantCount: draft.applicantCount });
    await tx
      .update(activities)
      .set({ visibility: input.visibility, eligibility: input.eligibility, publishedAt: now, updatedAt: now })
      .where(eq(activities.id, draft.id));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.published',
      subjectType: 'activity',
      subjectId: draft.id,
      details: { visibility: input.visibility, eligibility: input.eligibility },
      requestId: input.requestId,
    });
  });
}

/**
 * Moves a published activity between public and unlisted (the guide's way to take it out of
 * the list). It never returns to draft: residents may have applied or shared it.
 */
export async function changeVisibility(
  db: Database,
  input: {
    activityId: string;
    actorUserId: string;
    visibility: 'public' | 'unlisted';
    now: Date;
    requestId: string;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const activity = await lockActivity(tx, input.activityId);
    if (!activity) throw new AppError('not_found');
    assertActionAllowed('change_visibility', activity, input.now);
    if (activity.visibility === input.visibility) return;
    await tx
      .update(activities)
      .set({ visibility: input.visibility, updatedAt: input.now })
      .where(eq(activities.id, activity.id));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'activity.visibility_changed',
      subjectType: 'activity',
      subjectId: activity.id,
      details: { from: activity.visibility, to: input.visibility },
      requestId: input.requestId,
    });
  });
}
