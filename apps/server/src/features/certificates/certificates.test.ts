import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, certificates, notifications, organizerGroups } from '../../db/schema.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { issueTestCertificate, type IssuedCertificate } from './test-support.ts';

let test: TestApp;
let holder: { id: string };
let mine: IssuedCertificate;

beforeAll(async () => {
  test = await createTestApp();
  holder = await createUser(test.database.db, { identity: 'verified', displayName: '熊本 花子' });
  mine = await issueTestCertificate(test, { userId: holder.id, holderName: '熊本 花子' });
});
afterAll(() => test?.close());

let address = 0;
async function call(
  userId: string | undefined,
  method: 'GET' | 'POST',
  url: string,
  body?: Record<string, unknown>,
) {
  const caller = await callerFor(test, userId);
  return test.app.inject({
    method,
    url,
    headers: caller.headers,
    // Each call from its own address: the verification route's own rate limit stays out of it.
    remoteAddress: `10.0.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
    ...(body ? { payload: body } : {}),
  });
}

function verification(serial: string, query: Record<string, string> = {}) {
  const search = new URLSearchParams(query).toString();
  return call(undefined, 'GET', `/api/certificates/${encodeURIComponent(serial)}/verification?${search}`);
}

async function auditOf(action: string) {
  return test.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

describe('my certificates (R-PT-10): listed and downloaded by their holder only', () => {
  it('lists my certificates, the latest activity first, and nobody else’s', async () => {
    const later = await issueTestCertificate(test, {
      userId: holder.id,
      activityTitle: '江津湖の外来植物駆除',
      startsAt: new Date('2025-09-14T13:00:00+09:00'),
      endsAt: new Date('2025-09-14T15:00:00+09:00'),
    });
    await issueTestCertificate(test, { holderName: '水前寺 一郎' });
    const response = await call(holder.id, 'GET', '/api/me/certificates');
    expect(response.statusCode).toBe(200);
    const { certificates: list } = response.json<{ certificates: { serial: string; revoked: boolean }[] }>();
    expect(list.map((item) => item.serial)).toEqual([later.serial, mine.serial]);
    expect(list[1]).toEqual({
      serial: mine.serial,
      activityTitle: '【白川校区】白川河川敷の清掃活動',
      groupName: '白川校区まちづくり委員会',
      startsAt: '2025-06-01T00:00:00.000Z',
      endsAt: '2025-06-01T02:30:00.000Z',
      place: '白川河川敷（代継橋下）',
      issuedAt: '2025-06-01T02:25:00.000Z',
      revoked: false,
    });
  });

  it('needs a resident verified with the My Number Card', async () => {
    const unverified = await createUser(test.database.db);
    const response = await call(unverified.id, 'GET', '/api/me/certificates');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'verification_required' });
  });

  it('downloads my certificate as a PDF, in Japanese or English', async () => {
    for (const lang of ['ja', 'en']) {
      const response = await call(holder.id, 'GET', `/api/me/certificates/${mine.serial}/pdf?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['cache-control']).toBe('private, no-store');
      expect(response.headers['content-disposition']).toContain(
        `${mine.serial}${lang === 'en' ? '-en' : ''}.pdf`,
      );
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('reads a serial typed loosely, as printed', async () => {
    const typed = mine.serial.toLowerCase().replace(/-/g, ' ');
    const response = await call(holder.id, 'GET', `/api/me/certificates/${encodeURIComponent(typed)}/pdf`);
    expect(response.statusCode).toBe(200);
  });

  it('answers someone else’s serial as not found, revealing nothing', async () => {
    const other = await createUser(test.database.db, { identity: 'verified' });
    const response = await call(other.id, 'GET', `/api/me/certificates/${mine.serial}/pdf`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'certificate_not_found' });
  });
});

describe('a server without a Japanese font', () => {
  it('answers the download with a clear 503 (and logs what the operator must do), not a broken PDF', async () => {
    const other = await createTestApp({
      database: test.database,
      env: { CERTIFICATE_FONT_FILE: '/nonexistent/certificate-font.ttf' },
    });
    try {
      const caller = await callerFor(other, holder.id);
      const response = await other.app.inject({
        method: 'GET',
        url: `/api/me/certificates/${mine.serial}/pdf`,
        headers: caller.headers,
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'certificate_font_unavailable' });
    } finally {
      await other.app.close();
    }
  });
});

