import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import { auditEvents, passkeys, sessions, users } from '../../db/schema.ts';
import type { TestApp } from '../../test/test-app.ts';
import type { CeremonyOverrides, TestAuthenticator } from './test-authenticator.ts';

/**
 * The browser side of the passkey ceremonies in server tests: calls the API as a browser
 * would (cookies, CSRF header) and answers with a real software authenticator.
 */

const csrf = 'passkey-test-csrf-token-0123456789abcdefghij';
export const signedOut = { cookie: `kma_csrf=${csrf}`, 'x-csrf-token': csrf };

/** Headers of a browser holding the session cookie this response set. */
export function browserAfter(response: { cookies: { name: string; value: string }[] }) {
  const session = response.cookies.find((cookie) => cookie.name === 'kma_session');
  if (!session) throw new Error('no session cookie was set');
  return { cookie: `kma_csrf=${csrf}; kma_session=${session.value}`, 'x-csrf-token': csrf };
}

export async function post(
  test: TestApp,
  url: string,
  body: unknown,
  headers: Record<string, string> = signedOut,
) {
  return test.app.inject({ method: 'POST', url, payload: body as object, headers });
}

export async function signUpOptions(test: TestApp, displayName: string, headers = signedOut) {
  const response = await post(test, '/api/passkeys/sign-up/options', { displayName }, headers);
  if (response.statusCode !== 200)
    throw new Error(`sign-up options: ${response.statusCode} ${response.body}`);
  return response.json<{ options: PublicKeyCredentialCreationOptionsJSON }>().options;
}

export async function signInOptions(test: TestApp, headers = signedOut) {
  const response = await post(test, '/api/passkeys/sign-in/options', {}, headers);
  if (response.statusCode !== 200)
    throw new Error(`sign-in options: ${response.statusCode} ${response.body}`);
  return response.json<{ options: PublicKeyCredentialRequestOptionsJSON }>().options;
}

/** Creates an account with a passkey; returns the signed-in browser and the account id. */
export async function signUp(test: TestApp, authenticator: TestAuthenticator, displayName = 'くまもと 花子') {
  const options = await signUpOptions(test, displayName);
  const response = await post(test, '/api/passkeys/sign-up/verify', {
    response: authenticator.register(options),
  });
  if (response.statusCode !== 200) throw new Error(`sign-up: ${response.statusCode} ${response.body}`);
  const { user } = response.json<{ user: { id: string } }>();
  return { headers: browserAfter(response), userId: user.id };
}

/** Signs in with the authenticator's passkey; returns the raw response. */
export async function signIn(
  test: TestApp,
  authenticator: TestAuthenticator,
  overrides: CeremonyOverrides = {},
  headers = signedOut,
) {
  const options = await signInOptions(test, headers);
  return post(
    test,
    '/api/passkeys/sign-in/verify',
    { response: authenticator.authenticate(options, overrides) },
    headers,
  );
}

/** What the database holds, to prove a refusal changed nothing. */
export async function snapshot(test: TestApp) {
  const db = test.database.db;
  return {
    users: (await db.select({ id: users.id }).from(users)).length,
    passkeys: await db
      .select({ id: passkeys.id, counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .orderBy(passkeys.id),
    sessions: (await db.select({ id: sessions.publicId }).from(sessions)).length,
  };
}

export async function auditActions(test: TestApp, action: string) {
  return test.database.db
    .select({
      actor: auditEvents.actorUserId,
      reason: auditEvents.reason,
      subjectId: auditEvents.subjectId,
      details: auditEvents.details,
    })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(auditEvents.id);
}
