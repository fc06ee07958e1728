import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityApplications, activityNotices } from '../../../db/schema.ts';
import { createActivity } from '../../../test/activity-factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import {
  activityRow,
  auditOf,
  call,
  cast,
  completeForm,
  enrol,
  inbox,
  person,
  rowCount,
  type Cast,
  idOf,
  fieldErrors,
} from './test-support.ts';

let test: TestApp;
let c: Cast;

beforeAll(async () => {
  test = await createTestApp();
  c = await cast(test);
});
afterAll(() => test.close());

const starts = new Date('2026-06-20T10:00:00+09:00');
const ends = new Date('2026-06-20T12:00:00+09:00');

async function published(capacity: number | null = 30) {
  const { activityId } = await createActivity(test.database.db, c.groupId, {
    title: completeForm().title,
    startsAt: starts,
    endsAt: ends,
    capacity,
  });
  return activityId;
}

const put = (id: string, form: Record<string, unknown>, who = c.admin) =>
  call(test, who, 'PUT', `/api/organizer/activities/${id}`, completeForm(form));

async function noticesOf(id: string) {
  return test.database.db.select().from(activityNotices).where(eq(activityNotices.activityId, id));
}

describe('editing (R-ACT-2)', () => {
  it('lets a member edit and refreshes the search columns; refuses another resident and the signed out', async () => {
    const id = await published();
    const response = await put(
      id,
      { title: '地域の防災訓練', content: '避難訓練をします。', category: 'disaster_prevention' },
      c.member,
    );
    expect(response.statusCode).toBe(200);
    const row = await activityRow(test, id);
    expect(row?.searchTokens).toContain('防災');
    expect(row?.searchTokens).not.toContain('清掃');
    expect(await auditOf(test, 'activity.updated', id)).toHaveLength(1);
    expect((await put(id, { title: '乗っ取り' }, c.other)).statusCode).toBe(403);
    expect((await put(id, { title: '乗っ取り' }, c.signedOut)).statusCode).toBe(401);
    expect((await activityRow(test, id))?.title).toBe('地域の防災訓練');
  });

  it('refuses a capacity below the places already taken; nothing changed', async () => {
    const id = await published(5);
    for (let i = 0; i < 3; i++) await enrol(test, id, (await person(test)).id, 'applied');
    const before = await activityRow(test, id);
    const response = await put(id, { capacity: 2, title: '定員を減らす' });
    expect(response.statusCode).toBe(400);
    expect(fieldErrors(response)).toEqual([
      { path: 'capacity', message: 'すでに3人が申し込んでいます。定員は3人以上にしてください。' },
    ]);
    expect(await activityRow(test, id)).toEqual(before);
    expect((await put(id, { capacity: 3 })).statusCode).toBe(200);
  });

  it('promotes from the waiting list when the capacity is raised, and tells the promoted', async () => {
    const id = await published(1);
    const [holder, first, second] = [await person(test), await person(test), await person(test)];
    await enrol(test, id, holder.id, 'applied');
    await enrol(test, id, first.id, 'waitlisted');
    await enrol(test, id, second.id, 'waitlisted');
    expect((await put(id, { capacity: 2 })).statusCode).toBe(200);
    const statuses = await test.database.db
      .select({ userId: activityApplications.userId, status: activityApplications.status })
      .from(activityApplications)
      .where(eq(activityApplications.activityId, id));
    expect(Object.fromEntries(statuses.map((s) => [s.userId, s.status]))).toEqual({
      [holder.id]: 'applied',
      [first.id]: 'applied',
      [second.id]: 'waitlisted',
    });
    expect((await activityRow(test, id))?.applicantCount).toBe(2);
    expect((await inbox(test, first.id)).map((n) => n.kind)).toEqual(['activity_promoted']);
    expect(await inbox(test, second.id)).toEqual([]);
  });
});

describe('a changed date tells the participants by itself (R-ACT-4)', () => {
  it('sends activity_rescheduled to everyone applied or waiting, and to no one else', async () => {
    const id = await published(1);
    const [applied, waiting, withdrawn, outsider] = [
      await person(test),
      await person(test),
      await person(test),
      await person(test),
    ];
    await enrol(test, id, applied.id, 'applied');
    await enrol(test, id, waiting.id, 'waitlisted');
    await test.database.db.insert(activityApplications).values({
      activityId: id,
      userId: withdrawn.id,
      status: 'cancelled',
      createdAt: test.clock.now(),
      cancelledAt: test.clock.now(),
    });

    // Only the text changes: nobody is told.
    expect((await put(id, { capacity: 1, content: '内容を少し変更' })).statusCode).toBe(200);
    expect(await noticesOf(id)).toEqual([]);

    const moved = await put(id, {
      capacity: 1,
      startsAt: '2026-06-27T10:00:00+09:00',
      endsAt: '2026-06-27T12:00:00+09:00',
    });
    expect(moved.statusCode).toBe(200);
    const [notice] = await noticesOf(id);
    expect(notice).toMatchObject({
      kind: 'rescheduled',
      senderUserId: null,
      recipientCount: 2,
      params: {
        oldStartsAt: '2026-06-20T01:00:00.000Z',
        newStartsAt: '2026-06-27T01:00:00.000Z',
      },
    });
    const listed = await call(test, c.member, 'GET', `/api/organizer/activities/${id}/notices`);
    expect(listed.json<{ notices: unknown[] }>().notices).toEqual([
      expect.objectContaining({
        kind: 'rescheduled',
        recipientCount: 2,
        params: expect.objectContaining({ newEndsAt: '2026-06-27T03:00:00.000Z' }) as unknown,
      }),
    ]);
    for (const who of [applied, waiting]) {
      expect(await inbox(test, who.id)).toEqual([
        expect.objectContaining({
          kind: 'activity_rescheduled',
          params: { activityTitle: completeForm().title },
          link: `/volunteer/activities/${id}`,
        }),
      ]);
    }
    expect(await inbox(test, withdrawn.id)).toEqual([]);
    expect(await inbox(test, outsider.id)).toEqual([]);
  });

  it('tells nobody about a draft whose date changes', async () => {
    const id = idOf(
      await call(
        test,
        c.admin,
        'POST',
        `/api/organizer/groups/${c.groupId}/activities`,
        completeForm({ visibility: 'draft' }),
      ),
    );
    expect(
      (
        await put(id, {
          visibility: 'draft',
          startsAt: '2026-06-21T10:00:00+09:00',
          endsAt: '2026-06-21T11:00:00+09:00',
        })
      ).statusCode,
    ).toBe(200);
    expect(await noticesOf(id)).toEqual([]);
  });
});

