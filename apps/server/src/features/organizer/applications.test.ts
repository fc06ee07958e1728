import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents, organizerApplications, organizerDocuments, organizerEvents } from '../../db/schema.ts';
import { callerFor } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  completeDraft,
  pdfBytes,
  person,
  request,
  rowCount,
  submitted,
  upload,
  type Person,
} from './test-support.ts';

let test: TestApp;
let applicant: Person;

beforeAll(async () => {
  test = await createTestApp();
  applicant = await person(test);
});
afterAll(async () => test.close());

describe('documents (R-ORG-3): sniffed bytes, PDF and images only, size limit', () => {
  it('stores a PDF with its sniffed type, size and SHA-256', async () => {
    const response = await upload(test, applicant, '役員名簿.pdf', pdfBytes, 'image/png');
    expect(response.statusCode).toBe(201);
    const body = response.json<{ id: string; mediaType: string; size: number }>();
    expect(body).toMatchObject({
      mediaType: 'application/pdf',
      size: pdfBytes.length,
      fileName: '役員名簿.pdf',
    });
    const [row] = await test.database.db
      .select()
      .from(organizerDocuments)
      .where(eq(organizerDocuments.id, body.id));
    expect(row?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(row!.content).equals(pdfBytes)).toBe(true);
    const own = await request(test, applicant, 'GET', `/api/organizer/documents/${body.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a file that only claims to be a PDF, an empty file and one over 10 MB; nothing stored', async () => {
    const before = await rowCount(test, organizerDocuments);
    const fake = await upload(
      test,
      applicant,
      'bylaws.pdf',
      Buffer.from('MZ\x90\x00 not a pdf'),
      'application/pdf',
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: 'organizer_document_type' });
    const empty = await upload(test, applicant, 'empty.pdf', Buffer.alloc(0));
    expect(empty.json()).toMatchObject({ code: 'organizer_document_empty' });
    const huge = Buffer.concat([pdfBytes, Buffer.alloc(10 * 1024 * 1024)]);
    const large = await upload(test, applicant, 'huge.pdf', huge);
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'organizer_document_too_large' });
    expect(await rowCount(test, organizerDocuments)).toBe(before);
  });

  it("does not show one resident's document to another", async () => {
    const stranger = await person(test);
    const uploaded = await upload(test, applicant, 'a.pdf', pdfBytes);
    const response = await request(
      test,
      stranger,
      'GET',
      `/api/organizer/documents/${uploaded.json<{ id: string }>().id}`,
    );
    expect(response.statusCode).toBe(404);
  });
});

describe('applications: drafts, submit, withdraw (R-ORG-3, R-ORG-4)', () => {
  it('refuses an unverified resident (R-ORG-4) and a signed-out caller', async () => {
    const unverified = await person(test, { identity: 'unverified' });
    const draft = await completeDraft(test, applicant);
    const refused = await request(test, unverified, 'POST', '/api/organizer/applications', draft);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'verification_required' });
    const anonymous = await request(
      test,
      await callerFor(test),
      'POST',
      '/api/organizer/applications',
      draft,
    );
    expect(anonymous.statusCode).toBe(401);
  });

  it('saves a partial draft, then refuses to submit it until complete, naming each item', async () => {
    const created = await request(test, applicant, 'POST', '/api/organizer/applications', {
      ...(await completeDraft(test, applicant, '下書きの会')),
      representative: '',
      declaration: false,
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const submit = await request(test, applicant, 'POST', `/api/organizer/applications/${id}/submit`);
    expect(submit.statusCode).toBe(400);
    expect(submit.json()).toMatchObject({
      code: 'organizer_application_invalid',
      errors: [
        { path: 'representative', message: '入力してください。' },
        { path: 'declaration', message: '内容を確認し、チェックを入れてください。' },
      ],
    });
    const [row] = await test.database.db
      .select()
      .from(organizerApplications)
      .where(eq(organizerApplications.id, id));
    expect(row?.status).toBe('draft');
  });

  it('refuses a malformed item (address outside the city, R-ORG-1) with nothing saved', async () => {
    const before = await rowCount(test, organizerApplications);
    const response = await request(test, applicant, 'POST', '/api/organizer/applications', {
      ...(await completeDraft(test, applicant, '市外の会')),
      address: '福岡県福岡市中央区天神1-1',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { path: string }[] }>().errors.map((error) => error.path)).toEqual([
      'address',
    ]);
    expect(await rowCount(test, organizerApplications)).toBe(before);
  });

  it("refuses a draft that points at someone else's document", async () => {
    const other = await person(test);
    const theirs = await upload(test, other, 'x.pdf', pdfBytes);
    const response = await request(test, applicant, 'POST', '/api/organizer/applications', {
      ...(await completeDraft(test, applicant, '他人の書類の会')),
      bylaws: { id: theirs.json<{ id: string }>().id },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ path: 'bylaws' }] });
  });

  it('refuses a second open application for the same group name by the same person (spaces and width ignored)', async () => {
    await submitted(test, applicant, '手取地区まちづくり委員会');
    const before = await rowCount(test, organizerApplications);
    const again = await request(test, applicant, 'POST', '/api/organizer/applications', {
      ...(await completeDraft(test, applicant, '手取地区　まちづくり委員会')),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'organizer_duplicate_application' });
    expect(await rowCount(test, organizerApplications)).toBe(before);
    // Someone else may apply for a group of that name.
    const other = await person(test);
    const theirs = await request(test, other, 'POST', '/api/organizer/applications', {
      ...(await completeDraft(test, other, '手取地区まちづくり委員会')),
    });
    expect(theirs.statusCode).toBe(201);
  });

  it('submits with a snapshot in the history and an audit event; a second submit is the wrong state', async () => {
    const id = await submitted(test, applicant, '提出テストの会');
    const view = await request(test, applicant, 'GET', `/api/organizer/applications/${id}`);
    expect(view.json()).toMatchObject({
      status: 'submitted',
      round: 1,
      history: [{ event: 'application.create' }, { event: 'application.submit', round: 1 }],
      actions: [{ event: 'application.withdraw' }],
    });
    const again = await request(test, applicant, 'POST', `/api/organizer/applications/${id}/submit`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'organizer_wrong_state' });
    const edit = await request(
      test,
      applicant,
      'PUT',
      `/api/organizer/applications/${id}`,
      await completeDraft(test, applicant, '提出テストの会'),
    );
    expect(edit.json()).toMatchObject({ code: 'organizer_wrong_state' });
    const audits = await test.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audits.map((event) => event.action)).toEqual(
      expect.arrayContaining(['organizer.application.created', 'organizer.application.submit']),
    );
  });

  it('withdraws an open application, which frees the name; a withdrawn one cannot be submitted', async () => {
    const id = await submitted(test, applicant, '取り下げの会');
    const withdraw = await request(test, applicant, 'POST', `/api/organizer/applications/${id}/withdraw`, {
      reason: '申請先を誤りました',
    });
    expect(withdraw.statusCode).toBe(204);
    const submit = await request(test, applicant, 'POST', `/api/organizer/applications/${id}/submit`);
    expect(submit.json()).toMatchObject({ code: 'organizer_wrong_state' });
    const again = await request(
      test,
      applicant,
      'POST',
      '/api/organizer/applications',
      await completeDraft(test, applicant, '取り下げの会'),
    );
    expect(again.statusCode).toBe(201);
  });

  it("hides another resident's application (404, no state revealed) and refuses their actions", async () => {
    const id = await submitted(test, applicant, '他人からは見えない会');
    const stranger = await person(test);
    const before = await rowCount(test, organizerEvents);
    for (const [method, path] of [
      ['GET', ''],
      ['PUT', ''],
      ['POST', '/submit'],
      ['POST', '/withdraw'],
    ] as const) {
      const body =
        method === 'PUT' ? await completeDraft(test, stranger, 'x') : method === 'POST' ? {} : undefined;
      const response = await request(
        test,
        stranger,
        method,
        `/api/organizer/applications/${id}${path}`,
        body,
      );
      expect(response.statusCode, `${method} ${path}`).toBe(404);
    }
    expect(await rowCount(test, organizerEvents)).toBe(before);
  });

  it('lists my applications only', async () => {
    const mine = await request(test, applicant, 'GET', '/api/organizer/applications');
    const other = await person(test);
    const theirs = await request(test, other, 'GET', '/api/organizer/applications');
    expect(mine.json<{ items: unknown[] }>().items.length).toBeGreaterThan(2);
    expect(theirs.json()).toEqual({ items: [] });
  });

  it('tells a group that cannot apply about co-hosting (R-ORG-2)', async () => {
    const response = await request(test, applicant, 'POST', '/api/organizer/eligibility', {
      category: 'none',
      mainOfficeInCity: true,
    });
    expect(response.json()).toEqual({ eligible: false, reason: 'not_an_eligible_category' });
    const guidance = await request(test, applicant, 'GET', '/api/organizer/guidance');
    expect(guidance.json()).toMatchObject({
      coHosting: { title: { ja: '共催で活動できます' } },
      memberLimit: 3,
    });
  });
});
