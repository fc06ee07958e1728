import {
  jstDate,
  keywordTokens,
  looksLikeIndividualNumber,
  matchesAllTerms,
  normalizeSearchText,
  participantView,
  searchTerms,
  startOfJstDay,
  type IsoDate,
} from '@kumamoto/domain';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { activities, activityApplications, attendances, organizerGroups, users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { participantViewColumns } from '../activities/participant-view-columns.ts';
import { likeContaining } from '../activities/discover/search-activities.ts';
import { groupNameColumn } from '../activities/discover/present.ts';
import { normalizeName, personKey } from '../identity/jpki/keys.ts';
import type { LateIssueActivity, LateIssueResident } from './late-issue-search-routes.ts';

/**
 * Finding the activity and the resident for a late issue (R-PT-2, FAQ Q3): a resident calls the
 * city because an app fault stopped the check-in on the day. City staff never know ids, so they
 * search the activity by words of its title and its date, then pick the resident from those
 * who held a place and have no attendance, or, for an activity without capacity (walk-ins,
 * R-PT-4), find them by the name and date of birth on their My Number Card. Only name, age and
 * gender are shown (R-ID-4), and every list of residents is audited (R-PRIV-1). The issue
 * itself stays `POST /api/city/check-in/late` (late-issue.ts, domain `lateIssueDecision`).
 */

export const lateIssueSearchLimits = {
  pageSize: 20,
  maxPage: 100,
  /** Characters of the keyword; the domain keeps at most five words of 30 of them. */
  maxKeywordLength: 100,
  maxNameLength: 100,
} as const;

const dayMs = 24 * 60 * 60 * 1000;

// ——— Input checks ———

export interface LateIssueActivitySearch {
  terms: string[];
  from: IsoDate | null;
  to: IsoDate | null;
  page: number;
}

/** R-ID-3: a 12-digit number anywhere in what staff typed is refused, never searched or logged. */
export function refuseIndividualNumber(values: readonly (string | undefined)[]): void {
  if (values.some((value) => value !== undefined && looksLikeIndividualNumber(value)))
    throw new AppError('individual_number_refused');
}

const isoDate = z.iso.date();

function dateOrNull(value: string | undefined): IsoDate | null | undefined {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') return null;
  return isoDate.safeParse(trimmed).success ? (trimmed as IsoDate) : undefined;
}

/** The checked search, or a refusal naming what to fix. Keywords folded by the domain. */
export function parseActivitySearch(query: {
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: string | undefined;
}): LateIssueActivitySearch {
  refuseIndividualNumber([query.q, query.from, query.to, query.page]);
  const q = query.q ?? '';
  if (Array.from(q.trim()).length > lateIssueSearchLimits.maxKeywordLength)
    throw new AppError('late_issue_search_keyword_too_long');
  const from = dateOrNull(query.from);
  const to = dateOrNull(query.to);
  if (from === undefined || to === undefined || (from && to && to < from))
    throw new AppError('late_issue_search_dates_invalid');
  const pageText = query.page?.trim() || '1';
  const page = /^[0-9]{1,4}$/.test(pageText) ? Number(pageText) : Number.NaN;
  if (!Number.isInteger(page) || page < 1 || page > lateIssueSearchLimits.maxPage)
    throw new AppError('late_issue_search_page_out_of_range');
  return { terms: searchTerms(q), from, to, page };
}

/** Spaces as a desk types them: trimmed, and any run of spaces (full-width too) one space. */
export function normalizeCardName(name: string): string {
  return name.replace(/\s+/gu, ' ').trim();
}

// ——— Queries ———

/** JST days: the first day the search may start on, and the first it may not. */
function startBounds(search: Pick<LateIssueActivitySearch, 'from' | 'to'>, now: Date) {
  const tomorrow = new Date(startOfJstDay(jstDate(now)).getTime() + dayMs);
  const afterTo = search.to ? new Date(startOfJstDay(search.to).getTime() + dayMs) : tomorrow;
  return {
    startsFrom: search.from ? startOfJstDay(search.from) : null,
    startsBefore: afterTo < tomorrow ? afterTo : tomorrow,
  };
}

/**
 * Activities a late issue can be for: published (public or unlisted, never a draft), not
 * cancelled, started on or before today in Japan.
 */
function eligibleConditions(now: Date): SQL[] {
  return [
    ne(activities.visibility, 'draft'),
    isNull(activities.cancelledAt),
    lt(activities.startsAt, startBounds({ from: null, to: null }, now).startsBefore),
  ];
}

export interface ActivitySearchPage {
  items: LateIssueActivity[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * Newest first, paged. Keywords narrow in SQL the way resident search does (the bigram tokens
 * on the GIN index, then LIKE on the folded search text), and are then confirmed on the folded
 * title alone, since staff search the title a resident tells them: only the id and title of
 * those candidates are read for that, and the page's rows in full afterwards.
 */
export async function searchLateIssueActivities(
  db: Database,
  search: LateIssueActivitySearch,
  now: Date,
): Promise<ActivitySearchPage> {
  const { startsFrom, startsBefore } = startBounds(search, now);
  const conditions = [...eligibleConditions(now), lt(activities.startsAt, startsBefore)];
  if (startsFrom) conditions.push(gte(activities.startsAt, startsFrom));
  for (const term of search.terms) {
    const tokens = keywordTokens(term).map((token) => sql`${token}`);
    conditions.push(
      sql`${activities.searchTokens} @> array[${sql.join(tokens, sql`, `)}]::text[]`,
      sql`${activities.searchText} like ${likeContaining(term)}`,
    );
  }
  const where = and(...conditions);
  const order = [desc(activities.startsAt), desc(activities.id)];
  const { pageSize } = lateIssueSearchLimits;
  const offset = (search.page - 1) * pageSize;
  let total: number;
  let pageIds: string[];
  if (search.terms.length === 0) {
    const [counted] = await db.select({ n: count() }).from(activities).where(where);
    total = counted?.n ?? 0;
    pageIds = (
      await db
        .select({ id: activities.id })
        .from(activities)
        .where(where)
        .orderBy(...order)
        .limit(pageSize)
        .offset(offset)
    ).map((row) => row.id);
  } else {
    const candidates = await db
      .select({ id: activities.id, title: activities.title })
      .from(activities)
      .where(where)
      .orderBy(...order);
    const matching = candidates.filter((row) =>
      matchesAllTerms(normalizeSearchText(row.title), search.terms),
    );
    total = matching.length;
    pageIds = matching.slice(offset, offset + pageSize).map((row) => row.id);
  }
  if (search.page > 1 && offset >= total) throw new AppError('late_issue_search_page_out_of_range');
  const items = await activityItems(db, pageIds);
  return { items, total, page: search.page, pageSize };
}

/** The listed facts of these activities, in the order of `ids`. */
async function activityItems(
  db: Pick<Database, 'select'>,
  ids: readonly string[],
): Promise<LateIssueActivity[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: activities.id,
      title: activities.title,
      groupName: groupNameColumn,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      capacity: activities.capacity,
      applicantCount: activities.applicantCount,
    })
    .from(activities)
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .where(inArray(activities.id, [...ids]));
  const checkedIn = await db
    .select({ activityId: attendances.activityId, n: count() })
    .from(attendances)
    .where(inArray(attendances.activityId, [...ids]))
    .groupBy(attendances.activityId);
  const checkedInOf = new Map(checkedIn.map((row) => [row.activityId, row.n]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    // Published activities always have both dates (the table's check).
    if (!row?.startsAt || !row.endsAt) return [];
    return [{ ...row, startsAt: row.startsAt, endsAt: row.endsAt, checkedInCount: checkedInOf.get(id) ?? 0 }];
  });
}

/** The activity a late issue is for, or a refusal: 404 when unknown, 409 when not eligible. */
export async function eligibleActivity(
  db: Database,
  activityId: string,
  now: Date,
): Promise<LateIssueActivity> {
  const [found] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.id, activityId));
  if (!found) throw new AppError('not_found');
  const [eligible] = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.id, activityId), ...eligibleConditions(now)));
  if (!eligible) throw new AppError('late_issue_activity_not_eligible');
  const [item] = await activityItems(db, [activityId]);
  if (!item) throw new AppError('late_issue_activity_not_eligible');
  return item;
}

