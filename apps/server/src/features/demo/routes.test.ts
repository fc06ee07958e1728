import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { developmentIdentityKeySecret } from '../../config.ts';
import { createUser } from '../../test/factories.ts';
import { applyVerifiedIdentity } from '../identity/apply-verified-identity.ts';
import { personKey } from '../identity/jpki/keys.ts';
import { demoPersonas } from './personas.ts';
import { seedDemoData } from './seed-demo.ts';

const csrfHeaders = { cookie: 'kma_csrf=abc123abc123', 'x-csrf-token': 'abc123abc123' };

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await seedDemoData(test.database.db);
});
afterAll(() => test.close());

describe('demo personas', () => {
  it('binds each verified persona to its sample card, so another account cannot verify with it (R-ID-1)', async () => {
    const persona = demoPersonas.find((p) => p.card !== null);
    if (!persona?.card) throw new Error('a verified persona is expected');
    const other = await createUser(test.database.db);
    const attempt = applyVerifiedIdentity(test.database.db, {
      userId: other.id,
      now: new Date(),
      proof: {
        adapter: 'oidc',
        bindingKey: 'another-card-service-subject',
        personKey: personKey(developmentIdentityKeySecret, persona.card.name, persona.card.birthDate),
        card: persona.card,
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'identity_already_bound' });
    const [row] = await test.database.db.select().from(users).where(eq(users.id, other.id));
    expect(row?.identityLevel).toBe('unverified');
  });

  it('seeds every persona the foundation issue names, once, however often it runs', async () => {
    expect(await seedDemoData(test.database.db)).toEqual({ created: 0 });
    const seeded = await test.database.db
      .select({ persona: users.persona })
      .from(users)
      .where(isNotNull(users.persona));
    expect(seeded.map((u) => u.persona).sort()).toEqual(demoPersonas.map((p) => p.key).sort());
    expect(demoPersonas.map((p) => p.key)).toEqual([
      'resident',
      'newcomer',
      'organizer-admin',
      'organizer-member',
      'city-reviewer',
      'city-admin',
    ]);
  });

  it('lists personas with their identity level and roles', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/demo/personas' });
    const { personas } = JSON.parse(response.body) as {
      personas: { key: string; identity: string; roles: string[] }[];
    };
    expect(personas).toContainEqual(
      expect.objectContaining({ key: 'newcomer', identity: 'unverified', roles: [] }),
    );
    expect(personas).toContainEqual(
      expect.objectContaining({
        key: 'city-admin',
        identity: 'verified',
        roles: ['city_reviewer', 'city_admin'],
      }),
    );
  });

  it('signs in as a persona with an httpOnly SameSite=Lax session cookie, audited', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/demo/sign-in',
      headers: csrfHeaders,
      payload: { persona: 'city-reviewer' },
    });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { user: { id: string; roles: string[] }; csrfToken: string };
    expect(body.user.roles).toEqual(['city_reviewer']);
    const cookies = [response.headers['set-cookie'] ?? []].flat();
    const session = cookies.find((c) => c.startsWith('kma_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    // A new CSRF token comes with the new session.
    expect(cookies.find((c) => c.startsWith('kma_csrf='))).toContain(body.csrfToken);
    const audit = await test.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, body.user.id));
    expect(audit.map((a) => a.action)).toContain('session.demo_sign_in');
  });

  it('refuses an unknown persona', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/demo/sign-in',
      headers: csrfHeaders,
      payload: { persona: 'mayor' },
    });
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'unknown_persona' });
  });

  it('uses Secure __Host- cookies when the app is served over HTTPS', async () => {
    const secure = await createTestApp({
      env: { PUBLIC_URL: 'https://app.example.jp' },
      database: test.database,
    });
    const response = await secure.app.inject({
      method: 'POST',
      url: '/api/demo/sign-in',
      headers: { cookie: '__Host-kma_csrf=t0123456789', 'x-csrf-token': 't0123456789' },
      payload: { persona: 'resident' },
    });
    await secure.app.close();
    const session = [response.headers['set-cookie'] ?? []]
      .flat()
      .find((c) => c.startsWith('__Host-kma_session='));
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/Path=\//);
  });
});

describe('demo sign-in switched off', () => {
  it('answers 404 demo_disabled and creates no session', async () => {
    const database = await createTestDatabase();
    await seedDemoData(database.db);
    const off = await createTestApp({ env: { DEMO_SIGN_IN: 'false' }, database });
    try {
      const list = await off.app.inject({ method: 'GET', url: '/api/demo/personas' });
      expect(list.statusCode).toBe(404);
      expect(JSON.parse(list.body)).toMatchObject({ code: 'demo_disabled' });
      const signIn = await off.app.inject({
        method: 'POST',
        url: '/api/demo/sign-in',
        headers: csrfHeaders,
        payload: { persona: 'resident' },
      });
      expect(signIn.statusCode).toBe(404);
      expect([signIn.headers['set-cookie'] ?? []].flat().join()).not.toContain('kma_session');
    } finally {
      await off.close();
    }
  });
});
