import { documentTokens, activitySearchText } from '@kumamoto/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityImages } from '../../../db/schema.ts';
import { createGroup } from '../../../test/activity-factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  activityRow,
  auditOf,
  call,
  cast,
  completeForm,
  person,
  rowCount,
  type Cast,
  fieldErrors,
  anyString,
} from './test-support.ts';

let test: TestApp;
let c: Cast;

beforeAll(async () => {
  test = await createTestApp();
  c = await cast(test);
});
afterAll(() => test.close());

const create = (who = c.admin, body: unknown = completeForm(), groupId = c.groupId, language = 'ja') =>
  call(test, who, 'POST', `/api/organizer/groups/${groupId}/activities`, body, language);

describe('creating an activity (R-ACT-2): who may', () => {
  it('lets the administrator and a member create; refuses another resident (403) and the signed out (401)', async () => {
    const before = await rowCount(test, activities);
    expect((await create(c.admin)).statusCode).toBe(201);
    expect((await create(c.member)).statusCode).toBe(201);
    const outsider = await create(c.other);
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json()).toMatchObject({ code: 'forbidden' });
    const anonymous = await create(c.signedOut);
    expect(anonymous.statusCode).toBe(401);
    expect(await rowCount(test, activities)).toBe(before + 2);
  });

  it('refuses a member who is not verified (R-ORG-7)', async () => {
    const unverified = await person(test, { identity: 'unverified' });
    const { groupId } = await createGroup(test.database.db, {
      adminUserId: c.admin.id,
      memberUserIds: [unverified.id],
    });
    const response = await create(unverified, completeForm(), groupId);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'verification_required' });
  });
});

describe('saving a draft and publishing (R-ACT-1)', () => {
  it('saves a half-filled draft, with its search columns and an unguessable share link', async () => {
    const response = await create(c.admin, {
      title: 'まち清掃（下書き）',
      content: '草刈り',
      visibility: 'draft',
    });
    expect(response.statusCode).toBe(201);
    const { id } = response.json<{ id: string }>();
    const row = await activityRow(test, id);
    expect(row).toMatchObject({
      visibility: 'draft',
      publishedAt: null,
      startsAt: null,
      createdByUserId: c.admin.id,
    });
    expect(row?.searchText).toBe(activitySearchText({ ...row!, category: null }));
    expect(row?.searchTokens).toEqual(documentTokens(row!.searchText));
    expect(row?.searchTokens).toContain('清掃');
    expect(row?.shareToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const audit = await auditOf(test, 'activity.created', id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: c.admin.id, details: { visibility: 'draft' } });
  });

  it('publishes at once when complete with all five criteria', async () => {
    const response = await create(c.admin, completeForm({ visibility: 'unlisted' }));
    expect(response.statusCode).toBe(201);
    const row = await activityRow(test, response.json<{ id: string }>().id);
    expect(row).toMatchObject({ visibility: 'unlisted', capacity: 30, category: 'environment' });
    expect(row?.publishedAt).toEqual(test.clock.now());
  });

  it('R-ACT-1, R-ACT-7: refuses to publish with a criterion unticked or a required item (insurance among them) empty; nothing stored', async () => {
    const before = await rowCount(test, activities);
    const response = await create(
      c.admin,
      completeForm({ eligibility: ['unpaid'], contact: '', insurance: null }),
      c.groupId,
      'en',
    );
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ code: string; errors: { path: string; message: string }[] }>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['contact', 'eligibility', 'insurance']);
    expect(problem.errors.find((e) => e.path === 'eligibility')?.message).toBe(
      'To publish, please check and tick every eligibility condition.',
    );
    expect(await rowCount(test, activities)).toBe(before);
  });

  it('refuses an end before the start, even in a draft, in Japanese by default; nothing stored', async () => {
    const before = await rowCount(test, activities);
    const response = await create(
      c.admin,
      completeForm({ visibility: 'draft', endsAt: '2026-06-20T09:00:00+09:00' }),
    );
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response)).toEqual([
      { path: 'endsAt', message: '終了日時は開始日時より後にしてください。' },
    ]);
    expect(await rowCount(test, activities)).toBe(before);
  });

  it('stores HTML and script as plain text, unchanged; refuses control characters', async () => {
    const html = '<script>alert("x")</script><b>清掃</b>';
    const ok = await create(
      c.admin,
      completeForm({ title: html, content: `<img src=x onerror=alert(1)>\n改行` }),
    );
    expect(ok.statusCode).toBe(201);
    const row = await activityRow(test, ok.json<{ id: string }>().id);
    expect(row?.title).toBe(html);
    const edit = await call(test, c.admin, 'GET', `/api/organizer/activities/${row!.id}`);
    expect(edit.json<{ activity: { title: string } }>().activity.title).toBe(html);

    const before = await rowCount(test, activities);
    const bad = await create(c.admin, completeForm({ title: 'まち\u0007清掃' }));
    expect(bad.statusCode).toBe(400);
    expect(fieldErrors(bad)).toEqual([
      { path: 'title', message: expect.stringContaining('使えない文字') as string },
    ]);
    expect(await rowCount(test, activities)).toBe(before);
  });

  it("refuses another group's thumbnail", async () => {
    const otherGroup = await createGroup(test.database.db, { adminUserId: c.other.id });
    const [image] = await test.database.db
      .insert(activityImages)
      .values({
        groupId: otherGroup.groupId,
        bytes: new Uint8Array([0]),
        contentType: 'image/webp',
        width: 1,
        height: 1,
        sha256: 'x',
        createdAt: test.clock.now(),
      })
      .returning({ id: activityImages.id });
    const imageId = image!.id;
    const before = await rowCount(test, activities);
    const response = await create(c.admin, completeForm({ thumbnailImageId: imageId }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'activity_image_not_found' });
    expect(await rowCount(test, activities)).toBe(before);
  });
});

