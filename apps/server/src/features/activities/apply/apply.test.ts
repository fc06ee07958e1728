import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activities,
  activityApplications,
  attendances,
  auditEvents,
  notifications,
  users,
} from '../../../db/schema.ts';
import { createActivity, createGroup, type ActivityOverrides } from '../../../test/activity-factories.ts';
import { callerFor, createUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { loadSampleSchoolDistrictsIfEmpty } from '../../school-districts/load-at-start.ts';

/** Applying, withdrawing, the waiting list and "my activities" (issue 5 parts 3 and 6). */
let test: TestApp;
let groupId: string;
let organizerId: string;
const hour = 3600_000;
const day = 24 * hour;

beforeAll(async () => {
  test = await createTestApp();
  await loadSampleSchoolDistrictsIfEmpty(test.database.db);
  organizerId = (await createUser(test.database.db, { identity: 'verified' })).id;
  ({ groupId } = await createGroup(test.database.db, { adminUserId: organizerId }));
});
afterAll(() => test?.close());

const later = (ms: number) => new Date(test.clock.now().getTime() + ms);

/** An activity a week after the test clock's now (the factory's default would follow the real clock). */
async function activity(overrides: ActivityOverrides = {}) {
  const startsAt = overrides.startsAt ?? later(7 * day);
  return createActivity(test.database.db, groupId, { startsAt, ...overrides });
}

async function resident(
  options: {
    identity?: 'verified' | 'unverified';
    district?: { code: string; source: 'address' | 'chosen' };
  } = {},
) {
  const user = await createUser(test.database.db, { identity: options.identity ?? 'verified' });
  await test.database.db
    .update(users)
    .set({
      schoolDistrictCode: options.district?.code ?? null,
      schoolDistrictSource: options.district?.source ?? null,
    })
    .where(eq(users.id, user.id));
  return { id: user.id, caller: await callerFor(test, user.id) };
}

async function apply(
  who: { caller: { headers: Record<string, string> } },
  activityId: string,
  body: object = {},
) {
  const response = await test.app.inject({
    method: 'POST',
    url: `/api/activities/${activityId}/applications`,
    headers: who.caller.headers,
    payload: body,
  });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
}

async function withdraw(who: { caller: { headers: Record<string, string> } }, activityId: string) {
  const response = await test.app.inject({
    method: 'DELETE',
    url: `/api/activities/${activityId}/applications/me`,
    headers: who.caller.headers,
  });
  return {
    status: response.statusCode,
    body: response.body ? response.json<Record<string, unknown>>() : null,
  };
}

async function stored(activityId: string) {
  const [row] = await test.database.db
    .select({ applicantCount: activities.applicantCount })
    .from(activities)
    .where(eq(activities.id, activityId));
  const applications = await test.database.db
    .select({ userId: activityApplications.userId, status: activityApplications.status })
    .from(activityApplications)
    .where(eq(activityApplications.activityId, activityId))
    .orderBy(activityApplications.seq);
  return { applicantCount: row?.applicantCount, applications };
}

describe('applying (issue 5 part 3, R-ACT-3)', () => {
  it('gives a verified resident a place, once; the count follows and the detail page shows it', async () => {
    const { activityId } = await activity({ capacity: 5 });
    const hanako = await resident();
    expect(await apply(hanako, activityId)).toEqual({
      status: 201,
      body: { status: 'applied', waitlistPosition: null, warnings: [] },
    });
    const again = await apply(hanako, activityId);
    expect(again).toMatchObject({ status: 409, body: { code: 'application_already_applied' } });
    expect(await stored(activityId)).toEqual({
      applicantCount: 1,
      applications: [{ userId: hanako.id, status: 'applied' }],
    });
    const detail = await test.app.inject({
      method: 'GET',
      url: `/api/activities/${activityId}`,
      headers: hanako.caller.headers,
    });
    expect(detail.json()).toMatchObject({
      applicantCount: 1,
      placesLeft: 4,
      myApplication: { status: 'applied', waitlistPosition: null },
      checkedIn: false,
    });
    const [audit] = await test.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'activity.applied'), eq(auditEvents.subjectId, activityId)));
    expect(audit?.n).toBe(1);
  });

  it('lets an unverified resident apply, warning that points need card verification before the day (R-PT-3)', async () => {
    const { activityId } = await activity();
    const newcomer = await resident({ identity: 'unverified' });
    expect(await apply(newcomer, activityId)).toEqual({
      status: 201,
      body: { status: 'applied', waitlistPosition: null, warnings: ['verify_before_the_day'] },
    });
  });

  it('puts residents on the waiting list of a full activity in arrival order', async () => {
    const { activityId } = await activity({ capacity: 1 });
    const [first, second, third] = [await resident(), await resident(), await resident()];
    expect((await apply(first, activityId)).body.status).toBe('applied');
    expect((await apply(second, activityId)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    expect((await apply(third, activityId)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });
    expect(await apply(third, activityId)).toMatchObject({
      status: 409,
      body: { code: 'application_already_waitlisted' },
    });
    const detail = await test.app.inject({
      method: 'GET',
      url: `/api/activities/${activityId}`,
      headers: third.caller.headers,
    });
    expect(detail.json()).toMatchObject({
      availability: 'full',
      waitlistCount: 2,
      placesLeft: 0,
      myApplication: { status: 'waitlisted', waitlistPosition: 2 },
    });
  });

  describe('refuses, with a clear code, and changes nothing', () => {
    it.each<[string, () => ActivityOverrides, number, string]>([
      ['a cancelled activity', () => ({ cancelledAt: later(-day) }), 409, 'application_activity_cancelled'],
      [
        'an ended activity',
        () => ({ startsAt: later(-3 * hour), endsAt: later(-hour) }),
        409,
        'application_activity_ended',
      ],
      [
        'an activity past its deadline',
        () => ({ applicationDeadline: later(-hour) }),
        409,
        'application_closed',
      ],
      ['a draft', () => ({ visibility: 'draft' }), 404, 'not_found'],
      ['an unlisted activity without its link', () => ({ visibility: 'unlisted' }), 404, 'not_found'],
    ])('%s', async (_, overrides, status, code) => {
      const { activityId } = await activity(overrides());
      const someone = await resident();
      expect(await apply(someone, activityId)).toMatchObject({ status, body: { code } });
      expect(await stored(activityId)).toEqual({ applicantCount: 0, applications: [] });
    });

    it('an unlisted activity with a wrong link, but takes it with the right one', async () => {
      const { activityId, shareToken } = await activity({ visibility: 'unlisted' });
      const someone = await resident();
      const wrong = `${shareToken.slice(0, -1)}${shareToken.endsWith('A') ? 'B' : 'A'}`;
      expect(await apply(someone, activityId, { share: wrong })).toMatchObject({ status: 404 });
      expect(await apply(someone, activityId, { share: shareToken })).toMatchObject({
        status: 201,
        body: { status: 'applied' },
      });
    });

    it('an organizer applying to their own draft is told it is not open', async () => {
      const { activityId } = await activity({ visibility: 'draft' });
      const organizer = { caller: await callerFor(test, organizerId) };
      expect(await apply(organizer, activityId)).toMatchObject({
        status: 409,
        body: { code: 'application_not_open' },
      });
    });

    it('an activity that does not exist', async () => {
      const someone = await resident();
      expect(await apply(someone, '3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20')).toMatchObject({ status: 404 });
      expect(await apply(someone, 'not-a-uuid')).toMatchObject({
        status: 400,
        body: { code: 'validation_failed' },
      });
    });
  });

  describe('an activity restricted to one school district (R-ACT-6, from the verified address)', () => {
    it.each<[string, Parameters<typeof resident>[0], number, string | null]>([
      [
        'a verified resident of the district',
        { district: { code: 'keitoku', source: 'address' } },
        201,
        null,
      ],
      [
        'a verified resident of another district',
        { district: { code: 'oe', source: 'address' } },
        403,
        'application_wrong_district',
      ],
      [
        'a verified resident whose district was only chosen by hand',
        { district: { code: 'keitoku', source: 'chosen' } },
        403,
        'application_district_unknown',
      ],
      [
        'an unverified resident (a chosen district proves nothing)',
        { identity: 'unverified', district: { code: 'keitoku', source: 'chosen' } },
        403,
        'application_district_needs_verification',
      ],
    ])('%s', async (_, who, status, code) => {
      const { activityId } = await activity({ schoolDistrictCode: 'keitoku', restrictToDistrict: true });
      const person = await resident(who);
      const answer = await apply(person, activityId);
      expect(answer.status).toBe(status);
      if (code) {
        expect(answer.body.code).toBe(code);
        expect(await stored(activityId)).toEqual({ applicantCount: 0, applications: [] });
      }
    });

    it('says the reason in the reader’s language', async () => {
      const { activityId } = await activity({ schoolDistrictCode: 'keitoku', restrictToDistrict: true });
      const person = await resident({ district: { code: 'oe', source: 'address' } });
      const response = await test.app.inject({
        method: 'POST',
        url: `/api/activities/${activityId}/applications`,
        headers: { ...person.caller.headers, 'accept-language': 'en' },
        payload: {},
      });
      expect(response.json<{ title: string }>().title).toMatch(/school district/);
    });
  });
});

