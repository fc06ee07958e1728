import { randomBytes } from 'node:crypto';
import {
  activitySearchParamsSchema,
  activitySearchText,
  compareForListing,
  documentTokens,
  matchesActivitySearch,
  searchOffset,
  shareTokenBytes,
  shareTokenFromBytes,
  type ActivityCategoryId,
  type SearchCandidate,
} from '@kumamoto/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../../db/schema.ts';
import { createGroup } from '../../../test/activity-factories.ts';
import { createUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { searchActivities } from './search-activities.ts';

/**
 * Discover (issue 5 part 2): the SQL search must mean exactly what the domain's in-memory
 * `matchesActivitySearch` + `compareForListing` mean, on the same data.
 */
let test: TestApp;
let groupId: string;
const candidates: SearchCandidate[] = [];

const hour = 3600_000;
const day = 24 * hour;

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

const titles = [
  '白川河川敷クリーン作戦',
  'まち清掃ボランティア',
  '防災訓練のお手伝い',
  '子ども食堂のお手伝い',
  '夏祭りの運営スタッフ',
  'ゴミ拾いウォーク',
  'ごみ拾いと花壇の手入れ',
  '高齢者サロンの交流会',
  '通学路の見守り',
  '外国人住民の日本語教室',
  'English café ボランティア',
  'ＡＢＣ体操教室',
  '参加率100%をめざす清掃',
  'snake_case 勉強会',
];
const places = ['白川公園', '水前寺公園', '江津湖', '花畑広場', '熊本城二の丸', '健軍商店街'];
const contents = [
  'ごみ拾いをします。',
  'ゴミ袋を配ります。',
  '避難所の設営を体験します。',
  '絵本を読みます。',
  '',
];
const categories: (ActivityCategoryId | null)[] = [
  'environment',
  'event',
  'disaster_prevention',
  'children',
  'welfare',
  'international',
  null,
];
const districts = ['keitoku', 'oe', 'izumi', null];
const keywords = [
  '清掃',
  'まち',
  'ゴミ',
  'ごみ',
  'ｺﾞﾐ',
  '防災',
  '子ども',
  '花',
  '公園',
  '湖',
  'english',
  'ＡＢＣ',
  'abc',
  'clean',
  '100%',
  '%',
  '_',
  'e_c',
  'ボランティア',
  '見守り',
  'zz',
];

beforeAll(async () => {
  test = await createTestApp();
  const db = test.database.db;
  const admin = await createUser(db, { identity: 'verified' });
  ({ groupId } = await createGroup(db, { adminUserId: admin.id }));
  const now = test.clock.now().getTime();
  const { next, pick } = random(20260601);
  const rows = Array.from({ length: 240 }, (_, i) => {
    const title = `${pick(titles)}${i % 5 === 0 ? `（${pick(places)}）` : ''}`;
    const category = pick(categories);
    const texts = {
      title,
      message: '地域のために一緒に活動しませんか。',
      content: pick(contents),
      targetParticipants: 'どなたでも',
      placeName: pick(places),
      address: '熊本県熊本市中央区',
      category,
    };
    const searchText = activitySearchText(texts);
    const startsAt = new Date(now + Math.round(((next() * 40 - 15) * day) / hour) * hour);
    const endsAt = new Date(startsAt.getTime() + (1 + Math.floor(next() * 30)) * hour);
    const capacity = next() < 0.3 ? null : 5 + Math.floor(next() * 20);
    const applicantCount = capacity === null ? Math.floor(next() * 10) : Math.floor(next() * (capacity + 1));
    const location = next() < 0.15 ? null : { lat: 32.7 + next() * 0.2, lng: 130.6 + next() * 0.2 };
    const roll = next();
    const visibility: 'public' | 'unlisted' | 'draft' =
      roll < 0.12 ? 'unlisted' : roll < 0.2 ? 'draft' : 'public';
    return {
      groupId,
      visibility,
      cancelledAt: next() < 0.1 ? new Date(now - day) : null,
      ...texts,
      startsAt,
      endsAt,
      lat: location?.lat ?? null,
      lng: location?.lng ?? null,
      capacity,
      applicantCount,
      schoolDistrictCode: pick(districts),
      shareToken: shareTokenFromBytes(randomBytes(shareTokenBytes)),
      searchText,
      searchTokens: documentTokens(searchText),
      publishedAt: visibility === 'draft' ? null : new Date(now - 30 * day),
      createdAt: new Date(now - 30 * day),
      updatedAt: new Date(now - 30 * day),
    };
  });
  const inserted = await db.insert(activities).values(rows).returning();
  for (const row of inserted) {
    candidates.push({
      id: row.id,
      visibility: row.visibility,
      cancelledAt: row.cancelledAt,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      applicationDeadline: row.applicationDeadline,
      capacity: row.capacity,
      schoolDistrictCode: row.schoolDistrictCode,
      restrictToDistrict: row.restrictToDistrict,
      category: row.category as ActivityCategoryId | null,
      location: row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng },
      applicantCount: row.applicantCount,
      searchText: row.searchText,
    });
  }
});
afterAll(() => test?.close());

