import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema.ts';
import { callerFor, createUser } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

const cookieOf = (setCookie: string | string[] | undefined, name: string) =>
  [setCookie ?? []].flat().find((cookie) => cookie.startsWith(`${name}=`));

describe('sessions', () => {
  it('gives a signed-out browser a CSRF token and no user', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/session' });
    const body = JSON.parse(response.body) as { user: unknown; csrfToken: string };
    expect(body.user).toBeNull();
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(cookieOf(response.headers['set-cookie'], 'kma_csrf')).toContain(body.csrfToken);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('recognises the signed-in person from the session cookie', async () => {
    const user = await createUser(test.database.db, { identity: 'verified', roles: ['city_reviewer'] });
    const caller = await callerFor(test, user.id);
    const response = await test.app.inject({ method: 'GET', url: '/api/session', headers: caller.headers });
    expect(JSON.parse(response.body)).toMatchObject({
      user: { id: user.id, identity: 'verified', roles: ['city_reviewer'], displayName: user.displayName },
    });
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    const token = /kma_session=([\w-]+)/.exec(caller.headers.cookie ?? '')?.[1];
    const rows = await test.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).not.toBe(token);
  });

  it('treats an expired session as signed out', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    test.clock.advance((test.config.session.ttlDays + 1) * 86_400_000);
    try {
      const response = await test.app.inject({
        method: 'GET',
        url: '/api/me/miniapps',
        headers: caller.headers,
      });
      expect(response.statusCode).toBe(401);
    } finally {
      test.clock.advance(-(test.config.session.ttlDays + 1) * 86_400_000);
    }
  });

  it('signs out by deleting the session and clearing the cookie', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    const out = await test.app.inject({
      method: 'POST',
      url: '/api/session/sign-out',
      headers: caller.headers,
    });
    expect(out.statusCode).toBe(204);
    expect(cookieOf(out.headers['set-cookie'], 'kma_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await test.app.inject({ method: 'GET', url: '/api/me/miniapps', headers: caller.headers });
    expect(after.statusCode).toBe(401);
    expect(await test.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(
      0,
    );
  });
});

describe('CSRF protection for cookie-authenticated writes', () => {
  const write = async (headers: Record<string, string>) =>
    test.app.inject({
      method: 'POST',
      url: '/api/me/miniapps',
      headers,
      payload: { miniAppId: 'organizer' },
    });

  it('refuses a write without the CSRF header, and changes nothing', async () => {
    const user = await createUser(test.database.db);
    const { 'x-csrf-token': _dropped, ...headers } = (await callerFor(test, user.id)).headers;
    const response = await write(headers);
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'csrf_failed' });
    const installed = await test.app.inject({ method: 'GET', url: '/api/me/miniapps', headers });
    expect(JSON.parse(installed.body)).toEqual({ installed: [] });
  });

  it('refuses a header that does not match the cookie', async () => {
    const caller = await callerFor(test, (await createUser(test.database.db)).id);
    const response = await write({
      ...caller.headers,
      'x-csrf-token': 'forged-token-forged-token-forged-token-xxxxx',
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a write from another site even with a token', async () => {
    const caller = await callerFor(test, (await createUser(test.database.db)).id);
    const response = await write({ ...caller.headers, origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'csrf_failed' });
  });

  it('accepts a same-origin write with the token', async () => {
    const caller = await callerFor(test, (await createUser(test.database.db)).id);
    const response = await write({ ...caller.headers, origin: 'http://localhost:80' });
    expect(response.statusCode).toBe(200);
  });
});

describe('session lookups under load', () => {
  it('answers many concurrent requests, batched, each with its own person, and none for an expired session', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => createUser(test.database.db)));
    const callers = await Promise.all(people.map((person) => callerFor(test, person.id)));
    const expired = await createUser(test.database.db);
    const expiredCaller = await callerFor(test, expired.id);
    await test.database.db
      .update(sessions)
      .set({ expiresAt: new Date(test.clock.now().getTime() - 1000) })
      .where(eq(sessions.userId, expired.id));
    const responses = await Promise.all(
      [...callers, expiredCaller].map((caller) =>
        test.app.inject({ method: 'GET', url: '/api/session', headers: caller.headers }),
      ),
    );
    const ids = responses.map(
      (response) => (JSON.parse(response.body) as { user: { id: string } | null }).user?.id,
    );
    expect(ids).toEqual([...people.map((person) => person.id), undefined]);
  });
});
