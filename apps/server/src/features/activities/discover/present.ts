import {
  activityState,
  applicationAvailability,
  distanceKm,
  isShareToken,
  type ActivityCategoryId,
  type ActivityFacts,
  type GeoPoint,
} from '@kumamoto/domain';
import { sql } from 'drizzle-orm';
import { activities, organizerGroups } from '../../../db/schema.ts';
import { sameToken } from '../../../platform/tokens.ts';
import type { ActivitySummaryView } from './schema.ts';

/** The activity columns a list item needs (never the search columns, which are large). */
export const activityListColumns = {
  id: activities.id,
  groupId: activities.groupId,
  title: activities.title,
  category: activities.category,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  placeName: activities.placeName,
  address: activities.address,
  schoolDistrictCode: activities.schoolDistrictCode,
  capacity: activities.capacity,
  applicantCount: activities.applicantCount,
  visibility: activities.visibility,
  cancelledAt: activities.cancelledAt,
  applicationDeadline: activities.applicationDeadline,
  restrictToDistrict: activities.restrictToDistrict,
  thumbnailImageId: activities.thumbnailImageId,
  lat: activities.lat,
  lng: activities.lng,
};

/** The group's registered name (organizer_groups.details, the domain's RegisteredDetails). */
export const groupNameColumn = sql<string>`coalesce(${organizerGroups.details}->>'name', '')`.as(
  'group_name',
);

/** A list item's columns, for a query that joins the activity's group. */
export const summaryColumns = { ...activityListColumns, groupName: groupNameColumn };

export interface SummaryRow {
  id: string;
  groupId: string;
  title: string;
  category: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  placeName: string;
  address: string;
  schoolDistrictCode: string | null;
  capacity: number | null;
  applicantCount: number;
  visibility: 'draft' | 'public' | 'unlisted';
  cancelledAt: Date | null;
  applicationDeadline: Date | null;
  restrictToDistrict: boolean;
  thumbnailImageId: string | null;
  lat: number | null;
  lng: number | null;
  groupName: string;
}

export function summaryFacts(row: SummaryRow): ActivityFacts {
  return {
    visibility: row.visibility,
    cancelledAt: row.cancelledAt,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    applicationDeadline: row.applicationDeadline,
    capacity: row.capacity,
    schoolDistrictCode: row.schoolDistrictCode,
    restrictToDistrict: row.restrictToDistrict,
  };
}

export const thumbnailUrlOf = (imageId: string | null) =>
  imageId ? `/api/activity-images/${imageId}` : null;

export const locationOf = (row: { lat: number | null; lng: number | null }): GeoPoint | null =>
  row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng };

/**
 * A list item. Only published activities are presented to residents, and a published one
 * always has both dates (the table's check), so the epoch fallback never shows.
 */
export function presentSummary(row: SummaryRow, now: Date, near?: GeoPoint | null): ActivitySummaryView {
  const facts = summaryFacts(row);
  const location = locationOf(row);
  return {
    id: row.id,
    title: row.title,
    category: row.category as ActivityCategoryId | null,
    startsAt: row.startsAt ?? new Date(0),
    endsAt: row.endsAt ?? new Date(0),
    placeName: row.placeName,
    address: row.address,
    schoolDistrictCode: row.schoolDistrictCode,
    capacity: row.capacity,
    applicantCount: row.applicantCount,
    availability: applicationAvailability(facts, now, row.applicantCount),
    state: activityState(facts, now),
    thumbnailUrl: thumbnailUrlOf(row.thumbnailImageId),
    groupName: row.groupName,
    ...(near && location ? { distanceKm: Math.round(distanceKm(near, location) * 10) / 10 } : {}),
  };
}

/** Whether the `?share=` value opens this activity (constant-time, shape checked first). */
export function shareMatches(given: string | undefined | null, shareToken: string): boolean {
  return typeof given === 'string' && isShareToken(given) && sameToken(given, shareToken);
}

/** The activity's page; with the token for a link that must open it even when unlisted. */
export function activityPageUrl(publicUrl: string, activityId: string, shareToken: string | null): string {
  const base = `${publicUrl}/volunteer/activities/${activityId}`;
  return shareToken ? `${base}?share=${encodeURIComponent(shareToken)}` : base;
}