const isoDay = (offsetDays: number) =>
  new Date(test.clock.now().getTime() + offsetDays * day).toISOString().slice(0, 10);

const filterNames = [
  'q',
  'from',
  'to',
  'categories',
  'district',
  'hasPlacesLeft',
  'includeEnded',
  'near',
  'page',
] as const;

/** Query strings a resident's browser could send: a few filters at a time, as people search. */
const paramsArbitrary = fc
  .record({
    use: fc.subarray([...filterNames], { maxLength: 4 }),
    q: fc.array(fc.constantFrom(...keywords), { minLength: 1, maxLength: 2 }).map((words) => words.join(' ')),
    from: fc.integer({ min: -20, max: 25 }),
    span: fc.integer({ min: 0, max: 20 }),
    categories: fc.subarray(['environment', 'event', 'disaster_prevention', 'children', 'welfare'], {
      minLength: 1,
    }),
    district: fc.constantFrom('keitoku', 'oe', 'izumi', 'nowhere'),
    near: fc.record({
      lat: fc.double({ min: 32.68, max: 32.92, noNaN: true }),
      lng: fc.double({ min: 130.58, max: 130.82, noNaN: true }),
      radiusKm: fc.double({ min: 0.5, max: 15, noNaN: true }),
    }),
    page: fc.integer({ min: 1, max: 4 }),
    pageSize: fc.integer({ min: 1, max: 30 }),
  })
  .map((p) => {
    const on = new Set<string>(p.use);
    const params: Record<string, string> = { pageSize: String(p.pageSize) };
    if (on.has('q')) params.q = p.q;
    if (on.has('from')) params.from = isoDay(p.from);
    if (on.has('to')) params.to = isoDay((on.has('from') ? p.from : -20) + p.span);
    if (on.has('categories')) params.categories = p.categories.join(',');
    if (on.has('district')) params.district = p.district;
    if (on.has('hasPlacesLeft')) params.hasPlacesLeft = 'true';
    if (on.has('includeEnded')) params.includeEnded = 'true';
    if (on.has('near')) {
      params.lat = String(p.near.lat);
      params.lng = String(p.near.lng);
      params.radiusKm = String(p.near.radiusKm);
    }
    if (on.has('page')) params.page = String(p.page);
    return params;
  });

