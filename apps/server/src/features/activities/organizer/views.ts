import {
  activityState,
  allowedOrganizerActions,
  applicationAvailability,
  type OrganizerAction,
} from '@kumamoto/domain';
import { desc, eq, sql } from 'drizzle-orm';
import type { Config } from '../../../config.ts';
import { activities } from '../../../db/schema.ts';
import type { Db } from '../../organizer/lifecycle-io.ts';
import { factsOf } from '../apply/store.ts';
import { formOf, shareUrlOf, thumbnailUrlOf } from './columns.ts';
import { groupRefusal } from './refusals.ts';
import { countsOf, groupName, type ActivityRow } from './store.ts';

function summaryOf(row: ActivityRow, name: string, now: Date) {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    placeName: row.placeName,
    address: row.address,
    schoolDistrictCode: row.schoolDistrictCode,
    capacity: row.capacity,
    applicantCount: row.applicantCount,
    availability: applicationAvailability(factsOf(row), now, row.applicantCount),
    state: activityState(row, now),
    thumbnailUrl: thumbnailUrlOf(row.thumbnailImageId),
    groupName: name,
  };
}

/** The group's activities for its organizers: drafts, published, cancelled and ended; newest first. */
export async function groupActivities(db: Db, groupId: string, now: Date) {
  const rows = await db
    .select()
    .from(activities)
    .where(eq(activities.groupId, groupId))
    .orderBy(sql`${activities.startsAt} desc nulls first`, desc(activities.createdAt));
  const [name, counts] = await Promise.all([
    groupName(db, groupId),
    countsOf(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => {
    const { waitlistCount, checkedInCount } = counts.get(row.id)!;
    return { ...summaryOf(row, name, now), waitlistCount, checkedInCount };
  });
}

/**
 * One activity as the edit screen needs it: the form, its state, the share link (organizers
 * only) and the actions open now. Publishing also needs the group in good standing (R-ORG-8,
 * R-ORG-10), so the screen does not offer a button that would be refused.
 */
export async function activityForEditing(
  db: Db,
  config: Pick<Config, 'publicUrl'>,
  row: ActivityRow,
  now: Date,
) {
  const [name, counts, refusal] = await Promise.all([
    groupName(db, row.groupId),
    countsOf(db, [row.id]),
    groupRefusal(db, row.groupId, now),
  ]);
  const { waitlistCount, checkedInCount } = counts.get(row.id)!;
  const allowed: Record<OrganizerAction, boolean> = allowedOrganizerActions(row, now);
  return {
    activity: {
      ...formOf(row),
      id: row.id,
      groupId: row.groupId,
      groupName: name,
      thumbnailUrl: thumbnailUrlOf(row.thumbnailImageId),
      state: activityState(row, now),
      shareUrl: shareUrlOf(config, row),
      applicantCount: row.applicantCount,
      waitlistCount,
      checkedInCount,
      publishedAt: row.publishedAt,
      cancelledAt: row.cancelledAt,
      cancelReason: row.cancelReason,
    },
    allowedActions: { ...allowed, publish: allowed.publish && refusal === null },
    groupRefusal: refusal,
  };
}
