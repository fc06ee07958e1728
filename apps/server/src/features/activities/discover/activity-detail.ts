import { applicationsCloseAt, canViewActivity, placesLeft } from '@kumamoto/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities, activityNotices, attendances, organizerGroups } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  applicationsOf,
  isGroupMember,
  waitlistCountOf,
  waitlistPositionOf,
  type ActivityRow,
} from '../apply/store.ts';
import { activityPageUrl, locationOf, presentSummary, shareMatches } from './present.ts';
import type { ActivityDetailView } from './schema.ts';

export interface ActivityAccess {
  activity: ActivityRow & { groupName: string };
  isOrganizer: boolean;
  /** The person's live application, if any, and whether they ever applied (history, R-ACT-5). */
  application: { live: { id: string; status: 'applied' | 'waitlisted' } | null; any: boolean };
  viaShareLink: boolean;
}

/**
 * The activity as this caller may see it, or `not_found`: a draft, or an unlisted activity
 * opened without its link, answers exactly like an id that does not exist, so its existence
 * is not revealed (domain `canViewActivity`). A published activity without dates cannot exist
 * (the table's check), and a draft without them has nothing to show a resident yet.
 */
export async function viewableActivity(
  db: Database,
  input: { activityId: string; userId: string | null; share: string | undefined },
): Promise<ActivityAccess> {
  const [row] = await db
    .select({ activity: activities, groupName: organizerGroups.details })
    .from(activities)
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .where(eq(activities.id, input.activityId));
  if (!row) throw new AppError('not_found');
  const name = row.groupName.name;
  const activity = { ...row.activity, groupName: typeof name === 'string' ? name : '' };
  const [isOrganizer, application] = input.userId
    ? await Promise.all([
        isGroupMember(db, activity.groupId, input.userId),
        applicationsOf(db, activity.id, input.userId),
      ])
    : [false, { live: null, any: false }];
  const viaShareLink = shareMatches(input.share, activity.shareToken);
  const visible = canViewActivity(activity, {
    isOrganizer,
    hasApplication: application.any,
    viaShareLink,
  });
  if (!visible || !activity.startsAt || !activity.endsAt) throw new AppError('not_found');
  return { activity, isOrganizer, application, viaShareLink };
}

/** The detail page (issue 5 part 2), with the caller's own application and check-in. */
export async function activityDetail(
  db: Database,
  input: {
    activityId: string;
    userId: string | null;
    share: string | undefined;
    now: Date;
    publicUrl: string;
  },
): Promise<ActivityDetailView> {
  const access = await viewableActivity(db, input);
  const { activity, isOrganizer, application } = access;
  const [waitlistCount, waitlistPosition, checkedIn, notices] = await Promise.all([
    waitlistCountOf(db, activity.id),
    application.live?.status === 'waitlisted' ? waitlistPositionOf(db, application.live.id) : null,
    input.userId ? hasCheckedIn(db, activity.id, input.userId) : false,
    isOrganizer || application.any ? noticesOf(db, activity.id) : undefined,
  ]);
  return {
    ...presentSummary(activity, input.now),
    message: activity.message,
    content: activity.content,
    belongings: activity.belongings,
    clothing: activity.clothing,
    meetingPoint: activity.meetingPoint,
    parking: activity.parking,
    targetParticipants: activity.targetParticipants,
    contact: activity.contact,
    location: locationOf(activity),
    applicationDeadline: activity.applicationDeadline,
    applicationsCloseAt: applicationsCloseAt(activity),
    insurance: activity.insurance,
    restrictToDistrict: activity.restrictToDistrict,
    placesLeft: placesLeft(activity.capacity, activity.applicantCount),
    waitlistCount,
    myApplication: application.live
      ? {
          status: application.live.status,
          waitlistPosition: application.live.status === 'waitlisted' ? waitlistPosition : null,
        }
      : null,
    checkedIn,
    shareUrl: isOrganizer ? activityPageUrl(input.publicUrl, activity.id, activity.shareToken) : null,
    ...(notices ? { notices } : {}),
  };
}

export async function hasCheckedIn(db: Database, activityId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: attendances.id })
    .from(attendances)
    .where(and(eq(attendances.activityId, activityId), eq(attendances.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

async function noticesOf(db: Database, activityId: string) {
  return db
    .select({
      id: activityNotices.id,
      kind: activityNotices.kind,
      body: activityNotices.body,
      params: activityNotices.params,
      sentAt: activityNotices.sentAt,
    })
    .from(activityNotices)
    .where(eq(activityNotices.activityId, activityId))
    .orderBy(desc(activityNotices.sentAt));
}