describe('cancelling (R-ACT-4)', () => {
  const cancel = (id: string, reason: unknown, who = c.admin) =>
    call(test, who, 'POST', `/api/organizer/activities/${id}/cancel`, { reason });

  it('refuses without a reason, with a too long one or control characters; nothing changed', async () => {
    const id = await published();
    for (const [reason, code] of [
      ['', 'activity_cancel_reason_required'],
      ['\u3000 ', 'activity_cancel_reason_required'],
      ['あ'.repeat(501), 'activity_cancel_reason_too_long'],
      ['雨天\u0000', 'activity_text_forbidden_characters'],
    ] as const) {
      const response = await cancel(id, reason);
      expect(response.statusCode, reason).toBe(400);
      expect(response.json()).toMatchObject({ code });
    }
    expect((await activityRow(test, id))?.cancelledAt).toBeNull();
    expect((await cancel(id, '雨天のため', c.other)).statusCode).toBe(403);
    expect((await cancel(id, '雨天のため', c.signedOut)).statusCode).toBe(401);
    expect((await activityRow(test, id))?.cancelledAt).toBeNull();
  });

  it('cancels, tells the participants with the reason, and freezes the activity', async () => {
    const id = await published();
    const participant = await person(test);
    await enrol(test, id, participant.id, 'applied');
    const response = await cancel(id, '台風接近のため中止します。', c.member);
    expect(response.statusCode).toBe(200);
    expect(await activityRow(test, id)).toMatchObject({
      cancelledAt: test.clock.now(),
      cancelReason: '台風接近のため中止します。',
    });
    expect(await noticesOf(id)).toEqual([
      expect.objectContaining({ kind: 'cancelled', body: '台風接近のため中止します。', recipientCount: 1 }),
    ]);
    expect(await inbox(test, participant.id)).toEqual([
      expect.objectContaining({
        kind: 'activity_cancelled',
        params: { activityTitle: completeForm().title },
      }),
    ]);
    const [audit] = await auditOf(test, 'activity.cancelled', id);
    expect(audit).toMatchObject({ actorUserId: c.member.id, reason: '台風接近のため中止します。' });

    expect((await cancel(id, 'もう一度')).json()).toMatchObject({ code: 'activity_already_cancelled' });
    const edit = await put(id, { title: '再開' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ code: 'activity_already_cancelled' });
    const view = await call(test, c.admin, 'GET', `/api/organizer/activities/${id}`);
    expect(view.json()).toMatchObject({
      activity: { state: 'cancelled', cancelReason: '台風接近のため中止します。' },
      allowedActions: { edit: false, cancel: false, delete: false, send_notice: true },
    });
  });

  it('refuses to cancel a draft', async () => {
    const { activityId } = await createActivity(test.database.db, c.groupId, { visibility: 'draft' });
    expect((await cancel(activityId, '中止')).json()).toMatchObject({ code: 'activity_not_published' });
  });
});

describe('deleting (R-ACT-5)', () => {
  const remove = (id: string, who = c.admin) => call(test, who, 'DELETE', `/api/organizer/activities/${id}`);

  it('deletes a draft, audited; not for another resident or the signed out', async () => {
    const { activityId } = await createActivity(test.database.db, c.groupId, { visibility: 'draft' });
    expect((await remove(activityId, c.other)).statusCode).toBe(403);
    expect((await remove(activityId, c.signedOut)).statusCode).toBe(401);
    expect(await activityRow(test, activityId)).toBeDefined();
    expect((await remove(activityId, c.member)).statusCode).toBe(204);
    expect(await activityRow(test, activityId)).toBeUndefined();
    expect(await auditOf(test, 'activity.deleted', activityId)).toHaveLength(1);
  });

  it('refuses to delete a published or an ended activity; both stay', async () => {
    const live = await published();
    const { activityId: ended } = await createActivity(test.database.db, c.groupId, {
      startsAt: new Date('2026-05-01T10:00:00+09:00'),
      endsAt: new Date('2026-05-01T12:00:00+09:00'),
    });
    const before = await rowCount(test, activities);
    for (const id of [live, ended]) {
      const response = await remove(id);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: 'activity_not_a_draft' });
    }
    expect(await rowCount(test, activities)).toBe(before);
    const edit = await put(ended, { title: '終わった後の変更' });
    expect(edit.json()).toMatchObject({ code: 'activity_already_ended' });
  });
});