describe('withdrawing (issue 5 part 3)', () => {
  it('frees the place; the first on the waiting list gets it and is notified; the row stays as history', async () => {
    const { activityId } = await activity({ capacity: 1, title: '子ども食堂のお手伝い' });
    const [holder, next, after] = [await resident(), await resident(), await resident()];
    await apply(holder, activityId);
    await apply(next, activityId);
    await apply(after, activityId);
    expect(await withdraw(holder, activityId)).toEqual({ status: 204, body: null });
    expect(await stored(activityId)).toEqual({
      applicantCount: 1,
      applications: [
        { userId: holder.id, status: 'cancelled' },
        { userId: next.id, status: 'applied' },
        { userId: after.id, status: 'waitlisted' },
      ],
    });
    const inbox = await test.database.db
      .select({ kind: notifications.kind, params: notifications.params, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.userId, next.id));
    expect(inbox).toEqual([
      {
        kind: 'activity_promoted',
        params: { activityTitle: '子ども食堂のお手伝い' },
        link: `/volunteer/activities/${activityId}`,
      },
    ]);
    const afterDetail = await test.app.inject({
      method: 'GET',
      url: `/api/activities/${activityId}`,
      headers: after.caller.headers,
    });
    expect(afterDetail.json()).toMatchObject({
      myApplication: { status: 'waitlisted', waitlistPosition: 1 },
    });
    // Withdrawn, one may apply again: now at the back of the line.
    expect((await apply(holder, activityId)).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });
  });

  it('leaving the waiting list moves nobody and keeps the count', async () => {
    const { activityId } = await activity({ capacity: 1 });
    const [holder, waiting] = [await resident(), await resident()];
    await apply(holder, activityId);
    await apply(waiting, activityId);
    expect((await withdraw(waiting, activityId)).status).toBe(204);
    expect(await stored(activityId)).toEqual({
      applicantCount: 1,
      applications: [
        { userId: holder.id, status: 'applied' },
        { userId: waiting.id, status: 'cancelled' },
      ],
    });
  });

  it('is refused once the activity has started, and without an application', async () => {
    const { activityId } = await activity({ startsAt: later(hour), endsAt: later(3 * hour) });
    const someone = await resident();
    expect(await withdraw(someone, activityId)).toMatchObject({
      status: 404,
      body: { code: 'application_not_found' },
    });
    await apply(someone, activityId);
    test.clock.advance(2 * hour);
    try {
      expect(await withdraw(someone, activityId)).toMatchObject({
        status: 409,
        body: { code: 'application_activity_started' },
      });
      expect((await stored(activityId)).applicantCount).toBe(1);
    } finally {
      test.clock.advance(-2 * hour);
    }
  });

  it('hides a draft or unlisted activity from someone who never applied', async () => {
    const { activityId } = await activity({ visibility: 'unlisted' });
    expect(await withdraw(await resident(), activityId)).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
  });
});

