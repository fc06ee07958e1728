import { generateKeyPairSync, sign } from 'node:crypto';
import {
  certificateSigningBytes,
  checkInSigningBytes,
  currentCheckInWindow,
  decodeCheckInToken,
  encodeCheckInToken,
} from '@kumamoto/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attendances,
  auditEvents,
  certificates,
  notifications,
  organizerGroups,
  pointEntries,
} from '../../db/schema.ts';
import { signingKey } from '../../platform/signing-keys.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser, type Caller } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { applyTo, refusalCounts, writtenFor } from './test-support.ts';

/**
 * The resident's scan (issue 6 part 2; R-PT-1 … R-PT-6, R-PT-9, R-ORG-10) and its bad input
 * and attacks, through the real routes. The clock stands at 10:00 JST on 1 June 2026, during
 * a clean-up from 09:00 to 11:30 that day.
 */
const dayStart = '2026-06-01T09:00:00+09:00';
const dayEnd = '2026-06-01T11:30:00+09:00';
const now = '2026-06-01T10:00:00+09:00';

let test: TestApp;
let adminId: string;
let groupId: string;
let groupName: string;

beforeAll(async () => {
  test = await createTestApp({ now });
  adminId = (await createUser(test.database.db, { identity: 'verified' })).id;
  ({ groupId, name: groupName } = await createGroup(test.database.db, { adminUserId: adminId }));
});
afterAll(() => test?.close());

async function resident(identity: 'verified' | 'unverified' = 'verified') {
  return (await createUser(test.database.db, { identity })).id;
}

async function activityToday(overrides: Parameters<typeof createActivity>[2] = {}, group = groupId) {
  return (
    await createActivity(test.database.db, group, {
      startsAt: new Date(dayStart),
      endsAt: new Date(dayEnd),
      ...overrides,
    })
  ).activityId;
}

/** What the organizer's screen shows right now. */
async function screen(activityId: string, userId = adminId) {
  const response = await test.app.inject({
    method: 'GET',
    url: `/api/organizer/activities/${activityId}/check-in`,
    headers: (await callerFor(test, userId)).headers,
  });
  return response;
}

async function tokenOf(activityId: string): Promise<string> {
  const response = await screen(activityId);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ token: string }>().token;
}

async function scan(userId: string, body: Record<string, unknown>, lang = 'ja') {
  return test.app.inject({
    method: 'POST',
    url: '/api/check-in',
    headers: { ...(await callerFor(test, userId)).headers, 'accept-language': lang },
    payload: body,
  });
}

/** Scans sent at the same moment: each person's session is made first, then all go together. */
async function scansAtOnce(scans: readonly { userId: string; token: string }[]) {
  const callers = new Map<string, Caller>();
  for (const userId of new Set(scans.map((one) => one.userId)))
    callers.set(userId, await callerFor(test, userId));
  return Promise.all(
    scans.map(({ userId, token }) =>
      test.app.inject({
        method: 'POST',
        url: '/api/check-in',
        headers: callers.get(userId)?.headers,
        payload: { token },
      }),
    ),
  );
}

/** A token signed with the server's real key, for any activity and window. */
function realToken(activityId: string, window: number): string {
  const key = signingKey(test.config.signingKeySecret, 'check-in');
  const payload = { activityId, window };
  return encodeCheckInToken(payload, key.sign(checkInSigningBytes(payload)));
}

interface CheckInAnswer {
  outcome: string;
  activity: { id: string; title: string; groupName: string };
  points: number;
  certificate: { serial: string };
  rankUp: { rankName: { ja: string; en: string } } | null;
}

