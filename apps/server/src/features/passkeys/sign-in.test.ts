import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passkeys, sessions, users } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import {
  createTestAuthenticator,
  type CeremonyOverrides,
  type TestAuthenticator,
} from './test-authenticator.ts';
import { auditActions, browserAfter, post, signIn, signInOptions, signUp, snapshot } from './test-flows.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

async function newAccount(options: Parameters<typeof createTestAuthenticator>[0] = {}) {
  const authenticator = createTestAuthenticator(options);
  const { userId } = await signUp(test, authenticator, '阿蘇 花子');
  return { authenticator, userId };
}

/** A sign-in bent by `overrides` must be refused, change nothing, and leave one audit event. */
async function expectRefusedSignIn(
  authenticator: TestAuthenticator,
  overrides: CeremonyOverrides,
  expected: { status: number; code: string; reason: string; actor: string | null; detail?: RegExp },
) {
  const before = await snapshot(test);
  const refusalsBefore = (await auditActions(test, 'passkey.sign_in_refused')).length;
  const response = await signIn(test, authenticator, overrides);
  expect(response.statusCode).toBe(expected.status);
  expect(response.json()).toMatchObject({ code: expected.code });
  expect(response.cookies.find((cookie) => cookie.name === 'kma_session')).toBeUndefined();
  expect(await snapshot(test)).toEqual(before);
  const refusals = await auditActions(test, 'passkey.sign_in_refused');
  expect(refusals).toHaveLength(refusalsBefore + 1);
  expect(refusals.at(-1)).toMatchObject({ actor: expected.actor, reason: expected.reason });
  if (expected.detail) {
    expect(String(refusals.at(-1)?.details.detail)).toMatch(expected.detail);
  }
}

