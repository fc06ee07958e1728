import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityApplications, attendances, auditEvents, users } from '../../db/schema.ts';
import { createActivity, createGroup, type ActivityOverrides } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { applyTo } from './test-support.ts';

/**
 * Finding the activity and the resident for a late issue without ids (R-PT-2, FAQ Q3): city
 * administrators only; activities that have taken place (not drafts, not cancelled) by title
 * keyword and date; the residents who held a place and did not check in, name/age/gender only
 * (R-ID-4); for walk-ins (R-PT-4) the exact card name and birth date; every list audited.
 */
const now = '2026-06-04T14:00:00+09:00';
const day = (date: string, hour = 9): Pick<ActivityOverrides, 'startsAt' | 'endsAt'> => ({
  startsAt: new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+09:00`),
  endsAt: new Date(`${date}T${String(hour + 2).padStart(2, '0')}:00:00+09:00`),
});

let test: TestApp;
let staffId: string;
let reviewerId: string;
let residentId: string;
let organizerId: string;
let groupId: string;
let groupName: string;
const ids: Record<string, string> = {};

async function as(userId: string | undefined, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return test.app.inject({
    method,
    url,
    headers: (await callerFor(test, userId)).headers,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

const searchUrl = (params: Record<string, string>) =>
  `/api/city/check-in/late/activities?${new URLSearchParams(params).toString()}`;
const candidatesUrl = (activityId: string) => `/api/city/check-in/late/activities/${activityId}/candidates`;
const lookupUrl = (activityId: string) => `/api/city/check-in/late/activities/${activityId}/resident-lookup`;

interface SearchAnswer {
  items: {
    id: string;
    title: string;
    groupName: string;
    startsAt: string;
    capacity: number | null;
    applicantCount: number;
    checkedInCount: number;
  }[];
  total: number;
  page: number;
  pageSize: number;
}

async function verifiedUser(name: string, birthDate = '1990-04-01'): Promise<string> {
  const { id } = await createUser(test.database.db, { identity: 'verified', displayName: name });
  await test.database.db
    .update(users)
    .set({ cardBirthDate: birthDate, verifiedAt: new Date('2026-05-01T10:00:00+09:00') })
    .where(eq(users.id, id));
  return id;
}

async function auditCount(): Promise<number> {
  const [row] = await test.database.db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

beforeAll(async () => {
  test = await createTestApp({ now });
  const db = test.database.db;
  staffId = (await createUser(db, { identity: 'unverified', roles: ['city_admin'] })).id;
  reviewerId = (await createUser(db, { identity: 'unverified', roles: ['city_reviewer'] })).id;
  residentId = (await createUser(db, { identity: 'verified' })).id;
  organizerId = (await createUser(db, { identity: 'verified' })).id;
  ({ groupId, name: groupName } = await createGroup(db, { adminUserId: organizerId }));
  const make = async (key: string, title: string, overrides: ActivityOverrides) => {
    ids[key] = (await createActivity(db, groupId, { title, ...overrides })).activityId;
  };
  // Every activity's content mentions ごみ拾い (the factory's default): only titles count here.
  await make('katakana', '白川河川敷のゴミ拾い', { ...day('2026-06-01'), capacity: 20 });
  await make('hiragana', '江津湖のごみ拾い', { ...day('2026-06-03'), capacity: 10 });
  await make('laterToday', '水前寺のゴミ拾い 夕方', { ...day('2026-06-04', 18), capacity: 10 });
  await make('unlisted', '限定公開のごみ拾い', { ...day('2026-05-20'), visibility: 'unlisted' });
  await make('future', '来週のごみ拾い', { ...day('2026-06-10') });
  await make('tomorrow', '明日のごみ拾い', { ...day('2026-06-05', 0) });
  await make('draft', '下書きのごみ拾い', { ...day('2026-06-01'), visibility: 'draft' });
  await make('cancelled', '中止したごみ拾い', {
    ...day('2026-06-02'),
    cancelledAt: new Date('2026-05-30T10:00:00+09:00'),
  });
  await make('flowers', '公園の花植え', { ...day('2026-06-02') });
  await make('walkIn', '自由参加の清掃', { ...day('2026-06-02'), capacity: null });
});
afterAll(() => test?.close());

describe('who may find activities and residents (points.grant_exception, as the late issue)', () => {
  it.each([
    ['the activity search', 'GET', () => searchUrl({ q: 'ごみ' }), undefined],
    ['the candidate list', 'GET', () => candidatesUrl(ids.katakana ?? ''), undefined],
    [
      'the name and birth date lookup',
      'POST',
      () => lookupUrl(ids.walkIn ?? ''),
      { name: 'テスト 住民', birthDate: '1990-04-01' },
    ],
  ] as const)(
    '%s: a resident, an organizer and a city reviewer are refused; a city administrator is allowed',
    async (_, method, url, body) => {
      expect((await as(undefined, method, url(), body)).statusCode).toBe(401);
      for (const refused of [residentId, organizerId, reviewerId]) {
        const response = await as(refused, method, url(), body);
        expect(response.statusCode, response.body).toBe(403);
      }
      const allowed = await as(staffId, method, url(), body);
      expect(allowed.statusCode, allowed.body).toBe(200);
    },
  );
});

describe('finding the activity', () => {
  it('folds カタカナ and ひらがな, matches titles only, newest first, and leaves out future, draft and cancelled ones', async () => {
    const response = await as(staffId, 'GET', searchUrl({ q: 'ゴミ拾い' }));
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<SearchAnswer>();
    expect(answer.items.map((item) => item.id)).toEqual([
      ids.laterToday,
      ids.hiragana,
      ids.katakana,
      ids.unlisted,
    ]);
    expect(answer).toMatchObject({ total: 4, page: 1, pageSize: 20 });
    const again = await as(staffId, 'GET', searchUrl({ q: 'ｺﾞﾐ拾い' }));
    expect(again.json<SearchAnswer>().items.map((item) => item.id)).toEqual(
      answer.items.map((item) => item.id),
    );
  });

  it('shows title, group, date and time, capacity, applicants and checked-in count', async () => {
    const applicant = await verifiedUser('数える 一郎');
    const attendee = await verifiedUser('数える 二郎');
    await applyTo(test.database.db, ids.hiragana ?? '', applicant);
    await applyTo(test.database.db, ids.hiragana ?? '', attendee);
    await test.database.db.insert(attendances).values({
      activityId: ids.hiragana ?? '',
      userId: attendee,
      walkIn: false,
      method: 'qr',
      checkedInAt: new Date('2026-06-03T09:10:00+09:00'),
    });
    const answer = (await as(staffId, 'GET', searchUrl({ q: '江津湖' }))).json<SearchAnswer>();
    expect(answer.items).toEqual([
      {
        id: ids.hiragana,
        title: '江津湖のごみ拾い',
        groupName,
        startsAt: '2026-06-03T00:00:00.000Z',
        endsAt: '2026-06-03T02:00:00.000Z',
        capacity: 10,
        applicantCount: 2,
        checkedInCount: 1,
      },
    ]);
  });

  it('by a date range (JST days, both inclusive), with or without a keyword', async () => {
    const both = (
      await as(staffId, 'GET', searchUrl({ q: 'ごみ', from: '2026-06-02', to: '2026-06-03' }))
    ).json<SearchAnswer>();
    expect(both.items.map((item) => item.id)).toEqual([ids.hiragana]);
    const datesOnly = (
      await as(staffId, 'GET', searchUrl({ from: '2026-06-02', to: '2026-06-02' }))
    ).json<SearchAnswer>();
    expect(new Set(datesOnly.items.map((item) => item.id))).toEqual(new Set([ids.flowers, ids.walkIn]));
    // A range reaching into the future still stops at today.
    const ahead = (
      await as(staffId, 'GET', searchUrl({ from: '2026-06-04', to: '2026-06-30' }))
    ).json<SearchAnswer>();
    expect(ahead.items.map((item) => item.id)).toEqual([ids.laterToday]);
  });

  it('pages by 20', async () => {
    for (let n = 1; n <= 21; n++) {
      await createActivity(test.database.db, groupId, {
        title: `ページ送り確認 ${n}`,
        ...day(`2026-04-${String(n).padStart(2, '0')}`),
      });
    }
    const first = (await as(staffId, 'GET', searchUrl({ q: 'ページ送り' }))).json<SearchAnswer>();
    expect(first.items).toHaveLength(20);
    expect(first.total).toBe(21);
    expect(first.items[0]?.title).toBe('ページ送り確認 21');
    const second = (await as(staffId, 'GET', searchUrl({ q: 'ぺーじ送り', page: '2' }))).json<SearchAnswer>();
    expect(second.items.map((item) => item.title)).toEqual(['ページ送り確認 1']);
    const beyond = await as(staffId, 'GET', searchUrl({ q: 'ページ送り', page: '3' }));
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json<{ code: string }>().code).toBe('late_issue_search_page_out_of_range');
  });

  it.each([
    ['a date that does not exist', { from: '2026-02-30' }, 'late_issue_search_dates_invalid'],
    ['not a date', { to: 'yesterday' }, 'late_issue_search_dates_invalid'],
    ['an end before the start', { from: '2026-06-03', to: '2026-06-01' }, 'late_issue_search_dates_invalid'],
    ['page 0', { page: '0' }, 'late_issue_search_page_out_of_range'],
    ['page 101', { page: '101' }, 'late_issue_search_page_out_of_range'],
    ['a page that is not a number', { page: 'two' }, 'late_issue_search_page_out_of_range'],
    ['an over-long keyword', { q: 'ご'.repeat(101) }, 'late_issue_search_keyword_too_long'],
    ['R-ID-3: a 12-digit number', { q: 'ごみ 1234 5678 9012' }, 'individual_number_refused'],
    ['R-ID-3: a 12-digit number as a date', { from: '123456789012' }, 'individual_number_refused'],
  ])('refuses %s with a localized message, writing nothing', async (_, params, code) => {
    const before = await auditCount();
    const response = await test.app.inject({
      method: 'GET',
      url: searchUrl(params),
      headers: { ...(await callerFor(test, staffId)).headers, 'accept-language': 'ja' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ code: string; title: string }>();
    expect(problem.code).toBe(code);
    expect(problem.title).toMatch(/[ぁ-んァ-ン]/u);
    expect(await auditCount()).toBe(before);
  });
});

describe('picking the resident from those who held a place', () => {
  it('lists applied residents without an attendance: not those checked in, waitlisted, cancelled or unverified; name, age and gender only; audited', async () => {
    const db = test.database.db;
    const activityId = ids.katakana ?? '';
    const waiting = await verifiedUser('待機 花子');
    const holding = await verifiedUser('参加 花子', '1990-06-02');
    const checkedIn = await verifiedUser('受付済 花子');
    const withdrew = await verifiedUser('取消 花子');
    const unverified = (await createUser(db, { identity: 'unverified', displayName: '未確認 花子' })).id;
    await applyTo(db, activityId, holding);
    await applyTo(db, activityId, checkedIn);
    await applyTo(db, activityId, unverified);
    await applyTo(db, activityId, waiting, 'waitlisted');
    await db.insert(activityApplications).values({
      activityId,
      userId: withdrew,
      status: 'cancelled',
      createdAt: new Date('2026-05-20T10:00:00+09:00'),
      cancelledAt: new Date('2026-05-21T10:00:00+09:00'),
    });
    await db.insert(attendances).values({
      activityId,
      userId: checkedIn,
      walkIn: false,
      method: 'qr',
      checkedInAt: new Date('2026-06-01T09:05:00+09:00'),
    });
    const before = await auditCount();

    const response = await as(staffId, 'GET', candidatesUrl(activityId));
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json<{ activity: { id: string; title: string }; candidates: unknown[] }>();
    expect(answer.activity).toMatchObject({
      id: activityId,
      title: '白川河川敷のゴミ拾い',
      checkedInCount: 1,
    });
    // Age on the activity's day (1 June 2026): 35, the birthday is the day after.
    expect(answer.candidates).toEqual([{ userId: holding, name: '参加 花子', age: 35, gender: 'female' }]);
    expect(response.body).not.toContain('熊本県');

    expect(await auditCount()).toBe(before + 1);
    const audit = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'check_in.late_candidates_viewed'), eq(auditEvents.subjectId, activityId)),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit[0]).toMatchObject({
      actorUserId: staffId,
      subjectType: 'activity',
      details: { count: 1, userIds: [holding] },
    });
  });

  it('refuses an activity that has not taken place, a draft and a cancelled one; an unknown one is not found', async () => {
    for (const key of ['future', 'tomorrow', 'draft', 'cancelled']) {
      const response = await as(staffId, 'GET', candidatesUrl(ids[key] ?? ''));
      expect(response.statusCode, key).toBe(409);
      expect(response.json<{ code: string }>().code).toBe('late_issue_activity_not_eligible');
    }
    const unknown = await as(staffId, 'GET', candidatesUrl('3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20'));
    expect(unknown.statusCode).toBe(404);
  });
});

describe('finding a walk-in by the name and birth date on the card (R-PT-4)', () => {
  interface LookupAnswer {
    residents: {
      userId: string;
      name: string;
      age: number | null;
      gender: string | null;
      alreadyCheckedIn: boolean;
      applied: boolean;
    }[];
  }

  it('finds only the exact verified person (spaces normalized), audits without the birth date, and the late issue then succeeds', async () => {
    const db = test.database.db;
    const activityId = ids.walkIn ?? '';
    const target = await verifiedUser('阿蘇 健太', '1988-05-12');
    await verifiedUser('阿蘇 健太', '1988-05-13');
    await verifiedUser('阿蘇 健', '1988-05-12');
    await verifiedUser('阿蘇 健太郎', '1988-05-12');
    const unverified = (await createUser(db, { identity: 'unverified', displayName: '阿蘇 健太' })).id;
    await db.update(users).set({ declaredBirthDate: '1988-05-12' }).where(eq(users.id, unverified));

    const found = await as(staffId, 'POST', lookupUrl(activityId), {
      name: '　阿蘇　　健太 ',
      birthDate: '1988-05-12',
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json<LookupAnswer>().residents).toEqual([
      {
        userId: target,
        name: '阿蘇 健太',
        age: 38,
        gender: 'female',
        alreadyCheckedIn: false,
        applied: false,
      },
    ]);
    expect(found.body).not.toContain('熊本県');
    const [audit] = await db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'check_in.late_resident_lookup'), eq(auditEvents.subjectId, activityId)),
      )
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({
      actorUserId: staffId,
      subjectType: 'activity',
      details: { searchedBy: 'card_name_and_birth_date', name: '阿蘇 健太', count: 1, userIds: [target] },
    });
    expect(JSON.stringify(audit?.details)).not.toMatch(/1988|05-12/);
    expect((audit?.details as { personKey?: string }).personKey).toMatch(/^jpki-person:v1:/);

    // Without the space (as typed on the phone) it is the same name; part of it finds nobody.
    const unspaced = await as(staffId, 'POST', lookupUrl(activityId), {
      name: '阿蘇健太',
      birthDate: '1988-05-12',
    });
    expect(unspaced.json<LookupAnswer>().residents.map((resident) => resident.userId)).toEqual([target]);
    for (const name of ['阿蘇', '阿蘇 健']) {
      const none = await as(staffId, 'POST', lookupUrl(activityId), { name, birthDate: '1990-04-01' });
      expect(none.json<LookupAnswer>().residents, name).toEqual([]);
    }

    // The pick goes to the existing late issue, which then shows as already received.
    const issued = await as(staffId, 'POST', '/api/city/check-in/late', {
      activityId,
      userId: target,
      reason: '当日、QRコード画面が表示されない障害が発生したため',
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const again = await as(staffId, 'POST', lookupUrl(activityId), {
      name: '阿蘇 健太',
      birthDate: '1988-05-12',
    });
    expect(again.json<LookupAnswer>().residents).toEqual([
      expect.objectContaining({ userId: target, alreadyCheckedIn: true }),
    ]);
  });

  it.each([
    ['an empty name', { name: '  ', birthDate: '1988-05-12' }, 'late_issue_lookup_name_required'],
    ['no birth date', { name: '阿蘇 健太', birthDate: '' }, 'late_issue_lookup_birth_date_invalid'],
    [
      'a birth date that does not exist',
      { name: '阿蘇 健太', birthDate: '1988-02-30' },
      'late_issue_lookup_birth_date_invalid',
    ],
    [
      'a birth date after the activity',
      { name: '阿蘇 健太', birthDate: '2026-07-01' },
      'late_issue_lookup_birth_date_invalid',
    ],
    [
      'R-ID-3: a 12-digit number as the name',
      { name: '123456789012', birthDate: '1988-05-12' },
      'individual_number_refused',
    ],
  ])('refuses %s, writing nothing', async (_, body, code) => {
    const before = await auditCount();
    const response = await as(staffId, 'POST', lookupUrl(ids.walkIn ?? ''), body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe(code);
    expect(await auditCount()).toBe(before);
  });
});