describe('activity search in SQL agrees with the domain (issue 5 part 2, R-ACT-3)', () => {
  it('finds the same activities, in the same order, with the same total, as matchesActivitySearch', async () => {
    const now = test.clock.now();
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(paramsArbitrary, async (params) => {
        const query = activitySearchParamsSchema.parse(params);
        const expected = candidates
          .filter((candidate) => matchesActivitySearch(candidate, query, now))
          .sort(compareForListing);
        const result = await searchActivities(test.database.db, query, now);
        expect(result.total).toBe(expected.length);
        const offset = searchOffset(query);
        expect(result.items.map((item) => item.id)).toEqual(
          expected.slice(offset, offset + query.pageSize).map((candidate) => candidate.id),
        );
        if (result.items.length > 0) nonEmpty++;
      }),
      { numRuns: 150, seed: 5 },
    );
    // The comparison means something only if many searches find something.
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it('agrees on each single filter too (no keywords, many hits)', async () => {
    const now = test.clock.now();
    const single: Record<string, string>[] = [
      {},
      { includeEnded: 'true' },
      { hasPlacesLeft: 'true' },
      { district: 'oe' },
      { categories: 'environment,children' },
      { from: isoDay(3), to: isoDay(6) },
      { lat: '32.8', lng: '130.7', radiusKm: '5' },
      { q: '清掃' },
    ];
    for (const params of single) {
      const query = activitySearchParamsSchema.parse({ ...params, pageSize: '50' });
      const expected = candidates.filter((c) => matchesActivitySearch(c, query, now)).sort(compareForListing);
      const result = await searchActivities(test.database.db, query, now);
      expect(result.total, JSON.stringify(params)).toBe(expected.length);
      expect(result.total, JSON.stringify(params)).toBeGreaterThan(0);
      expect(result.items.map((item) => item.id)).toEqual(expected.slice(0, 50).map((c) => c.id));
    }
  });
});

describe('GET /api/activities', () => {
  const search = async (query: string) => {
    const response = await test.app.inject({ method: 'GET', url: `/api/activities?${query}` });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  };
  const titlesOf = (body: Record<string, unknown>) =>
    (body.items as { title: string }[]).map((item) => item.title);

  it('finds a partial Japanese word: 清掃 finds まち清掃, and ゴミ finds ごみ', async () => {
    const cleanUp = await search(`q=${encodeURIComponent('清掃')}&pageSize=50&includeEnded=true`);
    expect(cleanUp.status).toBe(200);
    expect(titlesOf(cleanUp.body).some((title) => title.startsWith('まち清掃'))).toBe(true);
    const garbage = await search(`q=${encodeURIComponent('ゴミ')}&pageSize=50&includeEnded=true`);
    expect(titlesOf(garbage.body).some((title) => title.startsWith('ごみ拾いと花壇'))).toBe(true);
    const halfWidth = await search(`q=${encodeURIComponent('ｺﾞﾐ')}&pageSize=50&includeEnded=true`);
    expect(halfWidth.body.total).toBe(garbage.body.total);
  });

  it('matches % and _ literally, not as wildcards', async () => {
    const percent = await search(`q=${encodeURIComponent('100%')}&includeEnded=true&pageSize=50`);
    expect(titlesOf(percent.body).length).toBeGreaterThan(0);
    expect(titlesOf(percent.body).every((title) => title.includes('100%'))).toBe(true);
    const underscore = await search(`q=${encodeURIComponent('e_c')}&includeEnded=true&pageSize=50`);
    expect(titlesOf(underscore.body).every((title) => title.includes('snake_case'))).toBe(true);
    const wildcard = await search(`q=${encodeURIComponent('%')}&includeEnded=true&pageSize=50`);
    expect(titlesOf(wildcard.body).every((title) => title.includes('%'))).toBe(true);
  });

  it('lists each item as the contract shapes it, with the distance when searching near a point', async () => {
    const { status, body } = await search('lat=32.8&lng=130.7&radiusKm=10&pageSize=5');
    expect(status).toBe(200);
    const [item] = body.items as Record<string, unknown>[];
    expect(item).toMatchObject({
      state: 'public',
      groupName: expect.stringContaining('テスト自治会') as unknown,
      thumbnailUrl: null,
    });
    expect(item?.distanceKm).toBeTypeOf('number');
    expect(Number(item?.distanceKm)).toBeLessThanOrEqual(10);
    expect(['open', 'full', 'closed']).toContain(item?.availability);
  });

  it.each([
    ['to before from', 'from=2026-06-10&to=2026-06-01'],
    ['lat without lng', 'lat=32.8'],
    ['an unknown category', 'categories=gardening'],
    ['a page too deep', 'page=1000'],
    ['a radius too large', 'lat=32.8&lng=130.7&radiusKm=500'],
    ['a malformed date', 'from=June'],
  ])('refuses %s with a localized validation error', async (_, query) => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/activities?${query}`,
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });
});
