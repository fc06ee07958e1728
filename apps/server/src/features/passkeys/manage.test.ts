import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passkeys, users } from '../../db/schema.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createTestAuthenticator, type TestAuthenticator } from './test-authenticator.ts';
import { auditActions, post, signIn, signUp, snapshot } from './test-flows.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

interface PasskeyList {
  passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null; synced: boolean }[];
  hasEmail: boolean;
}

async function list(headers: Record<string, string>): Promise<PasskeyList> {
  const response = await test.app.inject({ method: 'GET', url: '/api/me/passkeys', headers });
  expect(response.statusCode).toBe(200);
  return response.json<PasskeyList>();
}

async function addPasskey(headers: Record<string, string>, authenticator: TestAuthenticator) {
  const options = (await post(test, '/api/me/passkeys/options', {}, headers)).json<{
    options: Parameters<TestAuthenticator['register']>[0];
  }>().options;
  return post(test, '/api/me/passkeys/verify', { response: authenticator.register(options) }, headers);
}

describe('managing passkeys on My page', () => {
  it('lists the account’s passkeys without any key material', async () => {
    const { headers } = await signUp(test, createTestAuthenticator(), '一覧 花子');
    const body = await list(headers);
    expect(body.hasEmail).toBe(false);
    expect(body.passkeys).toHaveLength(1);
    expect(Object.keys(body.passkeys[0] ?? {}).sort()).toEqual([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
      'synced',
    ]);
  });

  it('adds a second passkey (another phone), which then signs in too', async () => {
    const phone = createTestAuthenticator();
    const { headers, userId } = await signUp(test, phone, '二台 太郎');
    const tablet = createTestAuthenticator({ backedUp: true });
    test.clock.advance(1000);
    const added = await addPasskey(headers, tablet);
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ passkey: { id: tablet.credentials[0]?.id, synced: true } });
    expect((await list(headers)).passkeys.map((item) => item.id)).toEqual([
      phone.credentials[0]?.id,
      tablet.credentials[0]?.id,
    ]);
    expect((await auditActions(test, 'passkey.added')).at(-1)).toMatchObject({ actor: userId });
    const viaTablet = await signIn(test, tablet);
    expect(viaTablet.json()).toMatchObject({ user: { id: userId } });
  });

  it('lets a person without any passkey (signed in another way) add their first', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    expect((await list(caller.headers)).passkeys).toEqual([]);
    const authenticator = createTestAuthenticator();
    expect((await addPasskey(caller.headers, authenticator)).statusCode).toBe(200);
    expect((await signIn(test, authenticator)).json()).toMatchObject({ user: { id: user.id } });
  });

  it('excludes the passkeys the account already has, and refuses one registered twice', async () => {
    const phone = createTestAuthenticator();
    const { headers } = await signUp(test, phone, '重複 花子');
    const response = await post(test, '/api/me/passkeys/options', {}, headers);
    const { options } = response.json<{ options: Parameters<TestAuthenticator['register']>[0] }>();
    expect(options.excludeCredentials?.map((item) => item.id)).toEqual([phone.credentials[0]?.id]);
    const before = await snapshot(test);
    const again = await post(
      test,
      '/api/me/passkeys/verify',
      { response: phone.register(options, { credentialId: phone.credentials[0]?.id }) },
      headers,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'passkey_already_registered' });
    expect(await snapshot(test)).toEqual(before);
  });

  it('refuses finishing with a challenge issued to another account', async () => {
    const alice = await signUp(test, createTestAuthenticator(), 'アリス');
    const bob = await signUp(test, createTestAuthenticator(), 'ボブ');
    const aliceOptions = (await post(test, '/api/me/passkeys/options', {}, alice.headers)).json<{
      options: Parameters<TestAuthenticator['register']>[0];
    }>().options;
    const before = await snapshot(test);
    const response = await post(
      test,
      '/api/me/passkeys/verify',
      { response: createTestAuthenticator().register(aliceOptions) },
      bob.headers,
    );
    expect(response.json()).toMatchObject({ code: 'passkey_challenge_invalid' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.add_passkey_refused')).at(-1)).toMatchObject({
      actor: bob.userId,
      reason: 'challenge_of_another_account',
    });
  });

  it('refuses a new passkey from another origin', async () => {
    const { headers, userId } = await signUp(test, createTestAuthenticator(), '別サイト 人');
    const options = (await post(test, '/api/me/passkeys/options', {}, headers)).json<{
      options: Parameters<TestAuthenticator['register']>[0];
    }>().options;
    const before = await snapshot(test);
    const response = await post(
      test,
      '/api/me/passkeys/verify',
      { response: createTestAuthenticator().register(options, { origin: 'https://evil.example' }) },
      headers,
    );
    expect(response.json()).toMatchObject({ code: 'passkey_verification_failed' });
    expect(await snapshot(test)).toEqual(before);
    expect((await auditActions(test, 'passkey.add_passkey_refused')).at(-1)).toMatchObject({ actor: userId });
  });

  it('renames a passkey; another person’s is not found; a My Number is refused', async () => {
    const { headers, userId } = await signUp(test, createTestAuthenticator(), '改名 花子');
    const [mine] = (await list(headers)).passkeys;
    const rename = (id: string, name: string, as = headers) =>
      test.app.inject({ method: 'PUT', url: `/api/me/passkeys/${id}/name`, payload: { name }, headers: as });

    expect((await rename(mine?.id ?? '', '  妻のスマホ ')).statusCode).toBe(204);
    expect((await list(headers)).passkeys[0]?.name).toBe('妻のスマホ');
    expect((await auditActions(test, 'passkey.renamed')).at(-1)).toMatchObject({ actor: userId });

    expect((await rename(mine?.id ?? '', '')).json()).toMatchObject({ code: 'validation_failed' });
    expect((await rename(mine?.id ?? '', '1234 5678 9012')).json()).toMatchObject({
      code: 'individual_number_refused',
    });
    const intruder = await signUp(test, createTestAuthenticator(), '他人');
    const foreign = await rename(mine?.id ?? '', '乗っ取り', intruder.headers);
    expect(foreign.statusCode).toBe(404);
    expect((await list(headers)).passkeys[0]?.name).toBe('妻のスマホ');
  });

  it('removes a passkey when another remains; it then no longer signs in', async () => {
    const phone = createTestAuthenticator();
    const { headers, userId } = await signUp(test, phone, '削除 花子');
    await addPasskey(headers, createTestAuthenticator());
    const id = phone.credentials[0]?.id ?? '';
    const removed = await test.app.inject({ method: 'DELETE', url: `/api/me/passkeys/${id}`, headers });
    expect(removed.statusCode).toBe(204);
    expect((await list(headers)).passkeys).toHaveLength(1);
    expect((await auditActions(test, 'passkey.removed')).at(-1)).toMatchObject({
      actor: userId,
      subjectId: id,
    });
    expect((await signIn(test, phone)).json()).toMatchObject({ code: 'passkey_unknown' });
  });

  it('refuses removing the last passkey without a confirmed e-mail (no lock-out), and audits it', async () => {
    const phone = createTestAuthenticator();
    const { headers, userId } = await signUp(test, phone, '最後 太郎');
    const id = phone.credentials[0]?.id ?? '';
    const response = await test.app.inject({ method: 'DELETE', url: `/api/me/passkeys/${id}`, headers });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'passkey_last_one' });
    expect((await list(headers)).passkeys).toHaveLength(1);
    expect((await auditActions(test, 'passkey.remove_refused')).at(-1)).toMatchObject({
      actor: userId,
      reason: 'last_passkey_without_email',
    });
  });

  it('allows removing the last passkey when the account has a confirmed e-mail to sign in with', async () => {
    const phone = createTestAuthenticator();
    const { headers, userId } = await signUp(test, phone, 'メール 花子');
    await test.database.db
      .update(users)
      .set({ email: 'hanako@example.jp', emailVerifiedAt: test.clock.now() })
      .where(eq(users.id, userId));
    expect((await list(headers)).hasEmail).toBe(true);
    const id = phone.credentials[0]?.id ?? '';
    const response = await test.app.inject({ method: 'DELETE', url: `/api/me/passkeys/${id}`, headers });
    expect(response.statusCode).toBe(204);
    expect(await test.database.db.select().from(passkeys).where(eq(passkeys.userId, userId))).toEqual([]);
  });

  it('does not remove another person’s passkey', async () => {
    const phone = createTestAuthenticator();
    const owner = await signUp(test, phone, '持ち主');
    await addPasskey(owner.headers, createTestAuthenticator());
    const intruder = await signUp(test, createTestAuthenticator(), '侵入者');
    const id = phone.credentials[0]?.id ?? '';
    const response = await test.app.inject({
      method: 'DELETE',
      url: `/api/me/passkeys/${id}`,
      headers: intruder.headers,
    });
    expect(response.statusCode).toBe(404);
    expect((await list(owner.headers)).passkeys).toHaveLength(2);
  });

  it('needs a signed-in person for every management route', async () => {
    const signedOutCaller = await callerFor(test);
    for (const [method, url] of [
      ['GET', '/api/me/passkeys'],
      ['POST', '/api/me/passkeys/options'],
      ['DELETE', '/api/me/passkeys/abc'],
    ] as const) {
      const response = await test.app.inject({ method, url, headers: signedOutCaller.headers });
      expect(response.statusCode).toBe(401);
    }
  });
});