describe('a verified resident who applied scans the code on the day (R-PT-1, R-PT-5, R-PT-6)', () => {
  let activityId: string;
  let userId: string;
  let first: CheckInAnswer;

  beforeAll(async () => {
    activityId = await activityToday();
    userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    const response = await scan(userId, { token: await tokenOf(activityId) });
    expect(response.statusCode, response.body).toBe(200);
    first = response.json<CheckInAnswer>();
  });

  it('answers +100 points and a certificate', () => {
    expect(first).toMatchObject({
      outcome: 'checked_in',
      activity: { id: activityId, title: '白川河川敷のまち清掃', groupName },
      points: 100,
    });
    expect(first.certificate.serial).toMatch(/^KMA-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('writes one attendance, one grant valid through the day before the same date next year, and one certificate', async () => {
    const db = test.database.db;
    const [attendance] = await db.select().from(attendances).where(eq(attendances.userId, userId));
    expect(attendance).toMatchObject({ activityId, walkIn: false, method: 'qr', reason: null });
    const grants = await db.select().from(pointEntries).where(eq(pointEntries.userId, userId));
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      kind: 'grant',
      amount: 100,
      lastUsableDay: '2027-05-31',
      attendanceId: attendance?.id,
    });
    expect(await writtenFor(db, userId)).toEqual({ attendances: 1, grants: 1, certificates: 1 });
  });

  it('signs the certificate over exactly what it stores (R-PT-10)', async () => {
    const [row] = await test.database.db.select().from(certificates).where(eq(certificates.userId, userId));
    expect(row).toMatchObject({
      serial: first.certificate.serial,
      activityId,
      activityTitle: '白川河川敷のまち清掃',
      groupName,
      place: '白川公園',
      revokedAt: null,
    });
    expect(row?.holderName).toMatch(/^テスト 住民/);
    if (!row) throw new Error('no certificate');
    const content = {
      serial: row.serial,
      holderName: row.holderName ?? '',
      activityTitle: row.activityTitle,
      groupName: row.groupName,
      place: row.place,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      issuedAt: row.issuedAt,
    };
    expect(row.startsAt.toISOString()).toBe(new Date(dayStart).toISOString());
    expect(row.issuedAt.toISOString()).toBe(new Date(now).toISOString());
    const key = signingKey(test.config.signingKeySecret, 'certificate');
    const signature = new Uint8Array(Buffer.from(row.signature, 'base64url'));
    expect(key.verify(certificateSigningBytes(content), signature)).toBe(true);
    expect(key.verify(certificateSigningBytes({ ...content, holderName: '別人' }), signature)).toBe(false);
    // A certificate signature is not a check-in key's, nor the reverse.
    const checkInKey = signingKey(test.config.signingKeySecret, 'check-in');
    expect(checkInKey.verify(certificateSigningBytes(content), signature)).toBe(false);
  });

  it('a repeated scan answers "already checked in" with the same certificate, and grants nothing more', async () => {
    const again = await scan(userId, { token: await tokenOf(activityId) });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<CheckInAnswer>()).toMatchObject({
      outcome: 'already_checked_in',
      certificate: first.certificate,
      points: 100,
      rankUp: null,
    });
    expect(await writtenFor(test.database.db, userId)).toEqual({
      attendances: 1,
      grants: 1,
      certificates: 1,
    });
    expect(await refusalCounts(test.database.db, activityId)).toMatchObject({ already_checked_in: 1 });
  });

  it('the ledger is append-only: the grant cannot be edited or removed', async () => {
    await expect(
      test.database.db.update(pointEntries).set({ amount: 1000 }).where(eq(pointEntries.userId, userId)),
    ).rejects.toThrow();
    await expect(
      test.database.db.delete(pointEntries).where(eq(pointEntries.userId, userId)),
    ).rejects.toThrow();
  });
});