describe('public verification (R-PT-10): authentic and unchanged, or revoked', () => {
  it('confirms an authentic certificate from its QR code, with name and activity, signed out', async () => {
    const response = await verification(mine.serial, { s: mine.signature });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      status: 'authentic',
      serial: mine.serial,
      holderName: '熊本 花子',
      activityTitle: '【白川校区】白川河川敷の清掃活動',
      groupName: '白川校区まちづくり委員会',
      place: '白川河川敷（代継橋下）',
      startsAt: '2025-06-01T00:00:00.000Z',
      endsAt: '2025-06-01T02:30:00.000Z',
      issuedAt: '2025-06-01T02:25:00.000Z',
    });
    const audit = (await auditOf('certificate.verification')).find(
      (event) => event.details.serial === mine.serial,
    );
    expect(audit?.details).toMatchObject({ outcome: 'authentic', evidence: 'signature' });
  });

  it('confirms from a paper copy with the holder name as printed, however it is spaced', async () => {
    const response = await verification(mine.serial, { name: '熊本　花子' });
    expect(response.json()).toMatchObject({ status: 'authentic', holderName: '熊本 花子' });
  });

  it.each<[string, () => Record<string, string>]>([
    ['no evidence', () => ({})],
    ['a forged signature', () => ({ s: Buffer.alloc(64, 7).toString('base64url') })],
    ['a signature changed in one character', () => ({ s: flipFirstChar(mine.signature) })],
    ['garbage for a signature', () => ({ s: 'not-a-signature' })],
    ['the wrong name', () => ({ name: '熊本 太郎' })],
  ])('answers not_found, and nothing more, for %s', async (_case, query) => {
    const response = await verification(mine.serial, query());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'not_found', serial: mine.serial });
  });

  it('answers not_found for a serial nobody issued and for a mistyped one', async () => {
    const unknown = 'KMA-2025-0000-000K';
    expect((await verification(unknown, { s: mine.signature })).json()).toMatchObject({
      status: 'not_found',
    });
    const typo = mine.serial.slice(0, -1) + (mine.serial.endsWith('A') ? 'B' : 'A');
    expect((await verification(typo, { s: mine.signature })).json()).toEqual({
      status: 'not_found',
      serial: typo,
    });
    const events = await auditOf('certificate.verification');
    expect(events.map((event) => event.details.cause)).toEqual(
      expect.arrayContaining(['no_such_serial', 'serial_mistyped', 'evidence_mismatch']),
    );
  });

  it('says altered when a stored field no longer matches its signature, and audits it', async () => {
    const altered = await issueTestCertificate(test, { holderName: '坂本 由美' });
    const before = await verification(altered.serial, { s: altered.signature });
    expect(before.json()).toMatchObject({ status: 'authentic' });
    await test.database.db
      .update(certificates)
      .set({ endsAt: new Date('2025-06-01T17:30:00+09:00') })
      .where(eq(certificates.serial, altered.serial));
    const response = await verification(altered.serial, { s: altered.signature });
    expect(response.json()).toEqual({ status: 'altered', serial: altered.serial });
    const [event] = (await auditOf('certificate.altered_detected')).filter(
      (row) => row.details.serial === altered.serial,
    );
    expect(event?.details).toMatchObject({ cause: 'record_signature_invalid' });
  });

  it('answers not_found once the holder deleted the account (the name is gone)', async () => {
    const gone = await issueTestCertificate(test, { holderName: '江津 さくら' });
    await test.database.db
      .update(certificates)
      .set({ holderName: null, userId: null })
      .where(eq(certificates.serial, gone.serial));
    expect((await verification(gone.serial, { s: gone.signature })).json()).toEqual({
      status: 'not_found',
      serial: gone.serial,
    });
  });

  it('is rate-limited per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/certificates/${mine.serial}/verification`,
        remoteAddress: '192.0.2.77',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('revocation by the city (certificate.revoke: city_admin)', () => {
  let admin: { id: string };
  let target: IssuedCertificate;

  beforeAll(async () => {
    admin = await createUser(test.database.db, { roles: ['city_admin'] });
    target = await issueTestCertificate(test, { holderName: '田中 誠' });
  });

  it('shows the certificate to the city before revoking, audited', async () => {
    const response = await call(admin.id, 'GET', `/api/city/certificates/${target.serial.toLowerCase()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ serial: target.serial, holderName: '田中 誠', revokedAt: null });
    const events = await auditOf('certificate.view');
    expect(
      events.some((event) => event.actorUserId === admin.id && event.details.serial === target.serial),
    ).toBe(true);
  });

  it.each([
    ['', 'certificate_reason_required', 400],
    ['   ', 'certificate_reason_required', 400],
    ['あ'.repeat(501), 'certificate_reason_too_long', 400],
  ])('refuses the reason %j, nothing changed', async (reason, code, status) => {
    const response = await call(admin.id, 'POST', `/api/city/certificates/${target.serial}/revoke`, {
      reason,
    });
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ code });
    const [row] = await test.database.db
      .select()
      .from(certificates)
      .where(eq(certificates.serial, target.serial));
    expect(row?.revokedAt).toBeNull();
  });

  it('refuses city reviewers and residents', async () => {
    const reviewer = await createUser(test.database.db, { roles: ['city_reviewer'] });
    for (const who of [reviewer.id, target.userId]) {
      const response = await call(who, 'POST', `/api/city/certificates/${target.serial}/revoke`, {
        reason: '誤発行',
      });
      expect(response.statusCode).toBe(403);
    }
  });

  it('refuses a serial that is no serial, and one nobody issued', async () => {
    const malformed = await call(admin.id, 'POST', '/api/city/certificates/ABC-123/revoke', {
      reason: '誤発行',
    });
    expect(malformed.json()).toMatchObject({ code: 'certificate_serial_invalid' });
    const unknown = await call(admin.id, 'POST', '/api/city/certificates/KMA-2025-0000-000K/revoke', {
      reason: '誤発行',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'certificate_not_found' });
  });

  it('revokes with the reason, audited, and tells the holder; the page then says revoked, with the date', async () => {
    const reason = 'アプリの不具合により、参加していない活動の証明書が発行されたため';
    const response = await call(admin.id, 'POST', `/api/city/certificates/${target.serial}/revoke`, {
      reason,
    });
    expect(response.statusCode).toBe(200);
    const revokedAt = test.clock.now().toISOString();
    expect(response.json()).toEqual({ serial: target.serial, revokedAt });

    const [event] = (await auditOf('certificate.revoke')).filter(
      (row) => row.details.serial === target.serial,
    );
    expect(event).toMatchObject({ actorUserId: admin.id, reason, subjectType: 'certificate' });
    const inbox = await test.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, target.userId));
    expect(inbox).toEqual([
      expect.objectContaining({
        kind: 'certificate_revoked',
        params: { serial: target.serial },
        link: '/points/certificates',
      }),
    ]);

    const page = await verification(target.serial, { s: target.signature });
    expect(page.json()).toMatchObject({ status: 'revoked', holderName: '田中 誠', revokedAt });
    expect(JSON.stringify(page.json())).not.toContain(reason);
    // Without the evidence a revoked certificate reads as any unknown one.
    expect((await verification(target.serial)).json()).toEqual({
      status: 'not_found',
      serial: target.serial,
    });

    const list = await call(target.userId, 'GET', '/api/me/certificates');
    expect(list.json()).toMatchObject({ certificates: [{ serial: target.serial, revoked: true }] });
    const pdf = await call(target.userId, 'GET', `/api/me/certificates/${target.serial}/pdf`);
    expect(pdf.statusCode).toBe(410);
    expect(pdf.json()).toMatchObject({ code: 'certificate_revoked' });
  });

  it('refuses to revoke twice', async () => {
    const response = await call(admin.id, 'POST', `/api/city/certificates/${target.serial}/revoke`, {
      reason: 'もう一度',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'certificate_already_revoked' });
  });
});

describe('the paper certificate form (R-PT-10): for the activity’s organizers', () => {
  let admin: { id: string };
  let member: { id: string };
  let activityId: string;

  beforeAll(async () => {
    const { db } = test.database;
    admin = await createUser(db, { identity: 'verified' });
    member = await createUser(db, { identity: 'verified' });
    const { groupId } = await createGroup(db, { adminUserId: admin.id, memberUserIds: [member.id] });
    ({ activityId } = await createActivity(db, groupId));
  });

  it('gives the group’s administrator and members the form as a PDF', async () => {
    for (const who of [admin.id, member.id]) {
      const response = await call(
        who,
        'GET',
        `/api/organizer/activities/${activityId}/paper-certificate.pdf`,
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('refuses another group’s administrator and a resident', async () => {
    const { db } = test.database;
    const otherAdmin = await createUser(db, { identity: 'verified' });
    await createGroup(db, { adminUserId: otherAdmin.id });
    for (const who of [otherAdmin.id, holder.id]) {
      const response = await call(
        who,
        'GET',
        `/api/organizer/activities/${activityId}/paper-certificate.pdf`,
      );
      expect(response.statusCode).toBe(403);
    }
  });

  it('refuses while the group is suspended (R-ORG-10)', async () => {
    const { db } = test.database;
    const suspendedAdmin = await createUser(db, { identity: 'verified' });
    const { groupId } = await createGroup(db, { adminUserId: suspendedAdmin.id });
    const { activityId: suspendedActivity } = await createActivity(db, groupId);
    await db.update(organizerGroups).set({ status: 'suspended' }).where(eq(organizerGroups.id, groupId));
    const response = await call(
      suspendedAdmin.id,
      'GET',
      `/api/organizer/activities/${suspendedActivity}/paper-certificate.pdf`,
    );
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'organizer_group_suspended' });
  });
});

function flipFirstChar(signature: string): string {
  return (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
}
