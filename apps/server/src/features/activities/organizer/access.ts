import type { SignedInAction } from '@kumamoto/domain';
import type { FastifyRequest } from 'fastify';
import { authorizeInGroup } from '../../../platform/authorize.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Viewer } from '../../../platform/viewer.ts';
import type { Db } from '../../organizer/lifecycle-io.ts';
import { groupRoleOf } from '../../organizer/members.ts';
import { findActivity, type ActivityRow } from './store.ts';

/**
 * Organizer routes about one activity: the caller's role is their role in the activity's group.
 * An activity that does not exist, or of a group the caller is not in, is refused the same way
 * (403), so the answer does not reveal which activities exist.
 */
export async function authorizeActivity(
  db: Db,
  request: FastifyRequest,
  action: SignedInAction,
  activityId: string,
): Promise<{ viewer: Viewer; activity: ActivityRow }> {
  const found: { activity: ActivityRow | null } = { activity: null };
  const viewer = await authorizeInGroup(request, action, async (userId) => {
    found.activity = await findActivity(db, activityId);
    return found.activity ? groupRoleOf(db, found.activity.groupId, userId) : null;
  });
  if (!found.activity) throw new AppError('not_found');
  return { viewer, activity: found.activity };
}

/** Organizer routes about a group's activities: the caller's role in that group. */
export function authorizeGroup(
  db: Db,
  request: FastifyRequest,
  action: SignedInAction,
  groupId: string,
): Promise<Viewer> {
  return authorizeInGroup(request, action, (userId) => groupRoleOf(db, groupId, userId));
}