describe('the typed fallback code', () => {
  it('checks in with the 6 characters under the QR code, typed any way', async () => {
    const activityId = await activityToday();
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    const { code } = (await screen(activityId)).json<{ code: string }>();
    expect(code).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/);
    const typed = ` ${code.toLowerCase().replace('-', ' ')} `;
    const response = await scan(userId, { code: typed });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<CheckInAnswer>()).toMatchObject({
      outcome: 'checked_in',
      activity: { id: activityId },
    });
    const [row] = await test.database.db.select().from(attendances).where(eq(attendances.userId, userId));
    expect(row?.method).toBe('code');
  });

  it('still takes a code typed slowly (two minutes), not one from longer ago', async () => {
    const activityId = await activityToday();
    const [slow, late] = [await resident(), await resident()];
    await applyTo(test.database.db, activityId, slow);
    await applyTo(test.database.db, activityId, late);
    const { code } = (await screen(activityId)).json<{ code: string }>();
    try {
      test.clock.advance(65_000);
      expect((await scan(slow, { code })).statusCode).toBe(200);
      test.clock.advance(120_000);
      const refused = await scan(late, { code });
      expect(refused.json<{ code: string }>().code).toBe('check_in_code_not_recognised');
    } finally {
      test.clock.set(now);
    }
  });

  it.each(['ZZZ-ZZZ', 'abc', 'UUUUUU'])('refuses %j: matches no open activity', async (code) => {
    const userId = await resident();
    const response = await scan(userId, { code });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe('check_in_code_not_recognised');
    expect(await writtenFor(test.database.db, userId)).toEqual({
      attendances: 0,
      grants: 0,
      certificates: 0,
    });
  });
});

describe('R-PT-4: walk-ins', () => {
  it('gets points at an activity without capacity, marked as a walk-in', async () => {
    const activityId = await activityToday({ capacity: null });
    const userId = await resident();
    const response = await scan(userId, { token: await tokenOf(activityId) });
    expect(response.json<CheckInAnswer>().outcome).toBe('checked_in');
    const [row] = await test.database.db.select().from(attendances).where(eq(attendances.userId, userId));
    expect(row?.walkIn).toBe(true);
  });

  it('an applicant at an activity without capacity is not a walk-in', async () => {
    const activityId = await activityToday({ capacity: null });
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    await scan(userId, { token: await tokenOf(activityId) });
    const [row] = await test.database.db.select().from(attendances).where(eq(attendances.userId, userId));
    expect(row?.walkIn).toBe(false);
  });
});

