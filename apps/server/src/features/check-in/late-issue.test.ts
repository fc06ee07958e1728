import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendances, auditEvents, pointEntries, users, verificationEvents } from '../../db/schema.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { applyTo, writtenFor } from './test-support.ts';

/**
 * Points and a certificate after the day, by city staff, for an app fault only (issue 6 part
 * 5, R-PT-2, R-PT-3, FAQ Q3): reason required, audited, through the same write as a scan.
 */
const activityDay = {
  startsAt: new Date('2026-06-01T09:00:00+09:00'),
  endsAt: new Date('2026-06-01T11:00:00+09:00'),
};
const threeDaysLater = '2026-06-04T14:00:00+09:00';

let test: TestApp;
let staffId: string;
let groupId: string;

beforeAll(async () => {
  test = await createTestApp({ now: threeDaysLater });
  staffId = (await createUser(test.database.db, { identity: 'unverified', roles: ['city_admin'] })).id;
  const admin = (await createUser(test.database.db, { identity: 'verified' })).id;
  ({ groupId } = await createGroup(test.database.db, { adminUserId: admin }));
});
afterAll(() => test?.close());

async function late(body: Record<string, unknown>, asUser = staffId) {
  return test.app.inject({
    method: 'POST',
    url: '/api/city/check-in/late',
    headers: (await callerFor(test, asUser)).headers,
    payload: body,
  });
}

async function setup(options: { capacity?: number | null; apply?: boolean } = {}) {
  const { activityId } = await createActivity(test.database.db, groupId, {
    ...activityDay,
    capacity: options.capacity === undefined ? 20 : options.capacity,
  });
  const userId = (await createUser(test.database.db, { identity: 'verified' })).id;
  // Registered with the card well before the activity.
  await test.database.db
    .update(users)
    .set({ verifiedAt: new Date('2026-05-01T10:00:00+09:00') })
    .where(eq(users.id, userId));
  if (options.apply !== false) await applyTo(test.database.db, activityId, userId);
  return { activityId, userId };
}

const reason = '当日、QRコード画面が表示されない障害が発生したため（障害番号 2026-0601-01）';

describe('a make-up grant by city staff (FAQ Q3)', () => {
  it('issues points and a certificate, marked as by the city with the reason, and audits it in the same transaction', async () => {
    const { activityId, userId } = await setup();
    const response = await late({ activityId, userId, reason: `  ${reason}  ` });
    expect(response.statusCode, response.body).toBe(201);
    const answer = response.json<{ outcome: string; points: number; certificate: { serial: string } }>();
    expect(answer).toMatchObject({ outcome: 'checked_in', points: 100 });
    const db = test.database.db;
    const [attendance] = await db.select().from(attendances).where(eq(attendances.userId, userId));
    expect(attendance).toMatchObject({ method: 'city', issuedByUserId: staffId, reason, walkIn: false });
    // R-PT-6: dated when issued, so the year of validity starts then.
    const [grant] = await db.select().from(pointEntries).where(eq(pointEntries.userId, userId));
    expect(grant).toMatchObject({ amount: 100, lastUsableDay: '2027-06-03', actorUserId: staffId, reason });
    const audit = await db
      .select({ actor: auditEvents.actorUserId, reason: auditEvents.reason, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'check_in.issued_late'), eq(auditEvents.subjectId, userId)));
    expect(audit).toEqual([
      { actor: staffId, reason, details: { activityId, serial: answer.certificate.serial, points: 100 } },
    ]);
  });

  it('a second time is refused: one grant, ever', async () => {
    const { activityId, userId } = await setup();
    expect((await late({ activityId, userId, reason })).statusCode).toBe(201);
    const again = await late({ activityId, userId, reason });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('check_in_already_checked_in');
    expect(await writtenFor(test.database.db, userId)).toEqual({
      attendances: 1,
      grants: 1,
      certificates: 1,
    });
  });

  it('R-PT-3: counts the first registration with the card, not a later re-verification', async () => {
    const { activityId, userId } = await setup();
    await test.database.db
      .update(users)
      .set({ verifiedAt: new Date('2026-06-03T10:00:00+09:00') })
      .where(eq(users.id, userId));
    await test.database.db.insert(verificationEvents).values({
      userId,
      adapter: 'oidc',
      changedFields: [],
      occurredAt: new Date('2026-05-10T10:00:00+09:00'),
    });
    expect((await late({ activityId, userId, reason })).statusCode).toBe(201);
  });

  describe('refusals, with nothing written', () => {
    it.each<
      [
        string,
        (ids: { activityId: string; userId: string }) => Promise<Record<string, unknown>>,
        number,
        string,
      ]
    >([
      [
        'without a reason',
        (ids) => Promise.resolve({ ...ids, reason: '   ' }),
        400,
        'check_in_reason_required',
      ],
      [
        'R-PT-3: registered with the card only after the day',
        async (ids) => {
          await test.database.db
            .update(users)
            .set({ verifiedAt: new Date('2026-06-02T00:00:00+09:00') })
            .where(eq(users.id, ids.userId));
          return { ...ids, reason };
        },
        409,
        'check_in_not_verified_by_activity_day',
      ],
      [
        'R-PT-4: did not apply to a capacity-limited activity',
        async ({ userId }) => {
          const { activityId } = await createActivity(test.database.db, groupId, {
            ...activityDay,
            capacity: 5,
          });
          return { activityId, userId, reason };
        },
        409,
        'check_in_not_applied',
      ],
      [
        'before the activity has taken place',
        async ({ userId }) => {
          const { activityId } = await createActivity(test.database.db, groupId, {
            startsAt: new Date('2026-06-10T09:00:00+09:00'),
            endsAt: new Date('2026-06-10T11:00:00+09:00'),
            capacity: null,
          });
          return { activityId, userId, reason };
        },
        409,
        'check_in_not_held_yet',
      ],
      [
        'a cancelled activity',
        async ({ userId }) => {
          const { activityId } = await createActivity(test.database.db, groupId, {
            ...activityDay,
            capacity: null,
            cancelledAt: new Date('2026-05-30T10:00:00+09:00'),
          });
          return { activityId, userId, reason };
        },
        409,
        'check_in_activity_cancelled',
      ],
      [
        'an unknown resident',
        ({ activityId }) =>
          Promise.resolve({ activityId, userId: '3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20', reason }),
        404,
        'not_found',
      ],
    ])('%s', async (_name, body, status, code) => {
      const ids = await setup();
      const response = await late(await body(ids));
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json<{ code: string }>().code).toBe(code);
      expect(await writtenFor(test.database.db, ids.userId)).toEqual({
        attendances: 0,
        grants: 0,
        certificates: 0,
      });
    });

    it('nobody but a city administrator may', async () => {
      const { activityId, userId } = await setup();
      const reviewer = (await createUser(test.database.db, { roles: ['city_reviewer'] })).id;
      expect((await late({ activityId, userId, reason }, reviewer)).statusCode).toBe(403);
      expect((await late({ activityId, userId, reason }, userId)).statusCode).toBe(403);
      expect(await writtenFor(test.database.db, userId)).toEqual({
        attendances: 0,
        grants: 0,
        certificates: 0,
      });
    });
  });
});
