import { startOfJstDay } from '../jst.ts';
import type { ActivityFacts } from './activity.ts';
import type { ActivityCategoryId } from './categories.ts';
import { distanceKm, type GeoPoint } from './geo.ts';
import { isSearchable } from './lifecycle.ts';
import type { ActivitySearchQuery } from './search-query.ts';
import { matchesAllTerms } from './search-text.ts';

/** What the search reads of one activity. */
export interface SearchCandidate extends ActivityFacts {
  id: string;
  category: ActivityCategoryId | null;
  location: GeoPoint | null;
  applicantCount: number;
  /** `activitySearchText(…)` of the activity, kept beside it. */
  searchText: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * The time bounds of a search: an activity matches when it ends after `endsAfter` and starts
 * before `startsBefore` (null: no bound), i.e. when it overlaps the chosen JST days and, by
 * default, has not ended yet.
 */
export function searchTimeWindow(
  query: Pick<ActivitySearchQuery, 'from' | 'to' | 'includeEnded'>,
  now: Date,
): { endsAfter: Date | null; startsBefore: Date | null } {
  const bounds = [query.from ? startOfJstDay(query.from) : null, query.includeEnded ? null : now].filter(
    (bound): bound is Date => bound !== null,
  );
  const endsAfter = bounds.length === 0 ? null : new Date(Math.max(...bounds.map((b) => b.getTime())));
  const startsBefore = query.to ? new Date(startOfJstDay(query.to).getTime() + dayMs) : null;
  return { endsAfter, startsBefore };
}

/**
 * The meaning of a search, in memory. The server runs the same search in SQL for speed; its
 * tests can compare their results with this function on the same data. Draft, unlisted and
 * cancelled activities never match (R-ACT-3, R-ACT-4).
 */
export function matchesActivitySearch(
  activity: SearchCandidate,
  query: ActivitySearchQuery,
  now: Date,
): boolean {
  const { startsAt, endsAt } = activity;
  if (!isSearchable(activity) || !startsAt || !endsAt) return false;
  const { endsAfter, startsBefore } = searchTimeWindow(query, now);
  if (endsAfter && endsAt <= endsAfter) return false;
  if (startsBefore && startsAt >= startsBefore) return false;
  if (query.categories.length > 0 && !(activity.category && query.categories.includes(activity.category)))
    return false;
  if (query.districtCode && activity.schoolDistrictCode !== query.districtCode) return false;
  if (query.hasPlacesLeft && activity.capacity !== null && activity.applicantCount >= activity.capacity)
    return false;
  if (query.near) {
    // Activities without a map point cannot be placed, so a distance search leaves them out.
    if (!activity.location || distanceKm(activity.location, query.near.point) > query.near.radiusKm)
      return false;
  }
  return matchesAllTerms(activity.searchText, query.terms);
}

/** Sorted by date (issue 5): soonest first, then the shorter one, then by id so pages are stable. */
export function compareForListing(
  a: Pick<SearchCandidate, 'id' | 'startsAt' | 'endsAt'>,
  b: Pick<SearchCandidate, 'id' | 'startsAt' | 'endsAt'>,
): number {
  const time = (date: Date | null) => date?.getTime() ?? Number.POSITIVE_INFINITY;
  return (
    time(a.startsAt) - time(b.startsAt) ||
    time(a.endsAt) - time(b.endsAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
