import type { CardIdentity } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import {
  auditEvents,
  emailCodes,
  identityBindings,
  jpkiChallenges,
  notifications,
  oidcAuthorizations,
  organizerMembers,
  passkeys,
  schoolDistricts,
  sessions,
  userMiniApps,
  userRoles,
  users,
  verificationEvents,
  webauthnChallenges,
} from '../../db/schema.ts';
import { createSession, findViewer } from '../../platform/session-store.ts';
import { callerFor, createUser, type Caller } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import { applyVerifiedIdentity, type ProvenIdentity } from '../identity/apply-verified-identity.ts';
import { deleteAccount, deletedAccountDisplayName } from './delete-account.ts';

let test: TestApp;
let db: Database;
beforeAll(async () => {
  test = await createTestApp();
  db = test.database.db;
  await db.insert(schoolDistricts).values({ code: 'd-test', nameJa: '手取校区', nameEn: 'Tedori' });
});
afterAll(() => test.close());

let serial = 0;
const card = (name: string): CardIdentity => ({
  name,
  address: '熊本県熊本市中央区手取本町1番1号',
  birthDate: '1988-11-03',
  gender: 'male',
});
const proofFor = (name: string, personKey = `person-${++serial}`): ProvenIdentity => ({
  adapter: 'oidc',
  bindingKey: `issuer|subject-${++serial}`,
  personKey,
  card: card(name),
});

/**
 * A verified resident with something in every table deletion must empty: a session, a passkey,
 * a WebAuthn ceremony, e-mail codes (by account and by address), OIDC and JPKI flows in
 * progress, a card binding and its history, an installed mini-app, a notification, a staff
 * role, a confirmed e-mail address, a declared profile and a school district.
 */
async function residentWithEverything(name: string) {
  const user = await createUser(db, { displayName: name });
  const email = `${name.replaceAll(' ', '').toLowerCase()}-${++serial}@example.jp`;
  const proof = proofFor(name);
  await applyVerifiedIdentity(db, { userId: user.id, proof, now: test.clock.now() });
  const later = new Date(test.clock.now().getTime() + 600_000);
  await db
    .update(users)
    .set({
      email,
      emailVerifiedAt: test.clock.now(),
      declaredBirthDate: '1988-11-03',
      declaredGender: 'male',
      schoolDistrictCode: 'd-test',
      schoolDistrictSource: 'address',
      locale: 'en',
    })
    .where(eq(users.id, user.id));
  await db.insert(passkeys).values({
    id: `cred-${++serial}`,
    userId: user.id,
    publicKey: 'pk',
    deviceType: 'multiDevice',
    backedUp: true,
    name: 'iPhone',
  });
  await db
    .insert(webauthnChallenges)
    .values({ challenge: `ch-${++serial}`, purpose: 'add_passkey', userId: user.id, expiresAt: later });
  await db.insert(emailCodes).values([
    { email, purpose: 'sign_in', codeHash: `h-${++serial}`, expiresAt: later },
    {
      email: `new-${email}`,
      purpose: 'add_email',
      userId: user.id,
      codeHash: `h-${++serial}`,
      expiresAt: later,
    },
  ]);
  await db.insert(oidcAuthorizations).values({
    stateHash: `state-${++serial}`,
    userId: user.id,
    nonce: 'n',
    codeVerifier: 'v',
    expiresAt: later,
  });
  await db.insert(jpkiChallenges).values({ key: `jpki-${++serial}`, userId: user.id, expiresAt: later });
  await db.insert(userMiniApps).values({ userId: user.id, miniAppId: 'organizer' });
  await db.insert(notifications).values({ userId: user.id, kind: 'welcome' });
  await db.insert(userRoles).values({ userId: user.id, role: 'shelter_staff' });
  const caller = await callerFor(test, user.id);
  return { ...user, email, proof, caller };
}

