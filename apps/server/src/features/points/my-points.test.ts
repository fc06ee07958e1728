import { checkInSigningBytes, currentCheckInWindow, encodeCheckInToken } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointEntries } from '../../db/schema.ts';
import { signingKey } from '../../platform/signing-keys.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * The points mini-app (issue 6 part 3; R-PT-6, R-PT-9) with the clock moved by hand: points
 * granted on a day are usable through the day before the same date next year (the last day
 * of February for a grant on 29 February), and stop counting at midnight JST after that day
 * with no job having run.
 */
let test: TestApp;
let groupId: string;

beforeAll(async () => {
  test = await createTestApp({ now: '2026-01-05T10:00:00+09:00' });
  const admin = (await createUser(test.database.db, { identity: 'verified' })).id;
  ({ groupId } = await createGroup(test.database.db, { adminUserId: admin }));
});
afterAll(() => test?.close());

interface Summary {
  balance: number;
  expiring: { amount: number; lastUsableDay: string }[];
  history: {
    id: string;
    kind: string;
    amount: number;
    at: string;
    lastUsableDay: string | null;
    activityTitle: string | null;
  }[];
  rank: {
    id: string;
    name: { ja: string; en: string };
    participations: number;
    next: { id: string; name: { ja: string; en: string }; minParticipations: number } | null;
  };
}

/** Sets the clock to `instant` (JST) and checks the resident in to an activity held that day. */
async function checkInAt(userId: string, instant: string, title: string): Promise<void> {
  test.clock.set(instant);
  const now = test.clock.now();
  const { activityId } = await createActivity(test.database.db, groupId, {
    title,
    startsAt: new Date(now.getTime() - 15 * 60_000),
    endsAt: new Date(now.getTime() + 2 * 3600_000),
    capacity: null,
  });
  const payload = { activityId, window: currentCheckInWindow(now) };
  const key = signingKey(test.config.signingKeySecret, 'check-in');
  const token = encodeCheckInToken(payload, key.sign(checkInSigningBytes(payload)));
  const response = await test.app.inject({
    method: 'POST',
    url: '/api/check-in',
    headers: (await callerFor(test, userId)).headers,
    payload: { token },
  });
  expect(response.statusCode, response.body).toBe(200);
}

