import {
  canIssuePoints,
  checkInFallbackCode,
  checkInQrAvailability,
  checkInScanUrl,
  checkInWindowEndsAt,
  currentCheckInWindow,
  formatCheckInCode,
  jstDate,
  participantView,
  type Gender,
  type GroupRole,
  type IsoDate,
} from '@kumamoto/domain';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  activities,
  attendances,
  checkInRefusals,
  organizerGroups,
  organizerMembers,
  users,
} from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { checkInToken, type CheckInKeys } from './signing.ts';
import { participantViewColumns } from '../activities/participant-view-columns.ts';

type Db = Pick<Database, 'select'>;

export interface OrganizerActivity {
  id: string;
  visibility: 'draft' | 'public' | 'unlisted';
  startsAt: Date | null;
  cancelledAt: Date | null;
  capacity: number | null;
  applicantCount: number;
  group: { status: 'active' | 'suspended' | 'ended'; rightsEnd: string };
  /** The caller's role in the activity's group; null when not in it. */
  role: GroupRole | null;
}

/** An activity with its group's standing and the caller's role in the group, or null. */
export async function organizerActivity(
  db: Db,
  activityId: string,
  userId: string,
): Promise<OrganizerActivity | null> {
  const [row] = await db
    .select({
      id: activities.id,
      visibility: activities.visibility,
      startsAt: activities.startsAt,
      cancelledAt: activities.cancelledAt,
      capacity: activities.capacity,
      applicantCount: activities.applicantCount,
      groupStatus: organizerGroups.status,
      rightsEnd: organizerGroups.rightsEnd,
      role: organizerMembers.role,
    })
    .from(activities)
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .leftJoin(
      organizerMembers,
      and(eq(organizerMembers.groupId, activities.groupId), eq(organizerMembers.userId, userId)),
    )
    .where(eq(activities.id, activityId));
  if (!row) return null;
  const { groupStatus, rightsEnd, role, ...activity } = row;
  return { ...activity, group: { status: groupStatus, rightsEnd }, role: role ?? null };
}

export interface CheckInScreen {
  open: boolean;
  /** 'group_inactive' | 'activity_cancelled' | 'wrong_day' (domain), or 'not_published' for a draft. */
  closedReason: string | null;
  token: string | null;
  url: string | null;
  /** The typed fallback, as shown: 'K7M-2QX'. */
  code: string | null;
  windowEndsAt: Date | null;
  counts: { checkedIn: number; walkIns: number; applied: number; capacity: number | null };
  refusals: Record<string, number>;
}

/**
 * The organizer's "issue points" screen (issue 6 part 1, R-PT-1, R-PT-2, R-ORG-10): the QR code
 * of the current 30-second window, as a URL so a phone's own camera opens the app, with the
 * typed fallback, live counts and why scans were refused. Open only on the activity's JST day,
 * for a group that may issue points, for an activity going ahead; closed, it shows no code.
 */
export async function checkInScreen(
  db: Db,
  activity: OrganizerActivity,
  input: { now: Date; keys: CheckInKeys; publicUrl: string },
): Promise<CheckInScreen> {
  const { now } = input;
  const availability =
    activity.visibility === 'draft' || !activity.startsAt
      ? ({ open: false, reason: 'not_published' } as const)
      : checkInQrAvailability({
          activityDate: jstDate(activity.startsAt),
          now,
          activityCancelled: activity.cancelledAt !== null,
          groupCanIssuePoints: canIssuePoints(
            { status: activity.group.status, rightsEnd: activity.group.rightsEnd as IsoDate },
            now,
          ).ok,
        });
  const [[counted], refusals] = await Promise.all([
    db
      .select({
        checkedIn: count(),
        walkIns: sql<number>`count(*) filter (where ${attendances.walkIn})::int`,
      })
      .from(attendances)
      .where(eq(attendances.activityId, activity.id)),
    db
      .select({ reason: checkInRefusals.reason, count: checkInRefusals.count })
      .from(checkInRefusals)
      .where(eq(checkInRefusals.activityId, activity.id)),
  ]);
  const counts = {
    checkedIn: counted?.checkedIn ?? 0,
    walkIns: counted?.walkIns ?? 0,
    applied: activity.applicantCount,
    capacity: activity.capacity,
  };
  const refused = Object.fromEntries(refusals.map((row) => [row.reason, row.count]));
  if (!availability.open)
    return {
      open: false,
      closedReason: availability.reason,
      token: null,
      url: null,
      code: null,
      windowEndsAt: null,
      counts,
      refusals: refused,
    };
  const window = currentCheckInWindow(now);
  const token = checkInToken(input.keys.checkIn, activity.id, window);
  return {
    open: true,
    closedReason: null,
    token,
    url: checkInScanUrl(input.publicUrl, token),
    code: formatCheckInCode(checkInFallbackCode(token)),
    windowEndsAt: checkInWindowEndsAt(window),
    counts,
    refusals: refused,
  };
}

export interface AttendanceView {
  name: string;
  age: number | null;
  gender: Gender | null;
  checkedInAt: Date;
  walkIn: boolean;
  method: 'qr' | 'code' | 'city';
}

/**
 * Who checked in and when, walk-ins marked (issue 6 part 6). Name, age and gender only
 * (R-ID-4, domain `participantView`, age on the activity's day); the reading is audited.
 */
export async function listAttendances(
  db: Database,
  input: { activityId: string; startsAt: Date | null; actorUserId: string; requestId: string },
): Promise<AttendanceView[]> {
  if (!input.startsAt) throw new AppError('not_found');
  const onDate = jstDate(input.startsAt);
  const rows = await db
    .select({
      ...participantViewColumns,
      checkedInAt: attendances.checkedInAt,
      walkIn: attendances.walkIn,
      method: attendances.method,
    })
    .from(attendances)
    .innerJoin(users, eq(users.id, attendances.userId))
    .where(eq(attendances.activityId, input.activityId))
    .orderBy(asc(attendances.checkedInAt), asc(attendances.id));
  await recordAudit(db, {
    actorUserId: input.actorUserId,
    action: 'activity.attendances_viewed',
    subjectType: 'activity',
    subjectId: input.activityId,
    details: { count: rows.length },
    requestId: input.requestId,
  });
  return rows.map((row) => ({
    ...participantView(row, onDate),
    checkedInAt: row.checkedInAt,
    walkIn: row.walkIn,
    method: row.method,
  }));
}
