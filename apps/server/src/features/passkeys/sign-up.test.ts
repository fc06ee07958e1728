import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passkeys, sessions, users, webauthnChallenges } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestAuthenticator, type CeremonyOverrides } from './test-authenticator.ts';
import { auditActions, post, signedOut, signUp, signUpOptions, snapshot } from './test-flows.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

/** Attempts a sign-up whose answer is bent by `overrides`, expecting a refusal that changed nothing. */
async function expectRefusedSignUp(
  overrides: CeremonyOverrides,
  code: string,
  reason: string,
  detail?: RegExp,
) {
  const options = await signUpOptions(test, '断られる 人');
  const answer = createTestAuthenticator().register(options, overrides);
  const before = await snapshot(test);
  const refusalsBefore = (await auditActions(test, 'passkey.sign_up_refused')).length;
  const response = await post(test, '/api/passkeys/sign-up/verify', { response: answer });
  expect(response.json()).toMatchObject({ code });
  expect(response.cookies.find((cookie) => cookie.name === 'kma_session')).toBeUndefined();
  expect(await snapshot(test)).toEqual(before);
  const refusals = await auditActions(test, 'passkey.sign_up_refused');
  expect(refusals).toHaveLength(refusalsBefore + 1);
  expect(refusals.at(-1)).toMatchObject({ actor: null, reason });
  if (detail) expect(String(refusals.at(-1)?.details.detail)).toMatch(detail);
  return response;
}