describe('signing in with a passkey (issue 3)', () => {
  it('offers no credential list: the device shows its own passkeys for this app', async () => {
    const options = await signInOptions(test);
    expect(options.rpId).toBe('localhost');
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('preferred');
  });

  it('signs in, moves the counter on, notes the use, and records it', async () => {
    const { authenticator, userId } = await newAccount();
    test.clock.advance(60_000);
    const response = await signIn(test, authenticator);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { id: userId, displayName: '阿蘇 花子' } });

    const [passkey] = await test.database.db.select().from(passkeys).where(eq(passkeys.userId, userId));
    expect(passkey?.counter).toBe(2);
    expect(passkey?.lastUsedAt).toEqual(test.clock.now());
    const methods = await test.database.db
      .select({ method: sessions.method })
      .from(sessions)
      .where(eq(sessions.userId, userId));
    expect(methods).toEqual([{ method: 'passkey' }, { method: 'passkey' }]);
    expect((await auditActions(test, 'passkey.sign_in')).at(-1)).toMatchObject({
      actor: userId,
      subjectId: passkey?.id,
    });
    const me = await test.app.inject({ method: 'GET', url: '/api/session', headers: browserAfter(response) });
    expect(me.json()).toMatchObject({ user: { id: userId } });
  });

  it('works with a synced passkey that always reports counter 0', async () => {
    const { authenticator, userId } = await newAccount({ counting: false, backedUp: true });
    expect((await signIn(test, authenticator)).statusCode).toBe(200);
    expect((await signIn(test, authenticator)).statusCode).toBe(200);
    const [passkey] = await test.database.db.select().from(passkeys).where(eq(passkeys.userId, userId));
    expect(passkey).toMatchObject({ counter: 0, deviceType: 'multiDevice' });
  });

  it('works without user verification (a device with no screen lock)', async () => {
    const { authenticator } = await newAccount({ userVerified: false });
    expect((await signIn(test, authenticator)).statusCode).toBe(200);
  });

  it('refuses a passkey the app does not know, audited without an actor', async () => {
    const stranger = createTestAuthenticator();
    // A passkey that exists on the device but was never registered here.
    stranger.register({
      challenge: 'AAAAAAAAAAAAAAAAAAAAAA',
      rp: { id: 'localhost', name: 'x' },
      user: { id: 'dW5rbm93bg', name: 'x', displayName: 'x' },
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    });
    await expectRefusedSignIn(
      stranger,
      {},
      {
        status: 401,
        code: 'passkey_unknown',
        reason: 'unknown_credential',
        actor: null,
      },
    );
  });

  it('refuses a passkey of a deleted account as unknown', async () => {
    const { authenticator, userId } = await newAccount();
    await test.database.db.update(users).set({ deletedAt: test.clock.now() }).where(eq(users.id, userId));
    await expectRefusedSignIn(
      authenticator,
      {},
      {
        status: 401,
        code: 'passkey_unknown',
        reason: 'unknown_credential',
        actor: null,
      },
    );
  });

  it('refuses a replayed assertion', async () => {
    const { authenticator } = await newAccount();
    const options = await signInOptions(test);
    const assertion = authenticator.authenticate(options);
    expect((await post(test, '/api/passkeys/sign-in/verify', { response: assertion })).statusCode).toBe(200);
    const before = await snapshot(test);
    const replay = await post(test, '/api/passkeys/sign-in/verify', { response: assertion });
    expect(replay.json()).toMatchObject({ code: 'passkey_challenge_invalid' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.sign_in_refused')).at(-1)).toMatchObject({
      reason: 'challenge_unknown',
      actor: null,
    });
  });

  it('lets only one of two simultaneous uses of one assertion through', async () => {
    const { authenticator, userId } = await newAccount();
    const assertion = authenticator.authenticate(await signInOptions(test));
    const results = await Promise.all([
      post(test, '/api/passkeys/sign-in/verify', { response: assertion }),
      post(test, '/api/passkeys/sign-in/verify', { response: assertion }),
    ]);
    expect(results.map((result) => result.statusCode).sort()).toEqual([200, 400]);
    const live = await test.database.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(live).toHaveLength(2); // the sign-up's and one sign-in
  });

  it('refuses an assertion after the challenge expired (5 minutes)', async () => {
    const { authenticator } = await newAccount();
    const assertion = authenticator.authenticate(await signInOptions(test));
    test.clock.advance(5 * 60 * 1000 + 1);
    const before = await snapshot(test);
    const response = await post(test, '/api/passkeys/sign-in/verify', { response: assertion });
    expect(response.json()).toMatchObject({ code: 'passkey_challenge_invalid' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.sign_in_refused')).at(-1)).toMatchObject({
      reason: 'challenge_expired',
    });
  });

  it('refuses a challenge the server never issued', async () => {
    const { authenticator } = await newAccount();
    await expectRefusedSignIn(
      authenticator,
      { challenge: 'bm90LWlzc3VlZC1ieS11cy0xMjM0NTY3OA' },
      {
        status: 400,
        code: 'passkey_challenge_invalid',
        reason: 'challenge_unknown',
        actor: null,
      },
    );
  });

  it('refuses an assertion made on another site (wrong origin)', async () => {
    const { authenticator, userId } = await newAccount();
    await expectRefusedSignIn(
      authenticator,
      { origin: 'https://phishing.example' },
      {
        status: 400,
        code: 'passkey_verification_failed',
        reason: 'verification_failed',
        actor: userId,
        detail: /origin/i,
      },
    );
  });

  it('refuses an assertion for another RP id', async () => {
    const { authenticator, userId } = await newAccount();
    await expectRefusedSignIn(
      authenticator,
      { rpId: 'phishing.example' },
      {
        status: 400,
        code: 'passkey_verification_failed',
        reason: 'verification_failed',
        actor: userId,
        detail: /RP ID/i,
      },
    );
  });

  it('refuses a bad signature', async () => {
    const { authenticator, userId } = await newAccount();
    await expectRefusedSignIn(
      authenticator,
      { tamperSignature: true },
      {
        status: 400,
        code: 'passkey_verification_failed',
        reason: 'verification_failed',
        actor: userId,
      },
    );
  });

  it('refuses a registration type presented as a sign-in', async () => {
    const { authenticator, userId } = await newAccount();
    await expectRefusedSignIn(
      authenticator,
      { type: 'webauthn.create' },
      {
        status: 400,
        code: 'passkey_verification_failed',
        reason: 'verification_failed',
        actor: userId,
      },
    );
  });

  it('refuses an assertion that names another account as its user', async () => {
    const { authenticator, userId } = await newAccount();
    const other = await newAccount();
    await expectRefusedSignIn(
      authenticator,
      { userHandle: Buffer.from(other.userId).toString('base64url') },
      { status: 400, code: 'passkey_verification_failed', reason: 'user_handle_mismatch', actor: userId },
    );
  });

  it('refuses a counter that went backwards (a cloned authenticator)', async () => {
    const { authenticator, userId } = await newAccount();
    expect((await signIn(test, authenticator)).statusCode).toBe(200); // counter now 2
    const credential = authenticator.credentials[0];
    if (!credential) throw new Error('no credential');
    credential.counter = 0; // the clone signs with 1
    await expectRefusedSignIn(
      authenticator,
      {},
      {
        status: 400,
        code: 'passkey_verification_failed',
        reason: 'verification_failed',
        actor: userId,
        detail: /counter/i,
      },
    );
  });

  it('ends the session this browser had before, so it never holds two', async () => {
    const first = await newAccount();
    const { headers: signedIn } = await signUp(test, createTestAuthenticator(), '前の 人');
    const response = await signIn(test, first.authenticator, {}, signedIn);
    expect(response.statusCode).toBe(200);
    const old = await test.app.inject({ method: 'GET', url: '/api/session', headers: signedIn });
    expect(old.json()).toMatchObject({ user: null });
    const now = await test.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: browserAfter(response),
    });
    expect(now.json()).toMatchObject({ user: { id: first.userId } });
  });

  it('refuses a malformed body before anything else', async () => {
    const response = await post(test, '/api/passkeys/sign-in/verify', {
      response: { id: 'not base64url!', rawId: 'x', type: 'public-key', response: {} },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
  });
});