describe('refusals: each with its reason, nothing granted, counted for the organizer where it helps', () => {
  async function expectRefused(
    userId: string,
    body: Record<string, unknown>,
    status: number,
    code: string,
  ): Promise<void> {
    const response = await scan(userId, body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json<{ code: string; title: string }>();
    expect(problem.code).toBe(code);
    expect(problem.title.length).toBeGreaterThan(5);
    expect(await writtenFor(test.database.db, userId)).toEqual({
      attendances: 0,
      grants: 0,
      certificates: 0,
    });
  }

  it('R-PT-4: a resident who did not apply to a capacity-limited activity', async () => {
    const activityId = await activityToday({ capacity: 10 });
    await expectRefused(await resident(), { token: await tokenOf(activityId) }, 409, 'check_in_not_applied');
    expect(await refusalCounts(test.database.db, activityId)).toEqual({ not_applied: 1 });
  });

  it('R-PT-4: a resident still on the waiting list', async () => {
    const activityId = await activityToday({ capacity: 10 });
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId, 'waitlisted');
    await expectRefused(userId, { token: await tokenOf(activityId) }, 409, 'check_in_not_applied');
  });

  it('R-PT-3: an unverified resident is told to verify, and counted', async () => {
    const activityId = await activityToday({ capacity: null });
    await expectRefused(
      await resident('unverified'),
      { token: await tokenOf(activityId) },
      403,
      'verification_required',
    );
    expect(await refusalCounts(test.database.db, activityId)).toEqual({ not_verified: 1 });
  });

  it('R-PT-2: a scan on another day (a valid code of an activity that is not today)', async () => {
    const activityId = await activityToday({
      startsAt: new Date('2026-06-02T09:00:00+09:00'),
      endsAt: new Date('2026-06-02T11:00:00+09:00'),
    });
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    await expectRefused(
      userId,
      { token: realToken(activityId, currentCheckInWindow(test.clock.now())) },
      409,
      'check_in_wrong_day',
    );
    expect(await refusalCounts(test.database.db, activityId)).toEqual({ wrong_day: 1 });
  });

  it('R-ORG-10: a suspended group issues no points', async () => {
    const group = await createGroup(test.database.db, { adminUserId: await resident(), status: 'active' });
    const activityId = await activityToday({}, group.groupId);
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    const token = realToken(activityId, currentCheckInWindow(test.clock.now()));
    await test.database.db
      .update(organizerGroups)
      .set({ status: 'suspended' })
      .where(eq(organizerGroups.id, group.groupId));
    await expectRefused(userId, { token }, 409, 'check_in_group_inactive');
  });

  it('R-ORG-6, R-ORG-10: a group whose rights lapsed on 31 March issues no points', async () => {
    const group = await createGroup(test.database.db, {
      adminUserId: await resident(),
      rightsEnd: '2026-03-31',
    });
    const activityId = await activityToday({ capacity: null }, group.groupId);
    await expectRefused(
      await resident(),
      { token: realToken(activityId, currentCheckInWindow(test.clock.now())) },
      409,
      'check_in_group_inactive',
    );
  });

  it('R-ACT-4: a cancelled activity', async () => {
    const activityId = await activityToday({ cancelledAt: new Date('2026-05-30T12:00:00+09:00') });
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    await expectRefused(
      userId,
      { token: realToken(activityId, currentCheckInWindow(test.clock.now())) },
      409,
      'check_in_activity_cancelled',
    );
  });

  it('an expired code (a photo passed on): refused after about a minute, and counted', async () => {
    const activityId = await activityToday({ capacity: null });
    const token = await tokenOf(activityId);
    try {
      // The previous window's code is still accepted briefly…
      test.clock.advance(30_000);
      expect((await scan(await resident(), { token })).statusCode).toBe(200);
      // …but not the one before it.
      test.clock.advance(31_000);
      await expectRefused(await resident(), { token }, 410, 'check_in_token_expired');
    } finally {
      test.clock.set(now);
    }
    expect(await refusalCounts(test.database.db, activityId)).toEqual({ token_expired: 1 });
  });

  it('a replayed request by someone else once the code has expired', async () => {
    const activityId = await activityToday({ capacity: null });
    const token = await tokenOf(activityId);
    expect((await scan(await resident(), { token })).statusCode).toBe(200);
    try {
      test.clock.advance(5 * 60_000);
      await expectRefused(await resident(), { token }, 410, 'check_in_token_expired');
    } finally {
      test.clock.set(now);
    }
  });

  it('a code from a window no screen shows yet (forged or leaked), audited', async () => {
    const activityId = await activityToday({ capacity: null });
    const userId = await resident();
    const future = realToken(activityId, currentCheckInWindow(test.clock.now()) + 10);
    await expectRefused(userId, { token: future }, 400, 'check_in_token_not_yet_valid');
    expect(await auditOf(userId)).toEqual([{ reason: 'token_not_yet_valid', subjectId: activityId }]);
  });

  it('a tampered token: the signature no longer matches, audited, and not counted for the claimed activity', async () => {
    const activityId = await activityToday({ capacity: null });
    const other = await activityToday({ capacity: null });
    const token = await tokenOf(activityId);
    const decoded = decodeCheckInToken(token);
    if (!decoded.ok) throw new Error('bad token');
    // The same signature under another activity's id.
    const swapped = encodeCheckInToken({ ...decoded.payload, activityId: other }, decoded.signature);
    const userId = await resident();
    await expectRefused(userId, { token: swapped }, 400, 'check_in_token_invalid');
    // One flipped bit of the signature.
    const bytes = Buffer.from(token, 'base64url');
    bytes[40] = (bytes[40] ?? 0) ^ 1;
    await expectRefused(userId, { token: bytes.toString('base64url') }, 400, 'check_in_token_invalid');
    expect(await auditOf(userId)).toEqual([
      { reason: 'token_signature_invalid', subjectId: other },
      { reason: 'token_signature_invalid', subjectId: activityId },
    ]);
    expect(await refusalCounts(test.database.db, other)).toEqual({});
  });

  it('a forged token signed with another key', async () => {
    const activityId = await activityToday({ capacity: null });
    const { privateKey } = generateKeyPairSync('ed25519');
    const payload = { activityId, window: currentCheckInWindow(test.clock.now()) };
    const forged = encodeCheckInToken(
      payload,
      new Uint8Array(sign(null, checkInSigningBytes(payload), privateKey)),
    );
    await expectRefused(await resident(), { token: forged }, 400, 'check_in_token_invalid');
  });

  it.each([
    ['cut short', (token: string) => token.slice(0, -4)],
    ['not a token at all', () => 'hello'],
    ['a whole URL of another site', (token: string) => `https://evil.example/scan/checkin/${token}`],
  ])('a malformed token (%s)', async (_name, damage) => {
    const activityId = await activityToday({ capacity: null });
    await expectRefused(
      await resident(),
      { token: damage(await tokenOf(activityId)) },
      400,
      'check_in_token_malformed',
    );
  });

  it("another activity's code, scanned from this activity's page", async () => {
    const mine = await activityToday({ capacity: null });
    const theirs = await activityToday({ capacity: null });
    await expectRefused(
      await resident(),
      { token: await tokenOf(theirs), activityId: mine },
      400,
      'check_in_token_other_activity',
    );
  });

  it('says why in English too', async () => {
    const activityId = await activityToday({ capacity: 10 });
    const response = await scan(await resident(), { token: await tokenOf(activityId) }, 'en');
    expect(response.json<{ title: string }>().title).toMatch(/applied in advance/);
  });

  it('refuses a body with both or neither of token and code', async () => {
    const userId = await resident();
    expect((await scan(userId, {})).statusCode).toBe(400);
    expect((await scan(userId, { token: 'x', code: 'ABCDEF' })).statusCode).toBe(400);
  });
});

