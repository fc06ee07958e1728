import {
  boundingBoxAround,
  keywordTokens,
  searchOffset,
  searchTimeWindow,
  type ActivitySearchQuery,
} from '@kumamoto/domain';
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { activities, organizerGroups } from '../../../db/schema.ts';
import { presentSummary, summaryColumns } from './present.ts';
import type { ActivitySummaryView } from './schema.ts';

/** LIKE treats % and _ as wildcards and \ as the escape: a keyword is matched literally. */
export function likeContaining(term: string): string {
  return `%${term.replace(/[\\%_]/gu, (char) => `\\${char}`)}%`;
}

/** The Earth's mean radius as the domain's `distanceKm` uses it. */
const earthRadiusKm = 6371.0088;

/**
 * Great-circle distance in km from the activity to a point, in SQL: the same haversine formula
 * as the domain's `distanceKm`, so the database and the in-memory search agree.
 */
function distanceSql(point: { lat: number; lng: number }): SQL<number> {
  return sql<number>`(2 * ${earthRadiusKm}::float8 * asin(least(1::float8, sqrt(
    power(sin(radians(${activities.lat} - ${point.lat}::float8) / 2), 2)
    + cos(radians(${point.lat}::float8)) * cos(radians(${activities.lat}))
      * power(sin(radians(${activities.lng} - ${point.lng}::float8) / 2), 2)))))`;
}

/**
 * The search's conditions, the SQL twin of the domain's `matchesActivitySearch`:
 * - listed rows only: public and not cancelled (exactly the predicate of the partial index
 *   `activities_listed_idx`, so the planner can use it); never draft or unlisted;
 * - the time window from `searchTimeWindow` (by default: not ended yet);
 * - categories, district, places left;
 * - distance: a latitude/longitude box first (plain range tests), then the exact distance;
 * - each keyword: its bigram tokens contained in `search_tokens` (GIN index
 *   `activities_search_tokens_idx`) to narrow, and a LIKE on `search_text` to confirm.
 */
export function searchConditions(query: ActivitySearchQuery, now: Date): SQL[] {
  // A published activity always has both dates (the table's check), so none are tested here.
  const conditions: SQL[] = [eq(activities.visibility, 'public'), isNull(activities.cancelledAt)];
  const { endsAfter, startsBefore } = searchTimeWindow(query, now);
  if (endsAfter) conditions.push(gt(activities.endsAt, endsAfter));
  if (startsBefore) conditions.push(lt(activities.startsAt, startsBefore));
  if (query.categories.length > 0) conditions.push(inArray(activities.category, query.categories));
  if (query.districtCode) conditions.push(eq(activities.schoolDistrictCode, query.districtCode));
  if (query.hasPlacesLeft) {
    conditions.push(
      or(isNull(activities.capacity), lt(activities.applicantCount, activities.capacity)) as SQL,
    );
  }
  if (query.near) {
    const box = boundingBoxAround(query.near.point, query.near.radiusKm);
    conditions.push(
      gte(activities.lat, box.minLat),
      lte(activities.lat, box.maxLat),
      gte(activities.lng, box.minLng),
      lte(activities.lng, box.maxLng),
      sql`${distanceSql(query.near.point)} <= ${query.near.radiusKm}::float8`,
    );
  }
  for (const term of query.terms) {
    const tokens = keywordTokens(term).map((token) => sql`${token}`);
    conditions.push(
      sql`${activities.searchTokens} @> array[${sql.join(tokens, sql`, `)}]::text[]`,
      sql`${activities.searchText} like ${likeContaining(term)}`,
    );
  }
  return conditions;
}

export interface SearchResult {
  items: ActivitySummaryView[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Discover (issue 5 part 2, R-ACT-3): sorted by date like the domain's `compareForListing`
 * (start, then end, then id, so pages never overlap), paged, with the total.
 *
 * One pass over the matching rows, carrying only their id and dates: the total is a window
 * count in a subquery, the page is sorted and cut outside it, and only the page's rows are then
 * read in full and joined to their group. Planned this way the database collects the matches
 * with the indexes (GIN on the tokens, the partial index of listed activities) instead of
 * walking the listed index in start order, which would read every past activity before the
 * first that has not ended (`ends_at` has no index). Rows are wide (the search columns), so
 * reading each matching row once, and only the page's twice, is what counts.
 */
export async function searchActivities(
  db: Database,
  query: ActivitySearchQuery,
  now: Date,
): Promise<SearchResult> {
  const where = and(...searchConditions(query, now));
  const matches = db
    .select({
      matchId: sql<string>`${activities.id}`.as('match_id'),
      matchStartsAt: sql<Date>`${activities.startsAt}`.as('match_starts_at'),
      matchEndsAt: sql<Date>`${activities.endsAt}`.as('match_ends_at'),
      total: sql<number>`count(*) over ()`.mapWith(Number).as('total'),
    })
    .from(activities)
    .where(where)
    .as('matches');
  const page = db
    .select()
    .from(matches)
    .orderBy(asc(matches.matchStartsAt), asc(matches.matchEndsAt), asc(matches.matchId))
    .limit(query.pageSize)
    .offset(searchOffset(query))
    .as('page');
  const rows = await db
    .select({ ...summaryColumns, total: page.total })
    .from(page)
    .innerJoin(activities, eq(activities.id, page.matchId))
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .orderBy(asc(page.matchStartsAt), asc(page.matchEndsAt), asc(page.matchId));
  // A page past the end has no row to carry the total: count on its own (rare).
  const total =
    rows[0]?.total ??
    Number(
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(activities)
          .where(where)
      )[0]?.n ?? 0,
    );
  return {
    items: rows.map((row) => presentSummary(row, now, query.near?.point)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