/** Everything kept about one person, table by table. */
async function holdings(userId: string, email: string) {
  return {
    user: (await db.select().from(users).where(eq(users.id, userId)))[0],
    sessions: await db.select().from(sessions).where(eq(sessions.userId, userId)),
    passkeys: await db.select().from(passkeys).where(eq(passkeys.userId, userId)),
    webauthnChallenges: await db
      .select()
      .from(webauthnChallenges)
      .where(eq(webauthnChallenges.userId, userId)),
    emailCodesByAccount: await db.select().from(emailCodes).where(eq(emailCodes.userId, userId)),
    emailCodesByAddress: await db.select().from(emailCodes).where(eq(emailCodes.email, email)),
    oidcAuthorizations: await db
      .select()
      .from(oidcAuthorizations)
      .where(eq(oidcAuthorizations.userId, userId)),
    jpkiChallenges: await db.select().from(jpkiChallenges).where(eq(jpkiChallenges.userId, userId)),
    identityBindings: await db.select().from(identityBindings).where(eq(identityBindings.userId, userId)),
    verificationEvents: await db
      .select()
      .from(verificationEvents)
      .where(eq(verificationEvents.userId, userId)),
    installedMiniApps: await db.select().from(userMiniApps).where(eq(userMiniApps.userId, userId)),
    notifications: await db.select().from(notifications).where(eq(notifications.userId, userId)),
    roles: await db.select().from(userRoles).where(eq(userRoles.userId, userId)),
  };
}

const deleteMe = (caller: Caller, payload: unknown = { confirm: true }) =>
  test.app.inject({ method: 'DELETE', url: '/api/me', headers: caller.headers, payload: payload as object });

const auditOf = (userId: string) =>
  db.select().from(auditEvents).where(eq(auditEvents.subjectId, userId)).orderBy(auditEvents.id);