async function auditOf(userId: string) {
  const rows = await test.database.db
    .select({ reason: auditEvents.reason, subjectId: auditEvents.subjectId })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorUserId, userId), eq(auditEvents.action, 'check_in.code_refused')))
    .orderBy(auditEvents.id);
  return rows;
}

describe('concurrent scans (issue 6: one grant, ever)', () => {
  it('20 scans by one resident at once: exactly one attendance, grant and certificate', async () => {
    const activityId = await activityToday();
    const userId = await resident();
    await applyTo(test.database.db, activityId, userId);
    const token = await tokenOf(activityId);
    const responses = await scansAtOnce(Array.from({ length: 20 }, () => ({ userId, token })));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    const answers = responses.map((response) => response.json<CheckInAnswer>());
    expect(answers.filter((answer) => answer.outcome === 'checked_in')).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.certificate.serial)).size).toBe(1);
    expect(await writtenFor(test.database.db, userId)).toEqual({
      attendances: 1,
      grants: 1,
      certificates: 1,
    });
    expect(await refusalCounts(test.database.db, activityId)).toEqual({ already_checked_in: 19 });
    const notices = await test.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'rank_up')));
    expect(notices).toHaveLength(1);
  });

  it('30 residents at once: 30 of each, every certificate its own serial', async () => {
    const activityId = await activityToday({ capacity: 30 });
    const users = await Promise.all(Array.from({ length: 30 }, () => resident()));
    for (const userId of users) await applyTo(test.database.db, activityId, userId);
    const token = await tokenOf(activityId);
    const responses = await scansAtOnce(users.map((userId) => ({ userId, token })));
    expect(responses.map((response) => response.json<CheckInAnswer>().outcome)).toEqual(
      Array(30).fill('checked_in'),
    );
    const db = test.database.db;
    expect(await db.$count(attendances, eq(attendances.activityId, activityId))).toBe(30);
    expect(await db.$count(certificates, eq(certificates.activityId, activityId))).toBe(30);
    const serials = await db
      .select({ serial: certificates.serial })
      .from(certificates)
      .where(eq(certificates.activityId, activityId));
    expect(new Set(serials.map((row) => row.serial)).size).toBe(30);
    for (const userId of users)
      expect(await writtenFor(db, userId, activityId)).toEqual({
        attendances: 1,
        grants: 1,
        certificates: 1,
      });
  });
});

