import {
  applicationDecision,
  canViewActivity,
  type ApplicationRefusal,
  type ApplicationWarning,
  type Clock,
  type ErrorCode,
} from '@kumamoto/domain';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities, activityApplications, users } from '../../../db/schema.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { isUniqueViolation } from '../../../platform/sql-errors.ts';
import { shareMatches } from '../discover/present.ts';
import {
  applicationsOf,
  existingOf,
  factsOf,
  isGroupMember,
  lockActivity,
  waitlistPositionOf,
  type Transaction,
} from './store.ts';

/** Each refusal of the domain's `applicationDecision`, as the error the resident reads. */
export const applicationRefusalCodes: Record<ApplicationRefusal, ErrorCode> = {
  not_open: 'application_not_open',
  cancelled: 'application_activity_cancelled',
  ended: 'application_activity_ended',
  closed: 'application_closed',
  already_applied: 'application_already_applied',
  already_waitlisted: 'application_already_waitlisted',
  district_needs_verification: 'application_district_needs_verification',
  district_unknown: 'application_district_unknown',
  wrong_district: 'application_wrong_district',
};

export interface ApplyResult {
  status: 'applied' | 'waitlisted';
  waitlistPosition: number | null;
  warnings: ApplicationWarning[];
}

/**
 * A resident applies (issue 5 part 3, R-ACT-3, R-ACT-6, R-PT-3). In one transaction, under the
 * activity row's lock: the count read is the count written, so the capacity is never exceeded
 * however many apply at once (the table's check refuses it too); a full activity puts the
 * resident on the waiting list, numbered in the order the lock was granted (`seq`, and the
 * time taken after the lock). The partial unique index refuses a second live application.
 */
export async function applyToActivity(
  db: Database,
  input: { activityId: string; userId: string; share?: string; clock: Clock; requestId?: string },
): Promise<ApplyResult> {
  try {
    return await db.transaction((tx) => applyLocked(tx, input));
  } catch (error) {
    // Only reachable if the lock were bypassed: the index is the last word on "once per person".
    if (isUniqueViolation(error)) throw new AppError('application_already_applied');
    throw error;
  }
}

async function applyLocked(
  tx: Transaction,
  input: { activityId: string; userId: string; share?: string; clock: Clock; requestId?: string },
): Promise<ApplyResult> {
  const activity = await lockActivity(tx, input.activityId);
  if (!activity) throw new AppError('not_found');
  const now = input.clock.now();
  const [application, isOrganizer, applicant] = await Promise.all([
    applicationsOf(tx, activity.id, input.userId),
    isGroupMember(tx, activity.groupId, input.userId),
    applicantOf(tx, input.userId),
  ]);
  const viaShareLink = shareMatches(input.share, activity.shareToken);
  // What the caller may not see does not exist for them (as on the detail page).
  if (!canViewActivity(activity, { isOrganizer, hasApplication: application.any, viaShareLink })) {
    throw new AppError('not_found');
  }
  const decision = applicationDecision({
    activity: factsOf(activity),
    now,
    applicantCount: activity.applicantCount,
    existing: existingOf(application.live),
    // Someone who applied before came through the link; withdrawing does not take it away.
    viaShareLink: viaShareLink || application.any,
    applicant,
  });
  if (decision.outcome === 'refuse') throw new AppError(applicationRefusalCodes[decision.reason]);

  const status = decision.outcome === 'accept' ? 'applied' : 'waitlisted';
  const [row] = await tx
    .insert(activityApplications)
    .values({ activityId: activity.id, userId: input.userId, status, createdAt: now })
    .returning({ id: activityApplications.id });
  if (!row) throw new Error('application not stored');
  if (status === 'applied') {
    await tx
      .update(activities)
      .set({ applicantCount: sql`${activities.applicantCount} + 1` })
      .where(eq(activities.id, activity.id));
  }
  await recordAudit(tx, {
    actorUserId: input.userId,
    action: 'activity.applied',
    subjectType: 'activity',
    subjectId: activity.id,
    details: { applicationId: row.id, status },
    requestId: input.requestId,
  });
  return {
    status,
    waitlistPosition: status === 'waitlisted' ? await waitlistPositionOf(tx, row.id) : null,
    warnings: decision.warnings,
  };
}

/** Whether the resident is card-verified, and their 校区 with where it came from (R-ACT-6). */
async function applicantOf(tx: Transaction, userId: string) {
  const [user] = await tx
    .select({
      identityLevel: users.identityLevel,
      code: users.schoolDistrictCode,
      source: users.schoolDistrictSource,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new AppError('unauthenticated');
  return {
    verified: user.identityLevel === 'verified',
    schoolDistrict: user.code && user.source ? { code: user.code, source: user.source } : null,
  };
}