const residentColumns = { userId: users.id, ...participantViewColumns };

/** Name, age on the activity's day and gender: the domain's `participantView` (R-ID-4). */
function residentView(
  row: { userId: string } & Parameters<typeof participantView>[0],
  onDate: IsoDate,
): LateIssueResident {
  return { userId: row.userId, ...participantView(row, onDate) };
}

/**
 * Residents who held a place (applied, not waitlisted or cancelled) and have no attendance:
 * the ones a late issue can be for. Verified residents only, as only they receive points
 * (R-PT-3). In order of application. Audited with the activity as subject (R-PRIV-1).
 */
export async function lateIssueCandidates(
  db: Database,
  input: { activity: LateIssueActivity; actorUserId: string; requestId: string },
): Promise<LateIssueResident[]> {
  const rows = await db
    .select(residentColumns)
    .from(activityApplications)
    .innerJoin(users, eq(users.id, activityApplications.userId))
    .leftJoin(
      attendances,
      and(eq(attendances.activityId, activityApplications.activityId), eq(attendances.userId, users.id)),
    )
    .where(
      and(
        eq(activityApplications.activityId, input.activity.id),
        eq(activityApplications.status, 'applied'),
        eq(users.identityLevel, 'verified'),
        isNull(users.deletedAt),
        isNull(attendances.id),
      ),
    )
    .orderBy(asc(activityApplications.seq));
  await recordAudit(db, {
    actorUserId: input.actorUserId,
    action: 'check_in.late_candidates_viewed',
    subjectType: 'activity',
    subjectId: input.activity.id,
    details: { count: rows.length, userIds: rows.map((row) => row.userId) },
    requestId: input.requestId,
  });
  const onDate = jstDate(input.activity.startsAt);
  return rows.map((row) => residentView(row, onDate));
}