describe('scans read and written together under load (batched), each answered as if alone', () => {
  it('two activities, applied, not applied and unverified residents, all at once', async () => {
    const [limited, open] = [await activityToday({ capacity: 10 }), await activityToday({ capacity: null })];
    const applied = await Promise.all(Array.from({ length: 6 }, () => resident()));
    for (const userId of applied) await applyTo(test.database.db, limited, userId);
    const notApplied = await Promise.all(Array.from({ length: 3 }, () => resident()));
    const unverified = await resident('unverified');
    const walkIns = await Promise.all(Array.from({ length: 4 }, () => resident()));
    const [limitedToken, openToken] = [await tokenOf(limited), await tokenOf(open)];
    const scans: [string, string, string][] = [
      ...applied.map((userId): [string, string, string] => [userId, limitedToken, 'checked_in']),
      ...notApplied.map((userId): [string, string, string] => [userId, limitedToken, 'check_in_not_applied']),
      [unverified, openToken, 'verification_required'],
      ...walkIns.map((userId): [string, string, string] => [userId, openToken, 'checked_in']),
    ];
    const responses = await scansAtOnce(scans.map(([userId, token]) => ({ userId, token })));
    expect(
      responses.map((response) => {
        const body = response.json<{ outcome?: string; code?: string }>();
        return body.outcome ?? body.code;
      }),
    ).toEqual(scans.map(([, , expected]) => expected));
    const db = test.database.db;
    expect(await db.$count(attendances, eq(attendances.activityId, limited))).toBe(6);
    expect(await db.$count(attendances, eq(attendances.activityId, open))).toBe(4);
    for (const userId of walkIns)
      expect(await writtenFor(db, userId, open)).toEqual({ attendances: 1, grants: 1, certificates: 1 });
    for (const userId of [...notApplied, unverified])
      expect(await writtenFor(db, userId)).toEqual({ attendances: 0, grants: 0, certificates: 0 });
    const serials = responses
      .map((response) => response.json<Partial<CheckInAnswer>>().certificate?.serial)
      .filter(Boolean);
    expect(new Set(serials).size).toBe(10);
  });
});

describe('what a batch carries arrives exactly as written', () => {
  it('names and titles with quotes, commas, braces, backslashes and rare kanji', async () => {
    const awkward = ['熊本 "花子", {𠮷}\\', 'NULL', ''];
    const title = '清掃 "白川", {河川敷} \\ 𠮷野家前';
    const activityId = await activityToday({ capacity: null, title, placeName: '公園, "北" {門}' });
    const people = await Promise.all(
      awkward.map((displayName) =>
        createUser(test.database.db, { identity: 'verified', displayName: displayName || '　' }),
      ),
    );
    const token = await tokenOf(activityId);
    const responses = await scansAtOnce(people.map((person) => ({ userId: person.id, token })));
    expect(responses.map((response) => response.json<CheckInAnswer>().outcome)).toEqual(
      Array(people.length).fill('checked_in'),
    );
    const stored = await test.database.db
      .select({
        userId: certificates.userId,
        holderName: certificates.holderName,
        title: certificates.activityTitle,
        place: certificates.place,
      })
      .from(certificates)
      .where(eq(certificates.activityId, activityId));
    for (const person of people)
      expect(stored.find((row) => row.userId === person.id)).toEqual({
        userId: person.id,
        holderName: person.displayName,
        title,
        place: '公園, "北" {門}',
      });
  });
});