describe('my activities (issue 5 part 6, R-ACT-5)', () => {
  it('lists upcoming (soonest first) and past (latest first) with my status and check-in', async () => {
    const me = await resident();
    const db = test.database.db;
    const soon = await activity({ title: 'すぐの活動', startsAt: later(2 * day) });
    const afterThat = await activity({ title: 'あとの活動', startsAt: later(9 * day), capacity: 1 });
    const withdrawn = await activity({ title: 'やめた活動', startsAt: later(5 * day) });
    const done = await activity({ title: '終わった活動', startsAt: later(3 * day) });
    const walkIn = await activity({ title: '飛び入りの活動', startsAt: later(4 * day), capacity: null });
    const other = await resident();
    await apply(other, afterThat.activityId);
    for (const a of [soon, afterThat, withdrawn, done]) await apply(me, a.activityId);
    await withdraw(me, withdrawn.activityId);
    // Move the clock past two of them and record check-ins as the check-in feature would.
    test.clock.advance(6 * day);
    try {
      await db.insert(attendances).values([
        {
          activityId: done.activityId,
          userId: me.id,
          walkIn: false,
          method: 'qr',
          checkedInAt: later(-3 * day),
        },
        {
          activityId: walkIn.activityId,
          userId: me.id,
          walkIn: true,
          method: 'qr',
          checkedInAt: later(-2 * day),
        },
      ]);
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/me/activities',
        headers: me.caller.headers,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ upcoming: Record<string, unknown>[]; past: Record<string, unknown>[] }>();
      expect(body.upcoming.map((a) => [a.title, a.myStatus, a.waitlistPosition, a.checkedIn])).toEqual([
        ['あとの活動', 'waitlisted', 1, false],
      ]);
      expect(body.past.map((a) => [a.title, a.myStatus, a.checkedIn, a.state])).toEqual([
        ['やめた活動', 'cancelled', false, 'ended'],
        ['飛び入りの活動', 'applied', true, 'ended'],
        ['終わった活動', 'applied', true, 'ended'],
        ['すぐの活動', 'applied', false, 'ended'],
      ]);
    } finally {
      test.clock.advance(-6 * day);
    }
  });

  it('is empty for someone new, and private to each resident', async () => {
    const me = await resident({ identity: 'unverified' });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/me/activities',
      headers: me.caller.headers,
    });
    expect(response.json()).toEqual({ upcoming: [], past: [] });
  });
});