describe('creating an account with a passkey (issue 3)', () => {
  it('asks for a discoverable passkey with user verification preferred', async () => {
    const options = await signUpOptions(test, '  熊本 花子  ');
    expect(options.rp).toEqual({ id: 'localhost', name: 'くまもとアプリ' });
    expect(options.user.name).toBe('熊本 花子');
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      requireResidentKey: true,
      userVerification: 'preferred',
    });
    expect(options.attestation).toBe('none');
    // ES256 first; no experimental algorithms.
    expect(options.pubKeyCredParams.map((param) => param.alg)).toEqual([-7, -8, -257]);
    // The account does not exist until the passkey verifies.
    const [pending] = await test.database.db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.challenge, options.challenge));
    expect(pending).toMatchObject({ purpose: 'sign_up', displayName: '熊本 花子' });
    expect(pending?.expiresAt.getTime()).toBe(test.clock.now().getTime() + 5 * 60 * 1000);
    const accountId = Buffer.from(options.user.id, 'base64url').toString('utf8');
    expect(pending?.userId).toBe(accountId);
    expect(await test.database.db.select().from(users).where(eq(users.id, accountId))).toEqual([]);
  });

  it('creates the account and its passkey together, signs in with method passkey, and records it', async () => {
    const authenticator = createTestAuthenticator({ backedUp: true });
    const { headers, userId } = await signUp(test, authenticator, '肥後 次郎');

    const [account] = await test.database.db.select().from(users).where(eq(users.id, userId));
    expect(account).toMatchObject({ displayName: '肥後 次郎', identityLevel: 'unverified', locale: 'ja' });
    const [passkey] = await test.database.db.select().from(passkeys).where(eq(passkeys.userId, userId));
    expect(passkey).toMatchObject({
      id: authenticator.credentials[0]?.id,
      counter: 1,
      deviceType: 'multiDevice',
      backedUp: true,
      transports: ['internal', 'hybrid'],
    });
    const [session] = await test.database.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(session?.method).toBe('passkey');
    expect(await auditActions(test, 'passkey.sign_up')).toContainEqual(
      expect.objectContaining({ actor: userId, subjectId: passkey?.id }),
    );

    const me = await test.app.inject({ method: 'GET', url: '/api/session', headers });
    expect(me.json()).toMatchObject({ user: { id: userId, displayName: '肥後 次郎' } });
    // The challenge is used up.
    expect(
      await test.database.db.select().from(webauthnChallenges).where(eq(webauthnChallenges.userId, userId)),
    ).toEqual([]);
  });

  it('starts the account in the language on screen', async () => {
    const options = await signUpOptions(test, 'Anna Schmidt');
    const response = await post(test, '/api/passkeys/sign-up/verify', {
      response: createTestAuthenticator().register(options),
      locale: 'en',
    });
    expect(response.json()).toMatchObject({ user: { displayName: 'Anna Schmidt', locale: 'en' } });
  });

  it('names the passkey after the device it was made on, or its password manager', async () => {
    const options = await signUpOptions(test, '名前 テスト');
    const iphone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
    const response = await post(
      test,
      '/api/passkeys/sign-up/verify',
      { response: createTestAuthenticator().register(options) },
      { ...signedOut, 'user-agent': iphone },
    );
    const { user } = response.json<{ user: { id: string } }>();
    const [named] = await test.database.db.select().from(passkeys).where(eq(passkeys.userId, user.id));
    expect(named?.name).toBe('iPhone · Safari');

    const google = createTestAuthenticator({ aaguid: 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4' });
    const { userId } = await signUp(test, google, 'グーグル 利用者');
    const [synced] = await test.database.db.select().from(passkeys).where(eq(passkeys.userId, userId));
    expect(synced?.name).toBe('Google パスワード マネージャー');
  });

  it('refuses a display name that is empty, only spaces, or longer than 100 characters', async () => {
    for (const displayName of ['', '   ', 'あ'.repeat(101)]) {
      const response = await post(test, '/api/passkeys/sign-up/options', { displayName });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
    }
    expect((await signUpOptions(test, 'あ'.repeat(100))).user.name).toHaveLength(100);
  });

  it('R-ID-3: refuses a name that looks like a 12-digit individual number, keeps nothing, and audits it', async () => {
    const before = await test.database.db.select().from(webauthnChallenges);
    for (const displayName of ['123456789012', '１２３４ ５６７８ ９０１２', '番号 1234-5678-9012']) {
      const response = await post(test, '/api/passkeys/sign-up/options', { displayName });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'individual_number_refused' });
    }
    expect(await test.database.db.select().from(webauthnChallenges)).toEqual(before);
    const refusals = await auditActions(test, 'passkey.sign_up_refused');
    expect(refusals.filter((event) => event.reason === 'individual_number_in_display_name')).toHaveLength(3);
    // The number itself is not written into the audit trail either.
    expect(JSON.stringify(refusals)).not.toMatch(/1234/);
  });

  it('refuses a replayed answer: the second use of one challenge creates nothing', async () => {
    const options = await signUpOptions(test, '再送 太郎');
    const answer = createTestAuthenticator().register(options);
    const first = await post(test, '/api/passkeys/sign-up/verify', { response: answer });
    expect(first.statusCode).toBe(200);
    const before = await snapshot(test);
    const replay = await post(test, '/api/passkeys/sign-up/verify', { response: answer });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'passkey_challenge_invalid' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.sign_up_refused')).at(-1)).toMatchObject({
      reason: 'challenge_unknown',
    });
  });

  it('lets only one of two simultaneous answers to the same challenge through', async () => {
    const options = await signUpOptions(test, '同時 花子');
    const answer = createTestAuthenticator().register(options);
    const results = await Promise.all([
      post(test, '/api/passkeys/sign-up/verify', { response: answer }),
      post(test, '/api/passkeys/sign-up/verify', { response: answer }),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 400]);
    expect(
      await test.database.db.select().from(users).where(eq(users.displayName, '同時 花子')),
    ).toHaveLength(1);
  });

  it('refuses an answer after the challenge expired (5 minutes)', async () => {
    const options = await signUpOptions(test, '遅い 人');
    const answer = createTestAuthenticator().register(options);
    test.clock.advance(5 * 60 * 1000 + 1);
    const before = await snapshot(test);
    const response = await post(test, '/api/passkeys/sign-up/verify', { response: answer });
    expect(response.json()).toMatchObject({ code: 'passkey_challenge_invalid' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.sign_up_refused')).at(-1)).toMatchObject({
      reason: 'challenge_expired',
    });
  });

  it('refuses a challenge the server never issued', async () => {
    await expectRefusedSignUp(
      { challenge: 'bm90LWlzc3VlZC1ieS11cy0xMjM0NTY3OA' },
      'passkey_challenge_invalid',
      'challenge_unknown',
    );
  });

  it('refuses a passkey made for another site (wrong origin)', async () => {
    const response = await expectRefusedSignUp(
      { origin: 'https://kumamoto-app.example.net' },
      'passkey_verification_failed',
      'verification_failed',
      /origin/i,
    );
    expect(response.statusCode).toBe(400);
  });

  it('refuses a passkey bound to another RP id', async () => {
    await expectRefusedSignUp(
      { rpId: 'evil.example' },
      'passkey_verification_failed',
      'verification_failed',
      /RP ID/i,
    );
  });

  it('refuses a sign-in assertion type presented as a registration', async () => {
    await expectRefusedSignUp(
      { type: 'webauthn.get' },
      'passkey_verification_failed',
      'verification_failed',
      /type/i,
    );
  });

  it('refuses unreadable client data', async () => {
    const options = await signUpOptions(test, '壊れた 人');
    const answer = createTestAuthenticator().register(options);
    answer.response.clientDataJSON = Buffer.from('not json').toString('base64url');
    const before = await snapshot(test);
    const response = await post(test, '/api/passkeys/sign-up/verify', { response: answer });
    expect(response.json()).toMatchObject({ code: 'passkey_verification_failed' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.sign_up_refused')).at(-1)).toMatchObject({
      reason: 'client_data_unreadable',
    });
  });

  it('refuses a tampered attestation object', async () => {
    const options = await signUpOptions(test, '改ざん 人');
    const answer = createTestAuthenticator().register(options);
    const bytes = Buffer.from(answer.response.attestationObject, 'base64url');
    answer.response.attestationObject = bytes.subarray(0, bytes.length - 10).toString('base64url');
    const before = await snapshot(test);
    const response = await post(test, '/api/passkeys/sign-up/verify', { response: answer });
    expect(response.json()).toMatchObject({ code: 'passkey_verification_failed' });
    expect(await snapshot(test)).toEqual(before);
  });

  it('refuses a sign-in challenge used to create an account', async () => {
    const signInChallenge = (await post(test, '/api/passkeys/sign-in/options', {})).json<{
      options: { challenge: string };
    }>().options.challenge;
    await expectRefusedSignUp(
      { challenge: signInChallenge },
      'passkey_challenge_invalid',
      'challenge_unknown',
    );
  });

  it('refuses registering a passkey that another account already has', async () => {
    const authenticator = createTestAuthenticator();
    await signUp(test, authenticator, '先の 人');
    const credentialId = authenticator.credentials[0]?.id;
    const options = await signUpOptions(test, '後の 人');
    const before = await snapshot(test);
    const response = await post(test, '/api/passkeys/sign-up/verify', {
      response: authenticator.register(options, { credentialId }),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'passkey_already_registered' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.sign_up_refused')).at(-1)).toMatchObject({
      reason: 'credential_exists',
      subjectId: credentialId,
    });
  });

  it('answers in the person’s language', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/passkeys/sign-up/options',
      payload: { displayName: '123456789012' },
      headers: { ...signedOut, 'accept-language': 'en' },
    });
    expect(response.json<{ title: string }>().title).toMatch(/My Number/);
  });
});
