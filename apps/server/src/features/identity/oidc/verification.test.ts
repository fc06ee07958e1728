import { createSign, generateKeyPairSync } from 'node:crypto';
import { ageOn } from '@kumamoto/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  identityBindings,
  oidcAuthorizations,
  users,
  verificationEvents,
} from '../../../db/schema.ts';
import { sha256 } from '../../../platform/tokens.ts';
import { createUser } from '../../../test/factories.ts';
import { devCardServiceIssuer } from '../../dev-card-service/bundled-client.ts';
import { findSampleCard, type SampleCard } from '../../dev-card-service/sample-cards.ts';
import { personKey } from '../jpki/keys.ts';
import { oidcBindingKey } from './binding-key.ts';
import {
  consent,
  enterPin,
  landOnCallback,
  startAtCardService,
  throughCardService,
  verifyWithCard,
} from './card-flow.ts';
import { startListeningApp, TestBrowser, type ListeningApp } from './test-harness.ts';

/**
 * The relying party against the real bundled card service (oidc-provider) over HTTP: every
 * request of the flow goes through the network, through a proxy a test can turn hostile.
 */
let target: ListeningApp;
beforeAll(async () => {
  target = await startListeningApp();
});
afterAll(() => target.close());
afterEach(() => {
  target.tamperRequest = null;
  target.tamperResponse = null;
});

const sample = (key: string) => findSampleCard(key) as SampleCard;

async function newResident(): Promise<{ id: string; browser: TestBrowser }> {
  const user = await createUser(target.database.db);
  return { id: user.id, browser: await TestBrowser.signedIn(target, user.id) };
}

interface ProfileAnswer {
  level: string;
  card: { name: string; address: string; birthDate: string; gender: string } | null;
  age: number | null;
  history: { adapter: string; changedFields: string[] }[];
}
const profileOf = async (browser: TestBrowser) =>
  (await (await browser.send('GET', '/api/me/identity')).json()) as ProfileAnswer;

const refusals = (userId: string) =>
  target.database.db
    .select({ action: auditEvents.action, reason: auditEvents.reason })
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, userId), eq(auditEvents.action, 'identity.oidc_refused')));

/** Nothing about the account changed: still unverified, no binding, no history. */
async function expectUnchanged(userId: string): Promise<void> {
  const [user] = await target.database.db.select().from(users).where(eq(users.id, userId));
  expect(user).toMatchObject({
    identityLevel: 'unverified',
    cardName: null,
    cardAddress: null,
    verifiedAt: null,
  });
  const db = target.database.db;
  expect(await db.select().from(identityBindings).where(eq(identityBindings.userId, userId))).toEqual([]);
  expect(await db.select().from(verificationEvents).where(eq(verificationEvents.userId, userId))).toEqual([]);
}

