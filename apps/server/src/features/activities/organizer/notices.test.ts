import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityNotices, notifications } from '../../../db/schema.ts';
import { createActivity } from '../../../test/activity-factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { auditOf, call, cast, enrol, inbox, person, rowCount, type Cast } from './test-support.ts';

let test: TestApp;
let c: Cast;
let activityId: string;

beforeAll(async () => {
  test = await createTestApp();
  c = await cast(test);
  ({ activityId } = await createActivity(test.database.db, c.groupId, {
    title: '公園のまち清掃',
    startsAt: new Date('2026-06-20T10:00:00+09:00'),
    endsAt: new Date('2026-06-20T12:00:00+09:00'),
    capacity: 1,
  }));
});
afterAll(() => test.close());

const send = (body: unknown, who = c.admin, id = activityId) =>
  call(test, who, 'POST', `/api/organizer/activities/${id}/notices`, { body });

describe('notices to participants (R-ACT-4)', () => {
  it('reach the inbox of everyone applied or waiting, and of no one else', async () => {
    const [applied, waiting, outsider] = [await person(test), await person(test), await person(test)];
    await enrol(test, activityId, applied.id, 'applied');
    await enrol(test, activityId, waiting.id, 'waitlisted');
    const response = await send('集合場所が北口に変わりました。ご不明な点は 096-000-0000 まで。', c.member);
    expect(response.statusCode).toBe(201);
    const { id, recipientCount } = response.json<{ id: string; recipientCount: number }>();
    expect(recipientCount).toBe(2);
    for (const who of [applied, waiting]) {
      expect(await inbox(test, who.id)).toEqual([
        expect.objectContaining({
          kind: 'activity_notice',
          params: { activityTitle: '公園のまち清掃' },
          link: `/volunteer/activities/${activityId}`,
        }),
      ]);
      // The resident reads it through the ordinary inbox route.
      const listed = await call(test, who, 'GET', '/api/notifications');
      expect(listed.body).toContain('activity_notice');
    }
    expect(await inbox(test, outsider.id)).toEqual([]);
    expect((await auditOf(test, 'activity.notice_sent', activityId))[0]).toMatchObject({
      actorUserId: c.member.id,
      details: { noticeId: id, recipientCount: 2 },
    });

    const list = await call(test, c.admin, 'GET', `/api/organizer/activities/${activityId}/notices`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ notices: unknown[] }>().notices).toEqual([
      {
        id,
        kind: 'message',
        body: '集合場所が北口に変わりました。ご不明な点は 096-000-0000 まで。',
        params: {},
        sentAt: test.clock.now().toISOString(),
        recipientCount: 2,
      },
    ]);
  });

  it('keep HTML as text', async () => {
    test.clock.advance(60_000);
    const response = await send('<b>持ち物</b><script>alert(1)</script>');
    expect(response.statusCode).toBe(201);
    const list = await call(test, c.admin, 'GET', `/api/organizer/activities/${activityId}/notices`);
    expect(list.json<{ notices: { body: string }[] }>().notices[0]?.body).toBe(
      '<b>持ち物</b><script>alert(1)</script>',
    );
  });

  it('refuse an empty, too long or control-character text; nothing sent', async () => {
    const [notices, inboxRows] = [await rowCount(test, activityNotices), await rowCount(test, notifications)];
    for (const [body, code] of [
      ['', 'activity_notice_empty'],
      ['  \n', 'activity_notice_empty'],
      ['あ'.repeat(2001), 'activity_notice_too_long'],
      ['こんにちは\u001b[31m', 'activity_text_forbidden_characters'],
    ] as const) {
      const response = await send(body);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code });
    }
    expect(await rowCount(test, activityNotices)).toBe(notices);
    expect(await rowCount(test, notifications)).toBe(inboxRows);
  });

  it('are refused for a draft, and to another resident and the signed out', async () => {
    const { activityId: draftId } = await createActivity(test.database.db, c.groupId, {
      visibility: 'draft',
    });
    const draft = await send('お知らせ', c.admin, draftId);
    expect(draft.statusCode).toBe(409);
    expect(draft.json()).toMatchObject({ code: 'activity_not_published' });
    const before = await rowCount(test, activityNotices);
    expect((await send('お知らせ', c.other)).statusCode).toBe(403);
    expect((await send('お知らせ', c.signedOut)).statusCode).toBe(401);
    expect(
      (await call(test, c.other, 'GET', `/api/organizer/activities/${activityId}/notices`)).statusCode,
    ).toBe(403);
    expect(await rowCount(test, activityNotices)).toBe(before);
  });

  it('may still be sent after the activity ended (a thank-you)', async () => {
    const { activityId: past } = await createActivity(test.database.db, c.groupId, {
      startsAt: new Date('2026-05-01T10:00:00+09:00'),
      endsAt: new Date('2026-05-01T12:00:00+09:00'),
    });
    expect((await send('ご参加ありがとうございました。', c.admin, past)).statusCode).toBe(201);
  });
});
