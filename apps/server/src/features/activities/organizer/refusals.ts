import {
  canCreateActivities,
  organizerActionRefusal,
  type ErrorCode,
  type GroupRefusal,
  type IsoDate,
  type OrganizerAction,
  type OrganizerActionRefusal,
} from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { organizerGroups } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { latestRequests, type Db } from '../../organizer/lifecycle-io.ts';
import type { ActivityRow } from './store.ts';

const codeByActionRefusal: Record<OrganizerActionRefusal, ErrorCode> = {
  not_a_draft: 'activity_not_a_draft',
  not_published: 'activity_not_published',
  already_cancelled: 'activity_already_cancelled',
  already_ended: 'activity_already_ended',
};

/** The domain decides whether the action fits the activity's state (R-ACT-4, R-ACT-5); refusals throw. */
export function assertActionAllowed(action: OrganizerAction, activity: ActivityRow, now: Date): void {
  const refusal = organizerActionRefusal(action, activity, now);
  if (refusal) throw new AppError(codeByActionRefusal[refusal]);
}

const codeByGroupRefusal: Record<GroupRefusal, ErrorCode> = {
  lapsed: 'organizer_group_lapsed',
  suspended: 'organizer_group_suspended',
  ended: 'organizer_group_ended',
  change_pending: 'activity_group_change_pending',
};

/**
 * Whether the group may create and publish activities now (R-ORG-6, R-ORG-8, R-ORG-10): the
 * domain's `canCreateActivities` over the same stored facts the group screen reads.
 */
export async function groupRefusal(db: Db, groupId: string, now: Date): Promise<GroupRefusal | null> {
  const [group] = await db
    .select({ status: organizerGroups.status, rightsEnd: organizerGroups.rightsEnd })
    .from(organizerGroups)
    .where(eq(organizerGroups.id, groupId));
  if (!group) throw new AppError('not_found');
  const requests = await latestRequests(db, groupId);
  const permission = canCreateActivities(
    {
      status: group.status,
      rightsEnd: group.rightsEnd as IsoDate,
      changePending: requests.change?.status === 'pending',
    },
    now,
  );
  return permission.ok ? null : permission.reason;
}

export async function assertGroupMayCreate(db: Db, groupId: string, now: Date): Promise<void> {
  const refusal = await groupRefusal(db, groupId, now);
  if (refusal) throw new AppError(codeByGroupRefusal[refusal]);
}
