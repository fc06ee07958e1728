import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../db/schema.ts';
import { callerFor, createUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { findSampleCard, type SampleCard } from '../../dev-card-service/sample-cards.ts';
import { verifyWithCard } from './card-flow.ts';
import { startListeningApp, TestBrowser, type ListeningApp } from './test-harness.ts';

/**
 * A city's own configuration (OIDC_ISSUER, OIDC_CLIENT_ID and a secret or a private key file),
 * tried against the bundled card service, which accepts the configured client for exactly this.
 */
const card = findSampleCard('nguyen-van-an') as SampleCard;
let keyDir: string;
beforeAll(async () => {
  keyDir = await mkdtemp(join(tmpdir(), 'oidc-client-key-'));
});
afterAll(() => rm(keyDir, { recursive: true, force: true }));

interface TokenRequest {
  authorization: string | undefined;
  body: URLSearchParams;
}

/** Watches the token endpoint; `spoil` may rewrite a request's headers and form on its way. */
function watchTokenRequests(
  target: ListeningApp,
  spoil?: (headers: IncomingHttpHeaders, form: URLSearchParams) => void,
): TokenRequest[] {
  const seen: TokenRequest[] = [];
  target.tamperRequest = (path, headers, body) => {
    if (path !== '/dev-card-service/token') return undefined;
    seen.push({ authorization: headers.authorization, body: new URLSearchParams(body) });
    if (!spoil) return undefined;
    const form = new URLSearchParams(body);
    spoil(headers, form);
    return form.toString();
  };
  return seen;
}

async function verifyNewResident(target: ListeningApp): Promise<{ result: URL; userId: string }> {
  const user = await createUser(target.database.db);
  const browser = await TestBrowser.signedIn(target, user.id);
  return { result: await verifyWithCard(browser, card.key, card.pin), userId: user.id };
}

describe('client_secret_basic (OIDC_CLIENT_SECRET)', () => {
  let target: ListeningApp;
  beforeAll(async () => {
    target = await startListeningApp((url) => ({
      OIDC_ISSUER: `${url}/dev-card-service`,
      OIDC_CLIENT_ID: 'kumamoto-city-app',
      OIDC_CLIENT_SECRET: 'a-client-secret-the-city-received-at-registration',
    }));
  });
  afterAll(() => target.close());

  it('verifies, sending the secret in HTTP Basic authentication', async () => {
    const seen = watchTokenRequests(target);
    const { result } = await verifyNewResident(target);
    expect(result.searchParams.get('result')).toBe('verified');
    expect(seen).toHaveLength(1);
    // RFC 6749 §2.3.1: id and secret are form-encoded, then joined and base64-encoded.
    const [scheme, encoded] = (seen[0]?.authorization ?? '').split(' ');
    expect(scheme).toBe('Basic');
    const [id, secret] = Buffer.from(encoded ?? '', 'base64')
      .toString()
      .split(':')
      .map(decodeURIComponent);
    expect({ id, secret }).toEqual({
      id: 'kumamoto-city-app',
      secret: 'a-client-secret-the-city-received-at-registration',
    });
    expect(seen[0]?.body.has('client_assertion')).toBe(false);
  });

  it('fails cleanly when the service refuses the client: card_service_unavailable, audited', async () => {
    const wrong = `Basic ${Buffer.from('kumamoto-city-app:not-the-secret').toString('base64')}`;
    watchTokenRequests(target, (headers) => {
      headers.authorization = wrong;
    });
    const { result, userId } = await verifyNewResident(target);
    expect(result.searchParams.get('code')).toBe('card_service_unavailable');
    const audit = await target.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, userId));
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'identity.oidc_refused', reason: 'card_service_unavailable' }),
    );
    expect(audit.map((event) => event.action)).not.toContain('identity.verified');
  });
});

