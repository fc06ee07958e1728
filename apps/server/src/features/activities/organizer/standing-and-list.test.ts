import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, organizerRequests } from '../../../db/schema.ts';
import { createActivity, createGroup } from '../../../test/activity-factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { activityRow, call, cast, completeForm, rowCount, type Cast, idOf } from './test-support.ts';

let test: TestApp;
let c: Cast;

beforeAll(async () => {
  test = await createTestApp();
  c = await cast(test);
});
afterAll(() => test.close());

const create = (who = c.admin, body: unknown = completeForm(), groupId = c.groupId, language = 'ja') =>
  call(test, who, 'POST', `/api/organizer/groups/${groupId}/activities`, body, language);

describe('groups that may not create activities (R-ORG-6, R-ORG-8, R-ORG-10)', () => {
  const cases = [
    { name: 'suspended', group: { status: 'suspended' as const }, code: 'organizer_group_suspended' },
    { name: 'ended', group: { status: 'ended' as const }, code: 'organizer_group_ended' },
    { name: 'lapsed', group: { rightsEnd: '2026-03-31' }, code: 'organizer_group_lapsed' },
  ];
  it.each(cases)(
    'refuses creating and publishing in a $name group; nothing changes',
    async ({ group, code }) => {
      const { groupId } = await createGroup(test.database.db, { adminUserId: c.admin.id, ...group });
      const { activityId } = await createActivity(test.database.db, groupId, { visibility: 'draft' });
      const before = await rowCount(test, activities);
      const created = await create(c.admin, completeForm({ visibility: 'draft' }), groupId);
      expect(created.statusCode).toBe(409);
      expect(created.json()).toMatchObject({ code });
      const published = await call(test, c.admin, 'POST', `/api/organizer/activities/${activityId}/publish`, {
        visibility: 'public',
        eligibility: completeForm().eligibility,
      });
      expect(published.json()).toMatchObject({ code });
      expect(await rowCount(test, activities)).toBe(before);
      expect((await activityRow(test, activityId))?.visibility).toBe('draft');
      const view = await call(test, c.admin, 'GET', `/api/organizer/activities/${activityId}`);
      expect(view.json()).toMatchObject({ allowedActions: { publish: false, delete: true } });
    },
  );

  it('refuses creation while a change application is pending, and allows it again once decided', async () => {
    const { groupId } = await createGroup(test.database.db, { adminUserId: c.admin.id });
    const now = test.clock.now();
    const [pending] = await test.database.db
      .insert(organizerRequests)
      .values({ groupId, kind: 'change', status: 'pending', details: {}, createdAt: now, updatedAt: now })
      .returning();
    const refused = await create(c.admin, completeForm(), groupId);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'activity_group_change_pending' });
    await test.database.db
      .update(organizerRequests)
      .set({ status: 'approved' })
      .where(eq(organizerRequests.id, pending!.id));
    expect((await create(c.admin, completeForm(), groupId)).statusCode).toBe(201);
  });
});

describe('the group list and the edit view', () => {
  it('lists the group activities with counts, and shows the share link and actions to organizers only', async () => {
    const { groupId, name } = await createGroup(test.database.db, {
      adminUserId: c.admin.id,
      memberUserIds: [c.member.id],
    });
    const draftId = idOf(await create(c.admin, { title: '下書きの活動', visibility: 'draft' }, groupId));
    const publicId = idOf(await create(c.admin, completeForm(), groupId));
    const list = await call(test, c.member, 'GET', `/api/organizer/groups/${groupId}/activities`);
    expect(list.statusCode).toBe(200);
    const items = list.json<{ activities: { id: string }[] }>().activities;
    expect(items.map((a) => a.id).sort()).toEqual([draftId, publicId].sort());
    expect(items.find((a) => a.id === publicId)).toMatchObject({
      state: 'public',
      availability: 'open',
      groupName: name,
      applicantCount: 0,
      waitlistCount: 0,
      checkedInCount: 0,
      capacity: 30,
    });
    expect(items.find((a) => a.id === draftId)).toMatchObject({
      state: 'draft',
      startsAt: null,
      availability: 'not_open',
    });
    expect((await call(test, c.other, 'GET', `/api/organizer/groups/${groupId}/activities`)).statusCode).toBe(
      403,
    );
    expect(
      (await call(test, c.signedOut, 'GET', `/api/organizer/groups/${groupId}/activities`)).statusCode,
    ).toBe(401);

    const view = await call(test, c.member, 'GET', `/api/organizer/activities/${publicId}`);
    expect(view.statusCode).toBe(200);
    const row = await activityRow(test, publicId);
    expect(view.json()).toMatchObject({
      activity: {
        id: publicId,
        groupId,
        state: 'public',
        title: completeForm().title,
        startsAt: '2026-06-20T01:00:00.000Z',
        location: { lat: 32.8, lng: 130.71 },
        shareUrl: `http://localhost:3000/volunteer/activities/${publicId}?share=${row!.shareToken}`,
      },
      allowedActions: {
        edit: true,
        publish: false,
        change_visibility: true,
        cancel: true,
        delete: false,
        send_notice: true,
      },
      groupRefusal: null,
    });
    expect((await call(test, c.other, 'GET', `/api/organizer/activities/${publicId}`)).statusCode).toBe(403);
    expect((await call(test, c.signedOut, 'GET', `/api/organizer/activities/${publicId}`)).statusCode).toBe(
      401,
    );
  });
});
