import { activityState, isSearchable } from '@kumamoto/domain';
import { and, count, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityApplications, activityImages, notifications, users } from '../../db/schema.ts';
import { callerFor } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import { demoActivityCount, seedActivitiesDemo } from './demo-seed.ts';

/** The demo's activities (issue 5 part 7): varied, consistent with the rules, seeded once. */
let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await seedDemoData(test.database.db, { now: test.clock.now() });
});
afterAll(() => test?.close());

const personaId = async (persona: string) =>
  (await test.database.db.select({ id: users.id }).from(users).where(eq(users.persona, persona)))[0]?.id;

describe('activities demo data (issue 5 part 7)', () => {
  it('comes with the demo seed, about thirty of them, once', async () => {
    const db = test.database.db;
    expect(await seedActivitiesDemo(db, { now: test.clock.now() })).toBe(false);
    await seedDemoData(db, { now: test.clock.now() });
    const [row] = await db.select({ n: count() }).from(activities);
    expect(row?.n).toBe(demoActivityCount);
    expect(demoActivityCount).toBeGreaterThanOrEqual(28);
  });

  it('spans categories, districts and dates: past, today, future; some full, one cancelled, one unlisted', async () => {
    const now = test.clock.now();
    const rows = await test.database.db.select().from(activities);
    const states = rows.map((row) => activityState(row, now));
    expect(new Set(rows.map((row) => row.category)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(rows.map((row) => row.schoolDistrictCode)).size).toBeGreaterThanOrEqual(15);
    expect(states.filter((s) => s === 'ended').length).toBeGreaterThanOrEqual(5);
    expect(states.filter((s) => s === 'cancelled')).toHaveLength(1);
    expect(states.filter((s) => s === 'unlisted')).toHaveLength(1);
    const today = rows.filter(
      (row) => row.startsAt && Math.abs(row.startsAt.getTime() - now.getTime()) < 4 * 3600_000,
    );
    expect(today.length).toBeGreaterThanOrEqual(2);
    const full = rows.filter(
      (row) => isSearchable(row) && row.capacity !== null && row.applicantCount >= row.capacity,
    );
    expect(full.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((row) => row.thumbnailImageId !== null)).toBe(true);
    const [image] = await test.database.db.select().from(activityImages).limit(1);
    expect(image?.contentType).toBe('image/webp');
    expect(Buffer.from(image!.bytes).subarray(8, 12).toString('latin1')).toBe('WEBP');
  });

  it('keeps each count equal to its applications and within the capacity', async () => {
    const counts = await test.database.db
      .select({
        id: activities.id,
        stored: activities.applicantCount,
        capacity: activities.capacity,
        applied: sql<number>`(select count(*)::int from activity_applications a
          where a.activity_id = activities.id and a.status = 'applied')`,
      })
      .from(activities);
    for (const row of counts) {
      expect(row.stored).toBe(Number(row.applied));
      if (row.capacity !== null) expect(row.stored).toBeLessThanOrEqual(row.capacity);
    }
  });

  it('gives the resident persona a history, an activity today, a waiting-list place and a cancellation notice', async () => {
    const resident = await personaId('resident');
    const caller = await callerFor(test, resident);
    const mine = await test.app.inject({ method: 'GET', url: '/api/me/activities', headers: caller.headers });
    const body = mine.json<{ upcoming: { myStatus: string; state: string }[]; past: unknown[] }>();
    expect(body.past.length).toBeGreaterThanOrEqual(2);
    expect(body.upcoming.some((a) => a.myStatus === 'waitlisted')).toBe(true);
    expect(body.upcoming.some((a) => a.state === 'cancelled')).toBe(true);
    const [cancelledNotice] = await test.database.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, resident!), eq(notifications.kind, 'activity_cancelled')));
    expect(cancelledNotice?.n).toBe(1);
  });

  it('is found by search, and the keyword 清掃 finds the clean-ups', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/activities?q=${encodeURIComponent('清掃')}`,
    });
    const body = response.json<{ total: number; items: { title: string }[] }>();
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.items.map((item) => item.title)).toContain('秋津川 河川清掃');
    const all = await test.app.inject({ method: 'GET', url: '/api/activities?pageSize=50' });
    const titles = all.json<{ items: { title: string }[] }>().items.map((item) => item.title);
    expect(titles.some((title) => title.includes('関係者限定'))).toBe(false);
    expect(titles).not.toContain('立田山 自然観察路の整備');
    expect(titles).not.toContain('年末夜警（火の用心）の見回り');
  });

  it('has no application of a person twice to one activity', async () => {
    const [dupes] = await test.database.db
      .select({ n: count() })
      .from(activityApplications)
      .where(ne(activityApplications.status, 'cancelled'))
      .groupBy(activityApplications.activityId, activityApplications.userId)
      .having(sql`count(*) > 1`);
    expect(dupes).toBeUndefined();
  });
});
