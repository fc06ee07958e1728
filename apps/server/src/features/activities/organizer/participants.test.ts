import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendances, users } from '../../../db/schema.ts';
import { createActivity } from '../../../test/activity-factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditOf, call, cast, enrol, person, type Cast, anyString } from './test-support.ts';

let test: TestApp;
let c: Cast;
let activityId: string;
const names = { verified: '熊本 花子', declared: '=HYPERLINK("http://x")', waiting: '待機 太郎' };

beforeAll(async () => {
  test = await createTestApp();
  c = await cast(test);
  ({ activityId } = await createActivity(test.database.db, c.groupId, {
    startsAt: new Date('2026-06-20T10:00:00+09:00'),
    endsAt: new Date('2026-06-20T12:00:00+09:00'),
    capacity: 2,
  }));
  // Card: born 1990-04-01, female; 36 on 2026-06-20.
  const verified = await person(test, { identity: 'verified', displayName: names.verified });
  // Unverified: self-declared birth date (turns 20 on the day after the activity) and gender.
  const declared = await person(test, { identity: 'unverified', displayName: names.declared });
  await test.database.db
    .update(users)
    .set({ declaredBirthDate: '2006-06-21', declaredGender: 'male' })
    .where(eq(users.id, declared.id));
  const waiting = await person(test, { identity: 'unverified', displayName: names.waiting });
  const walkIn = await person(test);
  await enrol(test, activityId, verified.id, 'applied');
  await enrol(test, activityId, declared.id, 'applied');
  await enrol(test, activityId, waiting.id, 'waitlisted');
  await test.database.db.insert(attendances).values([
    { activityId, userId: verified.id, walkIn: false, method: 'qr', checkedInAt: test.clock.now() },
    { activityId, userId: walkIn.id, walkIn: true, method: 'qr', checkedInAt: test.clock.now() },
  ]);
});
afterAll(() => test.close());

describe('participants (R-ID-4): name, age and gender only', () => {
  it('lists them with counts, and never the address or birth date; audited', async () => {
    const response = await call(
      test,
      c.member,
      'GET',
      `/api/organizer/activities/${activityId}/participants`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('private, no-store');
    const body = response.json<{ counts: unknown; participants: unknown[] }>();
    expect(body.counts).toEqual({ applied: 2, waitlisted: 1, capacity: 2, checkedIn: 2, walkIns: 1 });
    expect(body.participants).toEqual([
      { name: names.verified, age: 36, gender: 'female', status: 'applied', appliedAt: anyString },
      { name: names.declared, age: 19, gender: 'male', status: 'applied', appliedAt: anyString },
      { name: names.waiting, age: null, gender: null, status: 'waitlisted', appliedAt: anyString },
    ]);
    const text = response.body;
    expect(text).not.toContain('熊本県熊本市');
    expect(text).not.toContain('1990-04-01');
    expect(text).not.toContain('2006-06-21');
    const audit = await auditOf(test, 'activity.participants_viewed', activityId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: c.member.id, details: { count: 3 } });
  });

  it('exports those holding a place as CSV: UTF-8 with BOM, name/age/gender only, formulas defused; audited', async () => {
    const response = await call(
      test,
      c.admin,
      'GET',
      `/api/organizer/activities/${activityId}/participants.csv`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines).toEqual([
      '氏名,年齢,性別',
      `${names.verified},36,女性`,
      `"'=HYPERLINK(""http://x"")",19,男性`,
      '',
    ]);
    expect((await auditOf(test, 'activity.participants_exported', activityId))[0]).toMatchObject({
      actorUserId: c.admin.id,
      details: { count: 2, format: 'csv' },
    });
    const english = await call(
      test,
      c.admin,
      'GET',
      `/api/organizer/activities/${activityId}/participants.csv?lang=en`,
    );
    expect(english.body.slice(1).split('\r\n')[0]).toBe('Name,Age,Gender');
  });

  it('are refused to another resident and the signed out, and such attempts read nothing', async () => {
    const before = (await auditOf(test, 'activity.participants_viewed', activityId)).length;
    for (const path of ['participants', 'participants.csv']) {
      const url = `/api/organizer/activities/${activityId}/${path}`;
      const outsider = await call(test, c.other, 'GET', url);
      expect(outsider.statusCode).toBe(403);
      expect(outsider.body).not.toContain(names.verified);
      expect((await call(test, c.signedOut, 'GET', url)).statusCode).toBe(401);
    }
    expect(await auditOf(test, 'activity.participants_viewed', activityId)).toHaveLength(before);
  });
});
