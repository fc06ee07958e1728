import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, sessions } from '../../db/schema.ts';
import { createSession } from '../../platform/session-store.ts';
import { createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const csrf = 'sessions-test-csrf-token-0123456789abcdefghi';
const iphone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const windows =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0';

/** One browser signed in as the user: its headers and the session's token. */
async function browser(
  userId: string,
  userAgent: string | undefined,
  method: 'passkey' | 'email_code' | 'demo',
) {
  const { token } = await createSession(test.database.db, {
    userId,
    userAgent,
    now: test.clock.now(),
    ttlDays: 30,
    method,
  });
  return { token, headers: { cookie: `kma_csrf=${csrf}; kma_session=${token}`, 'x-csrf-token': csrf } };
}

interface SessionList {
  sessions: {
    id: string;
    method: string;
    device: string | null;
    createdAt: string;
    lastSeenAt: string;
    current: boolean;
  }[];
}
async function listFor(headers: Record<string, string>) {
  const response = await test.app.inject({ method: 'GET', url: '/api/me/sessions', headers });
  expect(response.statusCode).toBe(200);
  expect(response.headers['cache-control']).toBe('no-store');
  return response;
}
const signedIn = async (headers: Record<string, string>) =>
  (await test.app.inject({ method: 'GET', url: '/api/session', headers })).json<{ user: unknown }>().user !==
  null;

describe('sessions on My page', () => {
  it('lists the viewer’s live sessions, this one first, with method and device but never the token', async () => {
    const me = await createUser(test.database.db);
    const other = await createUser(test.database.db);
    const phone = await browser(me.id, iphone, 'passkey');
    test.clock.advance(60_000);
    const pc = await browser(me.id, windows, 'email_code');
    test.clock.advance(60_000);
    const unknown = await browser(me.id, undefined, 'demo');
    await browser(other.id, iphone, 'passkey');
    // An expired session is not shown.
    await createSession(test.database.db, {
      userId: me.id,
      userAgent: iphone,
      now: new Date(test.clock.now().getTime() - 31 * 86_400_000),
      ttlDays: 30,
      method: 'passkey',
    });

    const response = await listFor(pc.headers);
    const { sessions: list } = response.json<SessionList>();
    expect(list.map(({ method, device, current }) => ({ method, device, current }))).toEqual([
      { method: 'email_code', device: 'Windows · Edge', current: true },
      { method: 'demo', device: null, current: false },
      { method: 'passkey', device: 'iPhone · Safari', current: false },
    ]);
    for (const token of [phone.token, pc.token, unknown.token]) expect(response.body).not.toContain(token);
    expect(response.body).not.toContain('Mozilla');
    const hashes = await test.database.db.select({ hash: sessions.tokenHash }).from(sessions);
    for (const { hash } of hashes) expect(response.body).not.toContain(hash);
  });

  it('signs out another of my sessions by its public id, and records it', async () => {
    const me = await createUser(test.database.db);
    const phone = await browser(me.id, iphone, 'passkey');
    const pc = await browser(me.id, windows, 'passkey');
    const phoneId = (await listFor(phone.headers)).json<SessionList>().sessions.find((s) => s.current)?.id;

    const response = await test.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${phoneId}`,
      headers: pc.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(await signedIn(phone.headers)).toBe(false);
    expect(await signedIn(pc.headers)).toBe(true);
    const [event] = await test.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, phoneId ?? ''));
    expect(event).toMatchObject({ action: 'session.revoked', actorUserId: me.id });
  });

  it('answers 404 for someone else’s session, and leaves it signed in', async () => {
    const victim = await createUser(test.database.db);
    const attacker = await createUser(test.database.db);
    const victimBrowser = await browser(victim.id, iphone, 'passkey');
    const attackerBrowser = await browser(attacker.id, windows, 'passkey');
    const victimSession = (await listFor(victimBrowser.headers)).json<SessionList>().sessions[0]?.id;
    const response = await test.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${victimSession}`,
      headers: attackerBrowser.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(await signedIn(victimBrowser.headers)).toBe(true);
  });

  it('signing out this session by id clears the cookie too', async () => {
    const me = await createUser(test.database.db);
    const phone = await browser(me.id, iphone, 'passkey');
    const mine = (await listFor(phone.headers)).json<SessionList>().sessions[0]?.id;
    const response = await test.app.inject({
      method: 'DELETE',
      url: `/api/me/sessions/${mine}`,
      headers: phone.headers,
    });
    expect(response.statusCode).toBe(204);
    expect(response.cookies.find((cookie) => cookie.name === 'kma_session')?.value).toBe('');
    expect(await signedIn(phone.headers)).toBe(false);
  });

  it('signs out every other session, keeping this one', async () => {
    const me = await createUser(test.database.db);
    const other = await createUser(test.database.db);
    const keep = await browser(me.id, iphone, 'passkey');
    const gone = [await browser(me.id, windows, 'email_code'), await browser(me.id, undefined, 'demo')];
    const bystander = await browser(other.id, windows, 'passkey');
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/me/sessions/sign-out-others',
      headers: keep.headers,
    });
    expect(response.json()).toEqual({ revoked: 2 });
    expect(await signedIn(keep.headers)).toBe(true);
    for (const item of gone) expect(await signedIn(item.headers)).toBe(false);
    expect(await signedIn(bystander.headers)).toBe(true);
    const [event] = await test.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'session.revoked_others'));
    expect(event).toMatchObject({ actorUserId: me.id, details: { count: 2 } });
  });

  it('needs a signed-in person, a CSRF token for writes, and a well-formed id', async () => {
    const me = await createUser(test.database.db);
    const phone = await browser(me.id, iphone, 'passkey');
    expect((await test.app.inject({ method: 'GET', url: '/api/me/sessions' })).statusCode).toBe(401);
    const noCsrf = await test.app.inject({
      method: 'POST',
      url: '/api/me/sessions/sign-out-others',
      headers: { cookie: phone.headers.cookie },
    });
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
    const badId = await test.app.inject({
      method: 'DELETE',
      url: '/api/me/sessions/not-a-uuid',
      headers: phone.headers,
    });
    expect(badId.statusCode).toBe(400);
  });
});