export interface LookupResult extends LateIssueResident {
  /** Already holds this activity's points and certificate: nothing left to issue. */
  alreadyCheckedIn: boolean;
  /** Held a place (capacity-limited activities issue only to those, R-PT-4). */
  applied: boolean;
}

/**
 * A resident found the way a city desk asks on the phone: the name on the My Number Card,
 * exactly, and the date of birth. Spaces are normalized away and full-/half-width forms made
 * alike (`normalizeName`, as the identity keys compare names): 阿蘇健太 finds 阿蘇 健太, 阿蘇
 * does not. Verified residents only. The audit keeps the name searched and a keyed hash of name and birth date (the `personKey` of
 * identity bindings), never the birth date itself.
 */
export async function lookUpResident(
  db: Database,
  input: {
    activity: LateIssueActivity;
    name: string;
    birthDate: string;
    identityKeySecret: string;
    actorUserId: string;
    requestId: string;
  },
): Promise<LookupResult[]> {
  const name = normalizeCardName(input.name);
  if (name === '') throw new AppError('late_issue_lookup_name_required');
  if (Array.from(name).length > lateIssueSearchLimits.maxNameLength)
    throw new AppError('late_issue_lookup_name_required');
  const birthDate = dateOrNull(input.birthDate);
  if (!birthDate || birthDate > jstDate(input.activity.startsAt))
    throw new AppError('late_issue_lookup_birth_date_invalid');
  const sameBirthDate = await db
    .select({
      ...residentColumns,
      attendanceId: attendances.id,
      applicationStatus: activityApplications.status,
    })
    .from(users)
    .leftJoin(
      attendances,
      and(eq(attendances.activityId, input.activity.id), eq(attendances.userId, users.id)),
    )
    .leftJoin(
      activityApplications,
      and(
        eq(activityApplications.activityId, input.activity.id),
        eq(activityApplications.userId, users.id),
        ne(activityApplications.status, 'cancelled'),
      ),
    )
    .where(
      and(eq(users.identityLevel, 'verified'), isNull(users.deletedAt), eq(users.cardBirthDate, birthDate)),
    )
    .orderBy(asc(users.createdAt), asc(users.id));
  const wanted = normalizeName(name);
  const found = sameBirthDate.filter(
    (row) => row.cardName !== null && normalizeName(row.cardName) === wanted,
  );
  await recordAudit(db, {
    actorUserId: input.actorUserId,
    action: 'check_in.late_resident_lookup',
    subjectType: 'activity',
    subjectId: input.activity.id,
    details: {
      searchedBy: 'card_name_and_birth_date',
      name,
      personKey: personKey(input.identityKeySecret, name, birthDate),
      count: found.length,
      userIds: found.map((row) => row.userId),
    },
    requestId: input.requestId,
  });
  const onDate = jstDate(input.activity.startsAt);
  return found.map((row) => ({
    ...residentView(row, onDate),
    alreadyCheckedIn: row.attendanceId !== null,
    applied: row.applicationStatus === 'applied',
  }));
}

// ——— Routes ———
