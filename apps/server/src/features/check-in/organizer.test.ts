import {
  checkInFallbackCode,
  decodeCheckInToken,
  normalizeCheckInCode,
  parseCheckInScan,
} from '@kumamoto/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organizerGroups } from '../../db/schema.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { applyTo } from './test-support.ts';

/**
 * The organizer's side of check-in (issue 6 parts 1 and 6): the QR code screen, open only on
 * the day for a group that may issue points (R-PT-2, R-ORG-10), and the attendance list
 * (R-ID-4, audited).
 */
const now = '2026-06-01T10:00:00+09:00';

let test: TestApp;
let adminId: string;
let memberId: string;
let groupId: string;

interface Screen {
  open: boolean;
  closedReason: string | null;
  token: string | null;
  url: string | null;
  code: string | null;
  windowEndsAt: string | null;
  counts: { checkedIn: number; walkIns: number; applied: number; capacity: number | null };
  refusals: Record<string, number>;
}

beforeAll(async () => {
  test = await createTestApp({ now });
  adminId = (await createUser(test.database.db, { identity: 'verified' })).id;
  memberId = (await createUser(test.database.db, { identity: 'verified' })).id;
  ({ groupId } = await createGroup(test.database.db, { adminUserId: adminId, memberUserIds: [memberId] }));
});
afterAll(() => test?.close());

async function get(url: string, userId: string) {
  return test.app.inject({ method: 'GET', url, headers: (await callerFor(test, userId)).headers });
}

async function activity(overrides: Parameters<typeof createActivity>[2] = {}, group = groupId) {
  return (
    await createActivity(test.database.db, group, {
      startsAt: new Date('2026-06-01T09:00:00+09:00'),
      endsAt: new Date('2026-06-01T12:00:00+09:00'),
      ...overrides,
    })
  ).activityId;
}

async function checkIn(userId: string, token: string) {
  return test.app.inject({
    method: 'POST',
    url: '/api/check-in',
    headers: (await callerFor(test, userId)).headers,
    payload: { token },
  });
}