describe('R-PT-9: the rank-up notice, once per rank', () => {
  it('announces Bronze at the first check-in only, in the inbox and in the answer', async () => {
    const userId = await resident();
    const [a, b] = [await activityToday({ capacity: null }), await activityToday({ capacity: null })];
    const first = (await scan(userId, { token: await tokenOf(a) })).json<CheckInAnswer>();
    expect(first.rankUp).toEqual({ rankName: { ja: 'ブロンズ', en: 'Bronze' } });
    const second = (await scan(userId, { token: await tokenOf(b) })).json<CheckInAnswer>();
    expect(second).toMatchObject({ outcome: 'checked_in', rankUp: null });
    const notices = await test.database.db
      .select({ kind: notifications.kind, params: notifications.params, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.userId, userId));
    expect(notices).toEqual([{ kind: 'rank_up', params: { rankName: 'ブロンズ' }, link: '/points' }]);
  });

  it('never announces a rank twice, even when the count reaches it again', async () => {
    const userId = await resident();
    const { rankAnnouncements } = await import('../../db/schema.ts');
    await test.database.db
      .insert(rankAnnouncements)
      .values({ userId, rank: 'bronze', createdAt: new Date() });
    const answer = (
      await scan(userId, { token: await tokenOf(await activityToday({ capacity: null })) })
    ).json<CheckInAnswer>();
    expect(answer).toMatchObject({ outcome: 'checked_in', rankUp: null });
    expect(await test.database.db.$count(notifications, eq(notifications.userId, userId))).toBe(0);
  });
});

describe('writeCheckIn: the database keys alone keep it to one (no read first)', () => {
  async function writeInput(userId: string, activityId: string) {
    const { checkInKeys } = await import('./signing.ts');
    const { defaultRanks } = await import('@kumamoto/domain');
    return {
      activity: {
        id: activityId,
        title: '白川河川敷のまち清掃',
        groupName,
        place: '白川公園',
        startsAt: new Date(dayStart),
        endsAt: new Date(dayEnd),
      },
      userId,
      holderName: '熊本 花子',
      walkIn: true,
      method: 'qr' as const,
      now: new Date(now),
      participationsBefore: 0,
      keys: checkInKeys(test.config.signingKeySecret),
      ranks: defaultRanks,
    };
  }

  it('of 10 identical writes racing, one inserts and nine insert nothing', async () => {
    const { writeCheckIn } = await import('./write-check-in.ts');
    const activityId = await activityToday({ capacity: null });
    const userId = await resident();
    const input = await writeInput(userId, activityId);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => writeCheckIn(test.database.db, input)),
    );
    expect(results.filter((result) => result.inserted)).toHaveLength(1);
    expect(await writtenFor(test.database.db, userId)).toEqual({
      attendances: 1,
      grants: 1,
      certificates: 1,
    });
    expect(await test.database.db.$count(notifications, eq(notifications.userId, userId))).toBe(1);
  });

  it('a check-in that cannot be written (its person is gone) fails alone, not the others written with it', async () => {
    const { writeCheckIn } = await import('./write-check-in.ts');
    const activityId = await activityToday({ capacity: null });
    const people = await Promise.all(Array.from({ length: 4 }, () => resident()));
    const gone = '00000000-0000-4000-8000-000000000000';
    const results = await Promise.allSettled(
      [...people.slice(0, 2), gone, ...people.slice(2)].map(async (userId) =>
        writeCheckIn(test.database.db, await writeInput(userId, activityId)),
      ),
    );
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    for (const userId of people)
      expect(await writtenFor(test.database.db, userId, activityId)).toEqual({
        attendances: 1,
        grants: 1,
        certificates: 1,
      });
  });
});
