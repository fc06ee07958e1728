import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityApplications, notifications } from '../../../db/schema.ts';
import { createActivity, createGroup } from '../../../test/activity-factories.ts';
import { callerFor, createUser, type Caller } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

/**
 * Capacity under concurrency (issue 5 part 3): many residents pressing "apply" at the same
 * moment never overbook, and the waiting list keeps the order the server took them in. Runs on
 * PGlite and, with TEST_DATABASE_URL, on PostgreSQL where the requests truly overlap.
 */
let test: TestApp;
let groupId: string;
const day = 24 * 3600_000;
let address = 0;

beforeAll(async () => {
  test = await createTestApp();
  const admin = await createUser(test.database.db, { identity: 'verified' });
  ({ groupId } = await createGroup(test.database.db, { adminUserId: admin.id }));
});
afterAll(() => test?.close());

/** Each request from an address of its own, so the per-address rate limit stays out of it. */
function post(caller: Caller, url: string) {
  address++;
  return test.app.inject({
    method: 'POST',
    url,
    headers: caller.headers,
    payload: {},
    remoteAddress: `10.1.${Math.floor(address / 250)}.${(address % 250) + 1}`,
  });
}

async function residents(n: number) {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const user = await createUser(test.database.db, { identity: 'verified' });
      return { id: user.id, caller: await callerFor(test, user.id) };
    }),
  );
}

describe('applications racing for places', () => {
  it('60 at once for 10 places: exactly 10 applied, 50 waitlisted in arrival order; a withdrawal promotes the first', async () => {
    const db = test.database.db;
    const { activityId } = await createActivity(db, groupId, {
      title: '白川河川敷クリーン作戦',
      capacity: 10,
      startsAt: new Date(test.clock.now().getTime() + 7 * day),
    });
    const people = await residents(60);
    const answers = await Promise.all(
      people.map(async (person) => {
        const response = await post(person.caller, `/api/activities/${activityId}/applications`);
        return {
          userId: person.id,
          status: response.statusCode,
          body: response.json<{ status: string; waitlistPosition: number | null }>(),
        };
      }),
    );
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    expect(answers.filter((answer) => answer.body.status === 'applied')).toHaveLength(10);
    expect(answers.filter((answer) => answer.body.status === 'waitlisted')).toHaveLength(50);

    const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
    expect(row?.applicantCount).toBe(10);
    const rows = await db
      .select({ userId: activityApplications.userId, status: activityApplications.status })
      .from(activityApplications)
      .where(eq(activityApplications.activityId, activityId))
      .orderBy(asc(activityApplications.seq));
    expect(rows).toHaveLength(60);
    // Arrival order: the first ten the server took got places, everyone after them waits.
    expect(rows.slice(0, 10).every((r) => r.status === 'applied')).toBe(true);
    expect(rows.slice(10).every((r) => r.status === 'waitlisted')).toBe(true);
    // Each waiting resident was told their place in that order: 1 … 50.
    const positionOf = new Map(answers.map((a) => [a.userId, a.body.waitlistPosition]));
    expect(rows.slice(10).map((r) => positionOf.get(r.userId))).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );

    // One with a place withdraws: the first in line moves up and is notified.
    const leaving = people.find((p) => p.id === rows[3]?.userId);
    const firstInLine = rows[10]?.userId as string;
    const response = await test.app.inject({
      method: 'DELETE',
      url: `/api/activities/${activityId}/applications/me`,
      headers: leaving?.caller.headers,
    });
    expect(response.statusCode).toBe(204);
    const [after] = await db.select().from(activities).where(eq(activities.id, activityId));
    expect(after?.applicantCount).toBe(10);
    const [promoted] = await db
      .select({ status: activityApplications.status })
      .from(activityApplications)
      .where(eq(activityApplications.userId, firstInLine));
    expect(promoted?.status).toBe('applied');
    const inbox = await db
      .select({ kind: notifications.kind, params: notifications.params })
      .from(notifications)
      .where(eq(notifications.userId, firstInLine));
    expect(inbox).toEqual([
      { kind: 'activity_promoted', params: { activityTitle: '白川河川敷クリーン作戦' } },
    ]);
    const secondInLine = rows[11]?.userId as string;
    const detail = await test.app.inject({
      method: 'GET',
      url: `/api/activities/${activityId}`,
      headers: people.find((p) => p.id === secondInLine)?.caller.headers,
    });
    expect(detail.json()).toMatchObject({ myApplication: { status: 'waitlisted', waitlistPosition: 1 } });
  });

  it('one resident pressing "apply" five times at once gets one application', async () => {
    const db = test.database.db;
    const { activityId } = await createActivity(db, groupId, {
      capacity: 3,
      startsAt: new Date(test.clock.now().getTime() + 7 * day),
    });
    const [person] = await residents(1);
    const statuses = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const response = await post(person!.caller, `/api/activities/${activityId}/applications`);
        return `${response.statusCode} ${response.json<{ code?: string; status?: string }>().code ?? 'ok'}`;
      }),
    );
    expect(statuses.sort()).toEqual([
      '201 ok',
      '409 application_already_applied',
      '409 application_already_applied',
      '409 application_already_applied',
      '409 application_already_applied',
    ]);
    const rows = await db
      .select()
      .from(activityApplications)
      .where(eq(activityApplications.activityId, activityId));
    expect(rows).toHaveLength(1);
    const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
    expect(row?.applicantCount).toBe(1);
  });

  it('withdrawals and applications racing on a full activity never overbook', async () => {
    const db = test.database.db;
    const { activityId } = await createActivity(db, groupId, {
      capacity: 5,
      startsAt: new Date(test.clock.now().getTime() + 7 * day),
    });
    const first = await residents(8);
    for (const person of first) await post(person.caller, `/api/activities/${activityId}/applications`);
    const newcomers = await residents(10);
    await Promise.all([
      ...first.slice(0, 4).map((person) =>
        test.app.inject({
          method: 'DELETE',
          url: `/api/activities/${activityId}/applications/me`,
          headers: person.caller.headers,
        }),
      ),
      ...newcomers.map((person) => post(person.caller, `/api/activities/${activityId}/applications`)),
    ]);
    const [row] = await db.select().from(activities).where(eq(activities.id, activityId));
    const rows = await db
      .select()
      .from(activityApplications)
      .where(eq(activityApplications.activityId, activityId));
    const applied = rows.filter((r) => r.status === 'applied').length;
    expect(row?.applicantCount).toBe(5);
    expect(applied).toBe(5);
    expect(rows.filter((r) => r.status === 'waitlisted')).toHaveLength(18 - 4 - 5);
  });
});