describe('the publish and visibility routes', () => {
  async function draft(overrides: Record<string, unknown> = {}) {
    const response = await create(
      c.admin,
      completeForm({ visibility: 'draft', eligibility: [], ...overrides }),
    );
    return response.json<{ id: string }>().id;
  }
  const allFive = completeForm().eligibility;

  it('publishes a complete draft when all five criteria are ticked now (R-ACT-1)', async () => {
    const id = await draft();
    const missing = await call(test, c.member, 'POST', `/api/organizer/activities/${id}/publish`, {
      visibility: 'public',
      eligibility: allFive.slice(1),
    });
    expect(missing.statusCode).toBe(400);
    expect(fieldErrors(missing)).toEqual([{ path: 'eligibility', message: anyString }]);
    expect((await activityRow(test, id))?.visibility).toBe('draft');

    const published = await call(test, c.member, 'POST', `/api/organizer/activities/${id}/publish`, {
      visibility: 'public',
      eligibility: allFive,
    });
    expect(published.statusCode).toBe(200);
    expect(await activityRow(test, id)).toMatchObject({ visibility: 'public', eligibility: allFive });
    expect(await auditOf(test, 'activity.published', id)).toHaveLength(1);

    const again = await call(test, c.member, 'POST', `/api/organizer/activities/${id}/publish`, {
      visibility: 'public',
      eligibility: allFive,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'activity_not_a_draft' });
  });

  it('refuses to publish a draft whose start has passed', async () => {
    const id = await draft({ startsAt: '2026-05-20T10:00:00+09:00', endsAt: '2026-05-20T12:00:00+09:00' });
    const response = await call(test, c.admin, 'POST', `/api/organizer/activities/${id}/publish`, {
      visibility: 'public',
      eligibility: allFive,
    });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response).map((e: { path: string }) => e.path)).toEqual(['startsAt', 'endsAt']);
  });

  it('switches public and unlisted, audited; a draft has no visibility to switch; never back to draft', async () => {
    const id = (await create(c.admin)).json<{ id: string }>().id;
    const switched = await call(test, c.admin, 'POST', `/api/organizer/activities/${id}/visibility`, {
      visibility: 'unlisted',
    });
    expect(switched.statusCode).toBe(200);
    expect((await activityRow(test, id))?.visibility).toBe('unlisted');
    expect((await auditOf(test, 'activity.visibility_changed', id))[0]).toMatchObject({
      details: { from: 'public', to: 'unlisted' },
    });
    const toDraft = await call(test, c.admin, 'POST', `/api/organizer/activities/${id}/visibility`, {
      visibility: 'draft',
    });
    expect(toDraft.statusCode).toBe(400);
    const viaPut = await call(
      test,
      c.admin,
      'PUT',
      `/api/organizer/activities/${id}`,
      completeForm({ visibility: 'draft' }),
    );
    expect(viaPut.statusCode).toBe(400);
    expect(fieldErrors(viaPut)).toEqual([{ path: 'visibility', message: anyString }]);
    expect((await activityRow(test, id))?.visibility).toBe('unlisted');

    const draftId = await draft();
    const onDraft = await call(test, c.admin, 'POST', `/api/organizer/activities/${draftId}/visibility`, {
      visibility: 'public',
    });
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json()).toMatchObject({ code: 'activity_not_published' });
  });

  it('refuses the routes to another resident and to the signed out', async () => {
    const id = await draft();
    const body = { visibility: 'public', eligibility: allFive };
    expect(
      (await call(test, c.other, 'POST', `/api/organizer/activities/${id}/publish`, body)).statusCode,
    ).toBe(403);
    expect(
      (await call(test, c.signedOut, 'POST', `/api/organizer/activities/${id}/publish`, body)).statusCode,
    ).toBe(401);
    expect((await activityRow(test, id))?.visibility).toBe('draft');
  });
});
