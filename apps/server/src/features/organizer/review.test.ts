import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  auditEvents,
  devMailbox,
  notifications,
  organizerApplications,
  organizerGroups,
  organizerMembers,
  users,
} from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { completeDraft, person, request, rowCount, submitted, type Person } from './test-support.ts';

let test: TestApp;
let applicant: Person;
let reviewer: Person;
let cityAdmin: Person;
let resident: Person;

beforeAll(async () => {
  // Approval in the middle of fiscal year 2026 (R-ORG-6: rights to 2027-03-31).
  test = await createTestApp({ now: '2026-06-01T10:00:00+09:00' });
  applicant = await person(test);
  reviewer = await person(test, { roles: ['city_reviewer'] });
  cityAdmin = await person(test, { roles: ['city_admin'] });
  resident = await person(test);
});
afterAll(async () => test.close());

describe('review queue (R-ORG-5): filter by state, category and age; paged', () => {
  it('shows submitted applications oldest first to reviewers, and refuses residents', async () => {
    const first = await submitted(test, applicant, 'キュー一番の会');
    test.clock.advance(3 * 24 * 60 * 60 * 1000);
    const second = await submitted(test, applicant, 'キュー二番の会');
    const queue = await request(test, reviewer, 'GET', '/api/city/organizer/applications');
    expect(queue.statusCode).toBe(200);
    const ids = queue.json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    const old = await request(test, reviewer, 'GET', '/api/city/organizer/applications?minAgeDays=2');
    expect(old.json<{ items: { id: string }[] }>().items.map((item) => item.id)).toEqual([first]);
    const npo = await request(
      test,
      reviewer,
      'GET',
      '/api/city/organizer/applications?category=certified_npo',
    );
    expect(npo.json()).toMatchObject({ items: [], total: 0, page: 1 });
    const drafts = await request(test, reviewer, 'GET', '/api/city/organizer/applications?status=returned');
    expect(drafts.json()).toMatchObject({ total: 0 });
    const bad = await request(test, reviewer, 'GET', '/api/city/organizer/applications?status=nonsense');
    expect(bad.statusCode).toBe(400);
    const refused = await request(test, resident, 'GET', '/api/city/organizer/applications');
    expect(refused.statusCode).toBe(403);
  });
});