describe('the QR code screen (R-PT-1)', () => {
  it('on the day shows a signed token as a URL to the scanner, its typed code and when it changes', async () => {
    const activityId = await activity();
    const response = await get(`/api/organizer/activities/${activityId}/check-in`, adminId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const screen = response.json<Screen>();
    expect(screen).toMatchObject({ open: true, closedReason: null });
    expect(screen.url).toBe(`http://localhost:3000/scan/checkin/${screen.token}`);
    // The web's scanner reads it back as this activity's check-in code.
    expect(parseCheckInScan(screen.url ?? '', 'http://localhost:3000')).toEqual({
      kind: 'checkin',
      token: screen.token,
      activityId,
    });
    expect(normalizeCheckInCode(screen.code ?? '')).toBe(checkInFallbackCode(screen.token ?? ''));
    expect(new Date(screen.windowEndsAt ?? '').toISOString()).toBe('2026-06-01T01:00:30.000Z');
  });

  it('rotates every 30 seconds', async () => {
    const activityId = await activity();
    const url = `/api/organizer/activities/${activityId}/check-in`;
    const first = (await get(url, adminId)).json<Screen>();
    try {
      test.clock.advance(10_000);
      expect((await get(url, memberId)).json<Screen>().token).toBe(first.token);
      test.clock.advance(25_000);
      const next = (await get(url, memberId)).json<Screen>();
      expect(next.token).not.toBe(first.token);
      expect(next.code).not.toBe(first.code);
      const [a, b] = [decodeCheckInToken(first.token ?? ''), decodeCheckInToken(next.token ?? '')];
      if (!a.ok || !b.ok) throw new Error('bad tokens');
      expect(b.payload.window).toBe(a.payload.window + 1);
    } finally {
      test.clock.set(now);
    }
  });

  it.each<[string, () => Promise<string>, string]>([
    [
      'the day before',
      () =>
        activity({
          startsAt: new Date('2026-06-02T09:00:00+09:00'),
          endsAt: new Date('2026-06-02T11:00:00+09:00'),
        }),
      'wrong_day',
    ],
    [
      'the day after',
      () =>
        activity({
          startsAt: new Date('2026-05-31T09:00:00+09:00'),
          endsAt: new Date('2026-05-31T11:00:00+09:00'),
        }),
      'wrong_day',
    ],
    [
      'a cancelled activity',
      () => activity({ cancelledAt: new Date('2026-05-31T10:00:00+09:00') }),
      'activity_cancelled',
    ],
    ['a draft', () => activity({ visibility: 'draft' }), 'not_published'],
  ])('stays closed, with no code, on %s', async (_name, make, reason) => {
    const screen = (await get(`/api/organizer/activities/${await make()}/check-in`, adminId)).json<Screen>();
    expect(screen).toMatchObject({ open: false, closedReason: reason, token: null, url: null, code: null });
  });

  it('R-ORG-10: stays closed for a suspended group', async () => {
    const group = await createGroup(test.database.db, { adminUserId: adminId });
    const activityId = await activity({}, group.groupId);
    await test.database.db
      .update(organizerGroups)
      .set({ status: 'suspended' })
      .where(eq(organizerGroups.id, group.groupId));
    const screen = (await get(`/api/organizer/activities/${activityId}/check-in`, adminId)).json<Screen>();
    expect(screen).toMatchObject({ open: false, closedReason: 'group_inactive', token: null });
  });

  it("is refused to people outside the activity's group, and unknown activities read the same", async () => {
    const outsider = (await createUser(test.database.db, { identity: 'verified' })).id;
    const activityId = await activity();
    const refused = await get(`/api/organizer/activities/${activityId}/check-in`, outsider);
    expect(refused.statusCode).toBe(403);
    const unknown = await get(
      '/api/organizer/activities/3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20/check-in',
      outsider,
    );
    expect(unknown.statusCode).toBe(403);
    const unknownToMember = await get(
      '/api/organizer/activities/3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20/check-in',
      adminId,
    );
    expect(unknownToMember.statusCode).toBe(403);
  });

  it('counts check-ins, walk-ins, applications and refusals live', async () => {
    const activityId = await activity({ capacity: null });
    const url = `/api/organizer/activities/${activityId}/check-in`;
    const applicant = (await createUser(test.database.db, { identity: 'verified' })).id;
    const walkIn = (await createUser(test.database.db, { identity: 'verified' })).id;
    const unverified = (await createUser(test.database.db, { identity: 'unverified' })).id;
    await applyTo(test.database.db, activityId, applicant);
    const { token } = (await get(url, adminId)).json<Screen>();
    expect((await checkIn(applicant, token ?? '')).statusCode).toBe(200);
    expect((await checkIn(applicant, token ?? '')).statusCode).toBe(200);
    expect((await checkIn(walkIn, token ?? '')).statusCode).toBe(200);
    expect((await checkIn(unverified, token ?? '')).statusCode).toBe(403);
    const screen = (await get(url, memberId)).json<Screen>();
    expect(screen.counts).toEqual({ checkedIn: 2, walkIns: 1, applied: 1, capacity: null });
    expect(screen.refusals).toEqual({ already_checked_in: 1, not_verified: 1 });
  });
});

describe('the attendance list (issue 6 part 6)', () => {
  it('names who checked in and when, walk-ins marked; name, age and gender only (R-ID-4); audited', async () => {
    const activityId = await activity({ capacity: null });
    const applicant = await createUser(test.database.db, { identity: 'verified', displayName: '熊本 一郎' });
    const walkIn = await createUser(test.database.db, { identity: 'verified', displayName: '熊本 二郎' });
    await applyTo(test.database.db, activityId, applicant.id);
    const { token } = (await get(`/api/organizer/activities/${activityId}/check-in`, adminId)).json<Screen>();
    await checkIn(applicant.id, token ?? '');
    test.clock.advance(60_000);
    try {
      const next = (await get(`/api/organizer/activities/${activityId}/check-in`, adminId)).json<Screen>();
      await checkIn(walkIn.id, next.token ?? '');
    } finally {
      test.clock.set(now);
    }
    const response = await get(`/api/organizer/activities/${activityId}/attendances`, memberId);
    expect(response.statusCode, response.body).toBe(200);
    const { attendances } = response.json<{ attendances: Record<string, unknown>[] }>();
    // createUser's card: born 1990-04-01, female; 36 on 1 June 2026.
    expect(attendances).toEqual([
      {
        name: '熊本 一郎',
        age: 36,
        gender: 'female',
        checkedInAt: '2026-06-01T01:00:00.000Z',
        walkIn: false,
        method: 'qr',
      },
      {
        name: '熊本 二郎',
        age: 36,
        gender: 'female',
        checkedInAt: '2026-06-01T01:01:00.000Z',
        walkIn: true,
        method: 'qr',
      },
    ]);
    const audit = await test.database.db
      .select({ actor: auditEvents.actorUserId, details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'activity.attendances_viewed'), eq(auditEvents.subjectId, activityId)),
      );
    expect(audit).toEqual([{ actor: memberId, details: { count: 2 } }]);
  });

  it('is refused to people outside the group, without an audit record of reading', async () => {
    const outsider = (await createUser(test.database.db, { identity: 'verified' })).id;
    const activityId = await activity();
    expect((await get(`/api/organizer/activities/${activityId}/attendances`, outsider)).statusCode).toBe(403);
    const audit = await test.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'activity.attendances_viewed'), eq(auditEvents.subjectId, activityId)),
      );
    expect(audit).toEqual([]);
  });
});