async function pointsAt(userId: string, instant: string): Promise<Summary> {
  test.clock.set(instant);
  const response = await test.app.inject({
    method: 'GET',
    url: '/api/me/points',
    headers: (await callerFor(test, userId)).headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Summary>();
}

async function resident(): Promise<string> {
  return (await createUser(test.database.db, { identity: 'verified' })).id;
}

describe('R-PT-6: validity across month ends and leap days, with no job', () => {
  it.each([
    ['a leap day', '2028-02-29T10:00:00+09:00', '2029-02-28', '2029-03-01'],
    ['the day after a leap day', '2028-03-01T10:00:00+09:00', '2029-02-28', '2029-03-01'],
    [
      '1 March before a leap year (through 29 February)',
      '2027-03-01T10:00:00+09:00',
      '2028-02-29',
      '2028-03-01',
    ],
    ['the fiscal year end (no part in it)', '2026-03-31T10:00:00+09:00', '2027-03-30', '2027-03-31'],
    ['a month end', '2026-08-31T10:00:00+09:00', '2027-08-30', '2027-08-31'],
    ['New Year', '2026-01-01T10:00:00+09:00', '2026-12-31', '2027-01-01'],
    [
      'just after midnight JST (still the previous day in UTC)',
      '2026-06-01T00:30:00+09:00',
      '2027-05-31',
      '2027-06-01',
    ],
  ])('granted on %s', async (_name, grantedAt, lastDay, dayAfter) => {
    const userId = await resident();
    await checkInAt(userId, grantedAt, '河川敷清掃');
    const [grant] = await test.database.db.select().from(pointEntries).where(eq(pointEntries.userId, userId));
    expect(grant?.lastUsableDay).toBe(lastDay);

    const lastMoment = await pointsAt(userId, `${lastDay}T23:59:59.999+09:00`);
    expect(lastMoment.balance).toBe(100);
    expect(lastMoment.expiring).toEqual([{ amount: 100, lastUsableDay: lastDay }]);

    const after = await pointsAt(userId, `${dayAfter}T00:00:00+09:00`);
    expect(after.balance).toBe(0);
    expect(after.expiring).toEqual([]);
    // The expiry shows in the history although no job has written it.
    expect(
      after.history.map(({ kind, amount, lastUsableDay, activityTitle }) => ({
        kind,
        amount,
        lastUsableDay,
        activityTitle,
      })),
    ).toEqual([
      { kind: 'expiry', amount: -100, lastUsableDay: lastDay, activityTitle: '河川敷清掃' },
      { kind: 'grant', amount: 100, lastUsableDay: lastDay, activityTitle: '河川敷清掃' },
    ]);
    expect(new Set(after.history.map((line) => line.id)).size).toBe(2);
  });
});

describe('balance, points about to expire, history and rank', () => {
  it('adds up grants, spends and expiries, newest first, with activity titles', async () => {
    const userId = await resident();
    await checkInAt(userId, '2026-05-10T10:00:00+09:00', '五月の清掃');
    await checkInAt(userId, '2026-06-20T10:00:00+09:00', '六月の清掃');
    await checkInAt(userId, '2026-09-01T10:00:00+09:00', '九月の清掃');
    // A lottery exchange of 150 points (R-PT-7, next issues) taken earliest-expiring first.
    const lots = await test.database.db
      .select()
      .from(pointEntries)
      .where(eq(pointEntries.userId, userId))
      .orderBy(pointEntries.seq);
    await test.database.db.insert(pointEntries).values({
      userId,
      kind: 'spend',
      amount: 150,
      at: new Date('2026-10-01T10:00:00+09:00'),
      allocations: [
        { lotId: lots[0]?.id ?? '', amount: 100 },
        { lotId: lots[1]?.id ?? '', amount: 50 },
      ],
    });

    const autumn = await pointsAt(userId, '2026-10-02T10:00:00+09:00');
    expect(autumn.balance).toBe(150);
    expect(autumn.expiring).toEqual([]);
    expect(autumn.history.map((line) => [line.kind, line.amount, line.activityTitle])).toEqual([
      ['spend', -150, null],
      ['grant', 100, '九月の清掃'],
      ['grant', 100, '六月の清掃'],
      ['grant', 100, '五月の清掃'],
    ]);
    expect(autumn.rank).toEqual({
      id: 'bronze',
      name: { ja: 'ブロンズ', en: 'Bronze' },
      participations: 3,
      next: { id: 'silver', name: { ja: 'シルバー', en: 'Silver' }, minParticipations: 5 },
    });

    // Within a month of 19 June 2027, the rest of June's grant (50) is about to expire.
    const nextJune = await pointsAt(userId, '2027-06-01T10:00:00+09:00');
    expect(nextJune.balance).toBe(150);
    expect(nextJune.expiring).toEqual([{ amount: 50, lastUsableDay: '2027-06-19' }]);
    const afterJune = await pointsAt(userId, '2027-06-20T00:00:00+09:00');
    expect(afterJune.balance).toBe(100);
    expect(afterJune.history[0]).toMatchObject({ kind: 'expiry', amount: -50, activityTitle: '六月の清掃' });
  });

  it('starts at the first rank with nothing', async () => {
    const summary = await pointsAt(await resident(), '2026-06-01T10:00:00+09:00');
    expect(summary).toEqual({
      balance: 0,
      expiring: [],
      history: [],
      rank: {
        id: 'beginner',
        name: { ja: 'ビギナー', en: 'Beginner' },
        participations: 0,
        next: { id: 'bronze', name: { ja: 'ブロンズ', en: 'Bronze' }, minParticipations: 1 },
      },
    });
  });

  it('is for verified residents only (R-ID-2)', async () => {
    const unverified = (await createUser(test.database.db, { identity: 'unverified' })).id;
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/me/points',
      headers: (await callerFor(test, unverified)).headers,
    });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ code: string }>().code).toBe('verification_required');
  });
});