describe('verification through the bundled development card service (R-ID-1)', () => {
  let verified: { id: string; browser: TestBrowser };

  it('asks with PKCE S256, state, nonce and prompt=login, keeping only a hash of the state for 10 minutes', async () => {
    const { id, browser } = await newResident();
    const response = await browser.send('POST', '/api/identity/oidc/start', {
      json: { returnTo: '/verify' },
    });
    expect(response.status).toBe(200);
    const url = new URL(((await response.json()) as { authorizationUrl: string }).authorizationUrl);
    expect(url.origin + url.pathname).toBe(`${devCardServiceIssuer(target.url)}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      scope: 'openid name address birthdate gender',
      prompt: 'login',
      redirect_uri: `${target.url}/api/identity/oidc/callback`,
    });
    expect(params.state).toMatch(/^[\w-]{40,}$/);
    expect(params.nonce).toMatch(/^[\w-]{40,}$/);
    expect(params.code_challenge).toMatch(/^[\w-]{43}$/);
    const [row] = await target.database.db
      .select()
      .from(oidcAuthorizations)
      .where(eq(oidcAuthorizations.userId, id));
    expect(row).toMatchObject({
      stateHash: sha256(params.state ?? ''),
      nonce: params.nonce,
      returnTo: '/verify',
    });
    expect(row?.expiresAt.getTime()).toBe(target.clock.now().getTime() + 10 * 60 * 1000);
  });

  it('verifies: the card’s four items, level verified, a binding by issuer + subject and a history row', async () => {
    verified = await newResident();
    const card = sample('higo-taro');
    const result = await verifyWithCard(verified.browser, card.key, card.pin);
    expect(result.pathname).toBe('/verify');
    expect(Object.fromEntries(result.searchParams)).toEqual({
      result: 'verified',
      changed: 'name,address,birthDate,gender',
      next: '/mypage',
    });
    const profile = await profileOf(verified.browser);
    expect(profile).toMatchObject({
      level: 'verified',
      card: card.card,
      age: ageOn(card.card.birthDate, '2026-06-01'),
    });
    expect(profile.history).toEqual([
      expect.objectContaining({ adapter: 'oidc', changedFields: ['name', 'address', 'birthDate', 'gender'] }),
    ]);
    const secret = target.config.identityKeySecret;
    const bindings = await target.database.db
      .select()
      .from(identityBindings)
      .where(eq(identityBindings.userId, verified.id));
    expect(bindings).toEqual([
      expect.objectContaining({
        adapter: 'oidc',
        bindingKey: oidcBindingKey(secret, devCardServiceIssuer(target.url), card.key),
        personKey: personKey(secret, card.card.name, card.card.birthDate),
      }),
    ]);
  });

  it('re-verifies after moving house: only the address changes, and the history says so', async () => {
    const card = sample('higo-taro');
    target.clock.advance(7 * 86_400_000); // a week later
    const at = await startAtCardService(verified.browser);
    const moved = await verified.browser.send('POST', `${at.url.pathname}/move`, {
      form: { card: card.key },
    });
    expect(moved.status).toBe(303);
    const { response } = await enterPin(verified.browser, at, card.key, card.pin);
    const result = await landOnCallback(verified.browser, await consent(verified.browser, response, at.url));
    expect(Object.fromEntries(result.searchParams)).toMatchObject({ result: 'verified', changed: 'address' });
    const profile = await profileOf(verified.browser);
    expect(profile.card).toEqual({ ...card.card, address: card.movedAddress });
    expect(profile.history.map((event) => event.changedFields)).toEqual([
      ['address'],
      ['name', 'address', 'birthDate', 'gender'],
    ]);
    const bindings = await target.database.db
      .select()
      .from(identityBindings)
      .where(eq(identityBindings.userId, verified.id));
    expect(bindings).toHaveLength(1);
    // Move back, so the sample card is as it was for anyone after.
    const again = await startAtCardService(verified.browser);
    await verified.browser.send('POST', `${again.url.pathname}/move`, { form: { card: card.key } });
    target.clock.set('2026-06-01T10:00:00+09:00');
  });

  it('refuses a wrong PIN on the card page, then accepts the right one', async () => {
    const { browser } = await newResident();
    const card = sample('nguyen-van-an');
    const at = await startAtCardService(browser);
    expect(at.html).toContain(card.card.name);
    const wrong = await enterPin(browser, at, card.key, card.pin === '0000' ? '1111' : '0000');
    expect(wrong.response.status).toBe(400);
    expect(wrong.html).toContain('暗証番号が違います。あと 2 回');
    expect(wrong.html).toContain('lang="en"');
    const right = await enterPin(browser, at, card.key, card.pin);
    expect(right.response.status).toBe(303);
    const result = await landOnCallback(browser, await consent(browser, right.response, at.url));
    expect(result.searchParams.get('result')).toBe('verified');
  });

  it('ends the flow after three wrong PINs: card_service_denied, nothing changed, audited', async () => {
    const { id, browser } = await newResident();
    const at = await startAtCardService(browser);
    for (const attempt of [1, 2]) {
      const { response } = await enterPin(browser, at, 'resident', `00${attempt}0`);
      expect(response.status).toBe(400);
    }
    const { response } = await enterPin(browser, at, 'resident', '0030');
    const callback = await browser.follow(response, at.url.href, (url) => url.pathname.startsWith('/api/'));
    expect(callback.url.searchParams.get('error')).toBe('access_denied');
    const result = await landOnCallback(browser, callback.url);
    expect(Object.fromEntries(result.searchParams)).toEqual({
      result: 'failed',
      code: 'card_service_denied',
      next: '/mypage',
    });
    await expectUnchanged(id);
    expect(await refusals(id)).toEqual([{ action: 'identity.oidc_refused', reason: 'card_service_denied' }]);
  });

  it('refuses when the resident does not agree to share, changing nothing', async () => {
    const { id, browser } = await newResident();
    const at = await startAtCardService(browser);
    const { response } = await enterPin(browser, at, 'resident', sample('resident').pin);
    const consentPage = await browser.follow(response, at.url.href);
    const declined = await browser.send('POST', `${consentPage.url.pathname}/abort`);
    const callback = await browser.follow(declined, consentPage.url.href, (url) =>
      url.pathname.startsWith('/api/'),
    );
    const result = await landOnCallback(browser, callback.url);
    expect(result.searchParams.get('code')).toBe('card_service_denied');
    await expectUnchanged(id);
  });

  it('uses a state once: the same callback replayed is refused, changing nothing more', async () => {
    const { id, browser } = await newResident();
    const callbackUrl = await throughCardService(browser, 'organizer-admin', sample('organizer-admin').pin);
    expect((await landOnCallback(browser, callbackUrl)).searchParams.get('result')).toBe('verified');
    const replay = await landOnCallback(browser, callbackUrl);
    expect(Object.fromEntries(replay.searchParams)).toMatchObject({
      result: 'failed',
      code: 'oidc_state_invalid',
    });
    const history = await target.database.db
      .select()
      .from(verificationEvents)
      .where(eq(verificationEvents.userId, id));
    expect(history).toHaveLength(1);
    expect(await refusals(id)).toEqual([{ action: 'identity.oidc_refused', reason: 'oidc_state_invalid' }]);
  });

  it('refuses a state older than 10 minutes, changing nothing', async () => {
    const { id, browser } = await newResident();
    const callbackUrl = await throughCardService(browser, 'organizer-member', sample('organizer-member').pin);
    const started = target.clock.now();
    target.clock.advance(10 * 60 * 1000 + 1000);
    try {
      const result = await landOnCallback(browser, callbackUrl);
      expect(result.searchParams.get('code')).toBe('oidc_state_expired');
    } finally {
      target.clock.set(started.toISOString());
    }
    await expectUnchanged(id);
    expect(await refusals(id)).toEqual([{ action: 'identity.oidc_refused', reason: 'oidc_state_expired' }]);
  });

  it('refuses the callback in a browser signed in to another account (a link sent to someone else)', async () => {
    const starter = await newResident();
    const other = await newResident();
    const callbackUrl = await throughCardService(
      starter.browser,
      'city-reviewer',
      sample('city-reviewer').pin,
    );
    const result = await landOnCallback(other.browser, callbackUrl);
    expect(result.searchParams.get('code')).toBe('oidc_state_invalid');
    // The state is spent: the starter cannot use it afterwards either.
    expect((await landOnCallback(starter.browser, callbackUrl)).searchParams.get('code')).toBe(
      'oidc_state_invalid',
    );
    await expectUnchanged(starter.id);
    await expectUnchanged(other.id);
  });

  it('refuses an ID token signed by another key (forged on the back channel), changing nothing', async () => {
    const { id, browser } = await newResident();
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    let forged = 0;
    target.tamperResponse = (path, body) => {
      if (path !== '/dev-card-service/token') return undefined;
      const answer = JSON.parse(body) as { id_token: string };
      const [header, payload] = answer.id_token.split('.') as [string, string];
      const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(forger, 'base64url');
      answer.id_token = `${header}.${payload}.${signature}`;
      forged++;
      return JSON.stringify(answer);
    };
    const result = await verifyWithCard(browser, 'resident', sample('resident').pin);
    expect(forged).toBe(1);
    expect(result.searchParams.get('code')).toBe('card_response_invalid');
    await expectUnchanged(id);
    expect(await refusals(id)).toEqual([
      { action: 'identity.oidc_refused', reason: 'card_response_invalid' },
    ]);
  });

  it('refuses an ID token whose nonce is not the one this app sent, changing nothing', async () => {
    const { id, browser } = await newResident();
    const at = await startAtCardService(browser);
    await target.database.db
      .update(oidcAuthorizations)
      .set({ nonce: 'a-nonce-this-app-never-sent' })
      .where(eq(oidcAuthorizations.userId, id));
    const { response } = await enterPin(browser, at, 'resident', sample('resident').pin);
    const result = await landOnCallback(browser, await consent(browser, response, at.url));
    expect(result.searchParams.get('code')).toBe('card_response_invalid');
    await expectUnchanged(id);
  });

  it.each([
    ['an extra claim', { individual_number: '123456789012' }],
    [
      'a nested claim',
      { address: { formatted: '熊本県熊本市中央区手取本町1番1号 ０１２３ ４５６７ ８９０１' } },
    ],
  ])(
    'refuses a 12-digit individual number in %s of the answer (R-ID-3), storing nothing',
    async (_what, extra) => {
      const { id, browser } = await newResident();
      let injected = 0;
      target.tamperResponse = (path, body) => {
        if (path !== '/dev-card-service/me') return undefined;
        injected++;
        return JSON.stringify({ ...(JSON.parse(body) as object), ...extra });
      };
      const result = await verifyWithCard(browser, 'resident', sample('resident').pin);
      expect(injected).toBe(1);
      expect(result.searchParams.get('code')).toBe('individual_number_refused');
      await expectUnchanged(id);
      const audit = await target.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
      // The refusal is recorded, the number is not.
      expect(audit.map((event) => event.reason)).toContain('individual_number_refused');
      expect(JSON.stringify(audit)).not.toMatch(/123456789012|０１２３/);
    },
  );

  it('refuses a second account with a card already verified on another: identity_already_bound', async () => {
    const { id, browser } = await newResident();
    const result = await verifyWithCard(browser, 'higo-taro', sample('higo-taro').pin);
    expect(result.searchParams.get('code')).toBe('identity_already_bound');
    await expectUnchanged(id);
    expect(await refusals(id)).toEqual([
      { action: 'identity.oidc_refused', reason: 'identity_already_bound' },
    ]);
  });

  it('authenticates to the bundled service with private_key_jwt', async () => {
    const { browser } = await newResident();
    const tokenRequests: { authorization?: string; body: URLSearchParams }[] = [];
    target.tamperRequest = (path, headers, body) => {
      if (path === '/dev-card-service/token') {
        tokenRequests.push({ authorization: headers.authorization, body: new URLSearchParams(body) });
      }
      return undefined;
    };
    const result = await verifyWithCard(browser, 'city-admin', sample('city-admin').pin);
    expect(result.searchParams.get('result')).toBe('verified');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.authorization).toBeUndefined();
    expect(tokenRequests[0]?.body.get('client_assertion_type')).toBe(
      'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    );
    expect(tokenRequests[0]?.body.get('code_verifier')).toMatch(/^[\w-]{43,128}$/);
  });
});

describe('starting verification', () => {
  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example', '/api/session', 'verify'])(
    'refuses returnTo %s: only a path of this app',
    async (returnTo) => {
      const { browser } = await newResident();
      const response = await browser.send('POST', '/api/identity/oidc/start', { json: { returnTo } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { code: string }).code).toBe('validation_failed');
    },
  );

  it('needs a signed-in resident', async () => {
    const response = await new TestBrowser(target.url).send('POST', '/api/identity/oidc/start', { json: {} });
    expect(response.status).toBe(401);
  });

  it('refuses a callback without a state, and one nobody issued', async () => {
    const { id, browser } = await newResident();
    for (const query of ['code=abc', 'code=abc&state=never-issued']) {
      const result = await landOnCallback(
        browser,
        new URL(`/api/identity/oidc/callback?${query}`, target.url),
      );
      expect(result.searchParams.get('code')).toBe('oidc_state_invalid');
    }
    expect(await refusals(id)).toHaveLength(2);
  });
});