describe('open, return, resubmit, approve (R-ORG-5, R-ORG-6, item 8 audit)', () => {
  it('runs a full round: return with reason → edit → resubmit → approve, history visible to both sides', async () => {
    const id = await submitted(test, applicant, '往復の会');

    const opened = await request(test, reviewer, 'GET', `/api/city/organizer/applications/${id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      status: 'submitted',
      applicant: { id: applicant.id },
      details: { representative: '会長 熊本 太郎', officerList: { mediaType: 'application/pdf' } },
      actions: [{ event: 'application.approve' }, { event: 'application.return', reason: 'required' }],
    });
    const viewed = await test.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'organizer.application.viewed'), eq(auditEvents.subjectId, id)));
    expect(viewed).toHaveLength(1);
    expect(viewed[0]?.actorUserId).toBe(reviewer.id);

    // A reviewer opening a document is audited too.
    const documentId = opened.json<{ details: { bylaws: { id: string } } }>().details.bylaws.id;
    const document = await request(
      test,
      reviewer,
      'GET',
      `/api/organizer/documents/${documentId}?application=${id}`,
    );
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toBe('image/png');
    const docAudit = await test.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'organizer.document.viewed'));
    expect(docAudit.map((event) => event.subjectId)).toContain(documentId);

    // Return needs a written reason; refused without one, nothing changed.
    const blank = await request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/return`, {
      reason: '   ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json()).toMatchObject({ code: 'organizer_reason_required' });
    const tooLong = await request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/return`, {
      reason: 'あ'.repeat(2001),
    });
    expect(tooLong.json()).toMatchObject({ code: 'organizer_reason_too_long' });
    const [still] = await test.database.db
      .select()
      .from(organizerApplications)
      .where(eq(organizerApplications.id, id));
    expect(still?.status).toBe('submitted');

    const returned = await request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/return`, {
      reason: '会則の写真が読み取れません。もう一度撮影してください。',
    });
    expect(returned.statusCode).toBe(204);
    const inbox = await test.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, applicant.id));
    expect(inbox.map((item) => item.kind)).toContain('organizer.application_returned');

    // The applicant edits and resubmits (round 2).
    const edited = await request(test, applicant, 'PUT', `/api/organizer/applications/${id}`, {
      ...(await completeDraft(test, applicant, '往復の会')),
      overview: '撮り直した会則を添付しました。',
    });
    expect(edited.statusCode).toBe(204);
    const resubmit = await request(test, applicant, 'POST', `/api/organizer/applications/${id}/submit`);
    expect(resubmit.statusCode).toBe(204);

    const approve = await request(
      test,
      reviewer,
      'POST',
      `/api/city/organizer/applications/${id}/approve`,
      {},
    );
    expect(approve.statusCode).toBe(200);
    const { groupId } = approve.json<{ groupId: string }>();

    const mine = await request(test, applicant, 'GET', `/api/organizer/applications/${id}`);
    expect(mine.json()).toMatchObject({
      status: 'approved',
      round: 2,
      groupId,
      history: [
        { event: 'application.create' },
        { event: 'application.submit', round: 1 },
        {
          event: 'application.return',
          round: 1,
          reason: '会則の写真が読み取れません。もう一度撮影してください。',
        },
        { event: 'application.resubmit', round: 2 },
        { event: 'application.approve', round: 2 },
      ],
      actions: [],
    });

    // R-ORG-5: the applicant is the administrator; R-ORG-6: rights to 31 March of this fiscal year.
    const group = await request(test, applicant, 'GET', `/api/organizer/groups/${groupId}`);
    expect(group.json()).toMatchObject({
      role: 'admin',
      status: 'active',
      effectiveStatus: 'active',
      rightsEnd: '2027-03-31',
      details: { name: '往復の会', overview: '撮り直した会則を添付しました。' },
      members: [{ userId: applicant.id, role: 'admin' }],
    });
    const approvedNotice = await test.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, applicant.id), eq(notifications.kind, 'organizer.application_approved')),
      );
    expect(approvedNotice[0]?.params).toMatchObject({ groupName: '往復の会', rightsEnd: '2027-03-31' });

    const actions = (
      await test.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id))
    ).map((event) => event.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'organizer.application.submit',
        'organizer.application.return',
        'organizer.application.resubmit',
        'organizer.application.approve',
      ]),
    );
  });

  it('refuses acting on an application in the wrong state, and residents acting as reviewers', async () => {
    const id = await submitted(test, applicant, '状態違いの会');
    const byResident = await request(
      test,
      resident,
      'POST',
      `/api/city/organizer/applications/${id}/approve`,
      {},
    );
    expect(byResident.statusCode).toBe(403);
    const byApplicant = await request(
      test,
      applicant,
      'POST',
      `/api/city/organizer/applications/${id}/approve`,
      {},
    );
    expect(byApplicant.statusCode).toBe(403);
    const ok = await request(test, cityAdmin, 'POST', `/api/city/organizer/applications/${id}/approve`, {});
    expect(ok.statusCode).toBe(200);
    const returnApproved = await request(
      test,
      reviewer,
      'POST',
      `/api/city/organizer/applications/${id}/return`,
      {
        reason: '遅すぎた差し戻し',
      },
    );
    expect(returnApproved.statusCode).toBe(409);
    expect(returnApproved.json()).toMatchObject({ code: 'organizer_wrong_state' });
    const withdraw = await request(test, applicant, 'POST', `/api/organizer/applications/${id}/withdraw`, {});
    expect(withdraw.json()).toMatchObject({ code: 'organizer_wrong_state' });
  });

  it('does not show drafts to reviewers, nor approve them', async () => {
    const created = await request(
      test,
      applicant,
      'POST',
      '/api/organizer/applications',
      await completeDraft(test, applicant, '下書きのままの会'),
    );
    const { id } = created.json<{ id: string }>();
    expect((await request(test, reviewer, 'GET', `/api/city/organizer/applications/${id}`)).statusCode).toBe(
      404,
    );
    const approve = await request(
      test,
      reviewer,
      'POST',
      `/api/city/organizer/applications/${id}/approve`,
      {},
    );
    expect(approve.json()).toMatchObject({ code: 'organizer_wrong_state' });
  });

  it('approves once when two reviewers approve at the same moment (one group, one administrator)', async () => {
    const id = await submitted(test, applicant, '同時承認の会');
    const groupsBefore = await rowCount(test, organizerGroups);
    const results = await Promise.all([
      request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/approve`, {}),
      request(test, cityAdmin, 'POST', `/api/city/organizer/applications/${id}/approve`, {}),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 409]);
    expect(await rowCount(test, organizerGroups)).toBe(groupsBefore + 1);
    const { groupId } = results.find((result) => result.statusCode === 200)!.json<{ groupId: string }>();
    const admins = await test.database.db
      .select()
      .from(organizerMembers)
      .where(eq(organizerMembers.groupId, groupId));
    expect(admins).toEqual([expect.objectContaining({ userId: applicant.id, role: 'admin' })]);
  });
});

describe('notices by e-mail (issue 4 item 7)', () => {
  it('mails the applicant with a confirmed address after a return, without the reason', async () => {
    const withMail = await person(test);
    await test.database.db
      .update(users)
      .set({ email: 'pta-officer@example.jp', emailVerifiedAt: new Date(), locale: 'en' })
      .where(eq(users.id, withMail.id));
    const id = await submitted(test, withMail, 'メールの会');
    const returned = await request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/return`, {
      reason: '内部の所見を含む理由',
    });
    expect(returned.statusCode).toBe(204);
    const mail = await test.database.db
      .select()
      .from(devMailbox)
      .where(eq(devMailbox.toAddress, 'pta-officer@example.jp'));
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('Kumamoto App: a notice about your organizer group');
    expect(mail[0]?.textBody).toContain('メールの会');
    expect(mail[0]?.textBody).toContain(`http://localhost:3000/organizer?application=${id}`);
    expect(mail[0]?.textBody).not.toContain('内部の所見');
  });
});

describe('audit log (R-PRIV-1): city administrators only', () => {
  it('lists events newest first with filters, pages, and records the reading', async () => {
    const response = await request(
      test,
      cityAdmin,
      'GET',
      '/api/city/audit?action=organizer.application&page=1',
    );
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { action: string; occurredAt: string }[]; total: number }>();
    expect(body.total).toBeGreaterThan(3);
    expect(body.items.every((item) => item.action.startsWith('organizer.application'))).toBe(true);
    const times = body.items.map((item) => Date.parse(item.occurredAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const read = await test.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'audit.read'));
    expect(read.map((event) => event.actorUserId)).toContain(cityAdmin.id);
  });

  it('refuses reviewers and residents', async () => {
    expect((await request(test, reviewer, 'GET', '/api/city/audit')).statusCode).toBe(403);
    expect((await request(test, resident, 'GET', '/api/city/audit')).statusCode).toBe(403);
  });
});