describe('DELETE /api/me: account deletion (issue 3 part 7, R-PRIV-1)', () => {
  it('removes every sign-in method and all personal data, keeps the bare row, and signs out', async () => {
    const person = await residentWithEverything('熊本 太郎');
    const before = await holdings(person.id, person.email);
    // Every table the test claims to empty had something in it.
    for (const [table, rows] of Object.entries(before))
      if (Array.isArray(rows)) expect(rows, table).not.toEqual([]);

    const response = await deleteMe(person.caller);
    expect(response.statusCode).toBe(204);
    const cleared = response.cookies.find((cookie) => cookie.name === 'kma_session');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires?.getTime()).toBeLessThanOrEqual(Date.now());

    const after = await holdings(person.id, person.email);
    for (const [table, rows] of Object.entries(after))
      if (Array.isArray(rows)) expect(rows, table).toEqual([]);
    expect(after.user).toEqual({
      ...before.user,
      displayName: deletedAccountDisplayName,
      identityLevel: 'unverified',
      locale: 'ja',
      persona: null,
      cardName: null,
      cardAddress: null,
      cardBirthDate: null,
      cardGender: null,
      verifiedAt: null,
      email: null,
      emailVerifiedAt: null,
      declaredBirthDate: null,
      declaredGender: null,
      schoolDistrictCode: null,
      schoolDistrictSource: null,
      deletedAt: test.clock.now(),
    });
  });

  it('records account.deleted without any personal data', async () => {
    const person = await residentWithEverything('阿蘇 次郎');
    expect((await deleteMe(person.caller)).statusCode).toBe(204);
    const events = (await auditOf(person.id)).filter((event) => event.action === 'account.deleted');
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({ actorUserId: person.id, subjectType: 'user', subjectId: person.id });
    expect(event?.details).toMatchObject({
      removed: { sessions: 1, passkeys: 1, emailCodes: 2, identityBindings: 1 },
    });
    const written = JSON.stringify(event);
    for (const personal of [
      '阿蘇',
      person.email,
      '手取本町',
      '1988-11-03',
      person.proof.personKey,
      person.proof.bindingKey,
    ])
      expect(written).not.toContain(personal);
  });

  it('leaves other people’s data untouched', async () => {
    const person = await residentWithEverything('八代 三郎');
    const other = await residentWithEverything('人吉 四郎');
    const otherBefore = await holdings(other.id, other.email);
    expect((await deleteMe(person.caller)).statusCode).toBe(204);
    expect(await holdings(other.id, other.email)).toEqual(otherBefore);
    const session = await test.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: other.caller.headers,
    });
    expect(session.json<{ user: { id: string } | null }>().user?.id).toBe(other.id);
  });

  it('refuses a second request cleanly: the session is gone, nothing more changes or is recorded', async () => {
    const person = await residentWithEverything('天草 五郎');
    expect((await deleteMe(person.caller)).statusCode).toBe(204);
    const rowAfterFirst = (await holdings(person.id, person.email)).user;
    const eventsAfterFirst = await auditOf(person.id);

    test.clock.advance(60_000);
    const again = await deleteMe(person.caller);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ code: 'unauthenticated' });
    expect((await holdings(person.id, person.email)).user).toEqual(rowAfterFirst);
    expect(await auditOf(person.id)).toEqual(eventsAfterFirst);

    const session = await test.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: person.caller.headers,
    });
    expect(session.json()).toMatchObject({ user: null });
  });

  it('refuses a deletion racing one that already finished, changing nothing', async () => {
    const person = await residentWithEverything('宇土 六子');
    await deleteAccount(db, { userId: person.id, now: test.clock.now() });
    const rowAfterFirst = (await holdings(person.id, person.email)).user;
    test.clock.advance(60_000);
    await expect(deleteAccount(db, { userId: person.id, now: test.clock.now() })).rejects.toMatchObject({
      code: 'account_deleted',
    });
    expect((await holdings(person.id, person.email)).user).toEqual(rowAfterFirst);
    expect((await auditOf(person.id)).filter((event) => event.action === 'account.deleted')).toHaveLength(1);
  });

  it('never signs a deleted account in again, even through a session made after deletion', async () => {
    const person = await residentWithEverything('玉名 七海');
    expect((await deleteMe(person.caller)).statusCode).toBe(204);
    const { token } = await createSession(db, {
      userId: person.id,
      userAgent: 'vitest',
      now: test.clock.now(),
      ttlDays: 30,
      method: 'passkey',
    });
    expect(await findViewer(db, token, test.clock.now())).toBeNull();
  });

  it('lets the same My Number Card verify a new account afterwards (bindings are removed)', async () => {
    const person = await residentWithEverything('菊池 八重');
    const newcomer = await createUser(db);
    const sameCard = { ...person.proof, bindingKey: `${person.proof.bindingKey}-again` };
    // While the account exists, the card belongs to it (one person, one account).
    await expect(
      applyVerifiedIdentity(db, { userId: newcomer.id, proof: sameCard, now: test.clock.now() }),
    ).rejects.toMatchObject({ code: 'identity_already_bound' });

    expect((await deleteMe(person.caller)).statusCode).toBe(204);
    await applyVerifiedIdentity(db, { userId: newcomer.id, proof: sameCard, now: test.clock.now() });
    expect((await holdings(newcomer.id, '')).user).toMatchObject({
      identityLevel: 'verified',
      cardName: '菊池 八重',
    });
  });

  it('deletes nothing without an explicit confirmation', async () => {
    const person = await residentWithEverything('山鹿 九郎');
    const before = await holdings(person.id, person.email);

    const unconfirmed = await deleteMe(person.caller, { confirm: false });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json()).toMatchObject({ code: 'account_deletion_unconfirmed' });

    const noBody = await test.app.inject({
      method: 'DELETE',
      url: '/api/me',
      headers: person.caller.headers,
    });
    expect(noBody.statusCode).toBe(400);
    const wrongShape = await deleteMe(person.caller, { confirm: 'yes' });
    expect(wrongShape.json()).toMatchObject({ code: 'validation_failed' });

    expect(await holdings(person.id, person.email)).toEqual(before);
  });

  it('asks a signed-out caller to sign in, and refuses a request without the CSRF token', async () => {
    const signedOut = await callerFor(test);
    expect((await deleteMe(signedOut)).statusCode).toBe(401);

    const person = await residentWithEverything('宇城 十和');
    const { 'x-csrf-token': _token, ...withoutToken } = person.caller.headers;
    const forged = await deleteMe({ headers: withoutToken });
    expect(forged.json()).toMatchObject({ code: 'csrf_failed' });
    expect((await holdings(person.id, person.email)).user?.deletedAt).toBeNull();
  });

  it('refuses a group administrator until the role is handed over, and ends a member’s membership (R-ORG-7)', async () => {
    await seedDemoData(db, { now: test.clock.now() });
    const personaId = async (key: string) => {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.persona, key));
      if (!row) throw new Error(`persona ${key} not seeded`);
      return row.id;
    };
    const administrator = await personaId('organizer-admin');
    await expect(deleteAccount(db, { userId: administrator, now: test.clock.now() })).rejects.toMatchObject({
      code: 'account_is_group_administrator',
    });
    const [stillThere] = await db.select().from(users).where(eq(users.id, administrator));
    expect(stillThere?.deletedAt).toBeNull();

    const member = await personaId('organizer-member');
    const removed = await deleteAccount(db, { userId: member, now: test.clock.now() });
    expect(removed.groupMemberships).toBe(1);
    expect(await db.select().from(organizerMembers).where(eq(organizerMembers.userId, member))).toEqual([]);
  });
});
