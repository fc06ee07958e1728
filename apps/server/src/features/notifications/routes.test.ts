import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { notify } from './store.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

interface Inbox {
  items: { id: string; kind: string; params: Record<string, unknown>; readAt: string | null }[];
  unread: number;
}
const inbox = async (headers: Record<string, string>) =>
  JSON.parse((await test.app.inject({ method: 'GET', url: '/api/notifications', headers })).body) as Inbox;

describe('notifications inbox', () => {
  it('starts empty', async () => {
    const caller = await callerFor(test, (await createUser(test.database.db)).id);
    expect(await inbox(caller.headers)).toEqual({ items: [], unread: 0 });
  });

  it('shows a person only their own notifications, newest first, and marks them read', async () => {
    const me = await createUser(test.database.db);
    const other = await createUser(test.database.db);
    await notify(test.database.db, { userId: me.id, kind: 'welcome', params: { name: '花子' } });
    test.clock.advance(1000);
    await notify(test.database.db, { userId: me.id, kind: 'second' });
    await notify(test.database.db, { userId: other.id, kind: 'not-yours' });
    const caller = await callerFor(test, me.id);

    const before = await inbox(caller.headers);
    expect(before.unread).toBe(2);
    expect(before.items.map((item) => item.kind)).toEqual(['second', 'welcome']);
    expect(before.items[1]?.params).toEqual({ name: '花子' });

    const first = before.items[0]?.id ?? '';
    const read = await test.app.inject({
      method: 'POST',
      url: `/api/notifications/${first}/read`,
      headers: caller.headers,
    });
    expect(read.statusCode).toBe(204);
    expect((await inbox(caller.headers)).unread).toBe(1);

    await test.app.inject({ method: 'POST', url: '/api/notifications/read-all', headers: caller.headers });
    expect((await inbox(caller.headers)).unread).toBe(0);
  });

  it("answers 404 for someone else's notification and leaves it unread", async () => {
    const owner = await createUser(test.database.db);
    await notify(test.database.db, { userId: owner.id, kind: 'private' });
    const ownerCaller = await callerFor(test, owner.id);
    const [item] = (await inbox(ownerCaller.headers)).items;
    const intruder = await callerFor(test, (await createUser(test.database.db)).id);
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/notifications/${item?.id}/read`,
      headers: intruder.headers,
    });
    expect(response.statusCode).toBe(404);
    expect((await inbox(ownerCaller.headers)).unread).toBe(1);
  });
});