describe('private_key_jwt (OIDC_PRIVATE_KEY_FILE)', () => {
  let target: ListeningApp;
  beforeAll(async () => {
    const keyFile = join(keyDir, 'client.pem');
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await writeFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    target = await startListeningApp((url) => ({
      OIDC_ISSUER: `${url}/dev-card-service`,
      OIDC_CLIENT_ID: 'kumamoto-city-app',
      OIDC_PRIVATE_KEY_FILE: keyFile,
    }));
  });
  afterAll(() => target.close());

  it('verifies, proving the client with a JWT signed by the key in the file', async () => {
    const seen = watchTokenRequests(target);
    const { result } = await verifyNewResident(target);
    expect(result.searchParams.get('result')).toBe('verified');
    expect(seen[0]?.authorization).toBeUndefined();
    const assertion = seen[0]?.body.get('client_assertion') ?? '';
    const header = JSON.parse(Buffer.from(assertion.split('.')[0] ?? '', 'base64url').toString()) as {
      alg: string;
      kid: string;
    };
    expect(header.alg).toBe('RS256');
    expect(header.kid).toMatch(/^[\w-]{43}$/);
  });

  it('fails cleanly when the assertion does not verify: card_service_unavailable', async () => {
    watchTokenRequests(target, (_headers, form) => {
      const [header, payload] = (form.get('client_assertion') ?? '').split('.');
      form.set('client_assertion', `${header}.${payload}.${Buffer.alloc(256).toString('base64url')}`);
    });
    const { result } = await verifyNewResident(target);
    expect(result.searchParams.get('code')).toBe('card_service_unavailable');
  });
});

describe('without a card service', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ env: { DEV_CARD_SERVICE: 'false' } });
  });
  afterAll(() => test.close());

  it('answers card_service_not_configured, and the profile says verification is not offered', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    const started = await test.app.inject({
      method: 'POST',
      url: '/api/identity/oidc/start',
      headers: caller.headers,
      payload: {},
    });
    expect(started.statusCode).toBe(503);
    expect(started.json()).toMatchObject({ code: 'card_service_not_configured' });
    const audit = await test.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit).toEqual([
      expect.objectContaining({ action: 'identity.oidc_refused', reason: 'card_service_not_configured' }),
    ]);
    const profile = await test.app.inject({
      method: 'GET',
      url: '/api/me/identity',
      headers: caller.headers,
    });
    expect(profile.json()).toMatchObject({ methods: { cardService: false } });
  });

  it('does not serve the development card service at all', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/dev-card-service/.well-known/openid-configuration',
    });
    expect(response.statusCode).toBe(404);
  });

  it('treats an issuer without a client id or credentials as not configured', async () => {
    const half = await createTestApp({
      env: { DEV_CARD_SERVICE: 'false', OIDC_ISSUER: 'https://card.example.jp', OIDC_CLIENT_ID: 'app' },
      database: test.database,
    });
    const user = await createUser(test.database.db);
    const caller = await callerFor(half, user.id);
    const started = await half.app.inject({
      method: 'POST',
      url: '/api/identity/oidc/start',
      headers: caller.headers,
      payload: {},
    });
    expect(started.json()).toMatchObject({ code: 'card_service_not_configured' });
    await half.app.close();
  });
});

describe('a card service that cannot be reached', () => {
  it('answers card_service_unavailable at start, changing nothing', async () => {
    const test = await createTestApp({
      env: {
        DEV_CARD_SERVICE: 'false',
        OIDC_ISSUER: 'http://127.0.0.1:9/unreachable',
        OIDC_CLIENT_ID: 'app',
        OIDC_CLIENT_SECRET: 'secret',
      },
    });
    try {
      const user = await createUser(test.database.db);
      const caller = await callerFor(test, user.id);
      const started = await test.app.inject({
        method: 'POST',
        url: '/api/identity/oidc/start',
        headers: caller.headers,
        payload: {},
      });
      expect(started.statusCode).toBe(503);
      expect(started.json()).toMatchObject({ code: 'card_service_unavailable' });
    } finally {
      await test.close();
    }
  });
});
