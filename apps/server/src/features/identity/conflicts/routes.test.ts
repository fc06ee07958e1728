import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, identityBindings, notifications, users } from '../../../db/schema.ts';
import { callerFor, createUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { applyVerifiedIdentity, type ProvenIdentity } from '../apply-verified-identity.ts';

const card = {
  name: '熊本 次郎',
  address: '熊本県熊本市中央区手取本町1番1号',
  birthDate: '1980-01-02',
  gender: 'male',
} as const;
const proof = (bindingKey: string): ProvenIdentity => ({
  adapter: 'oidc',
  bindingKey,
  personKey: 'person-key-of-kumamoto-jiro',
  card,
});

interface ConflictList {
  conflicts: { holder: { stillBound: boolean } | null }[];
}

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('resolving "already verified on another account" (issue 3)', () => {
  it('records the refused attempt, lists it for city administrators, and a release lets the person verify the new account', async () => {
    const db = test.database.db;
    const oldAccount = await createUser(db, { displayName: '旧アカウント' });
    const newAccount = await createUser(db, { displayName: '新アカウント' });
    const admin = await createUser(db, { roles: ['city_admin'] });
    await applyVerifiedIdentity(db, { userId: oldAccount.id, proof: proof('old-subject'), now: new Date() });
    await expect(
      applyVerifiedIdentity(db, { userId: newAccount.id, proof: proof('new-subject'), now: new Date() }),
    ).rejects.toMatchObject({ code: 'identity_already_bound' });

    const asAdmin = await callerFor(test, admin.id);
    const listed = await test.app.inject({ method: 'GET', url: '/api/city/identity-conflicts', ...asAdmin });
    expect(listed.statusCode).toBe(200);
    const [conflict] = listed.json<ConflictList>().conflicts;
    expect(conflict).toMatchObject({
      adapter: 'oidc',
      claimant: { id: newAccount.id, displayName: '新アカウント' },
      holder: { id: oldAccount.id, displayName: card.name, stillBound: true },
    });
    const viewed = await db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'identity.conflicts_viewed'));
    expect(viewed).toHaveLength(1);

    // Without a reason nothing happens.
    const noReason = await test.app.inject({
      method: 'POST',
      url: '/api/city/identity-conflicts/release',
      ...asAdmin,
      payload: { holderUserId: oldAccount.id, reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(
      await db.select().from(identityBindings).where(eq(identityBindings.userId, oldAccount.id)),
    ).toHaveLength(1);

    const released = await test.app.inject({
      method: 'POST',
      url: '/api/city/identity-conflicts/release',
      ...asAdmin,
      payload: { holderUserId: oldAccount.id, reason: '本人が窓口で旧端末の紛失を申告' },
    });
    expect(released.statusCode).toBe(204);
    const [old] = await db.select().from(users).where(eq(users.id, oldAccount.id));
    expect(old).toMatchObject({
      identityLevel: 'unverified',
      cardName: null,
      cardAddress: null,
      verifiedAt: null,
    });
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.action, 'identity.released'));
    expect(audit).toMatchObject({
      actorUserId: admin.id,
      subjectId: oldAccount.id,
      reason: '本人が窓口で旧端末の紛失を申告',
    });
    const inbox = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, oldAccount.id), eq(notifications.kind, 'identity_released')));
    expect(inbox).toHaveLength(1);

    // The person can now verify the account they use, and the case reads as resolved.
    await applyVerifiedIdentity(db, { userId: newAccount.id, proof: proof('new-subject'), now: new Date() });
    const again = await test.app.inject({ method: 'GET', url: '/api/city/identity-conflicts', ...asAdmin });
    expect(again.json<ConflictList>().conflicts[0]?.holder?.stillBound).toBe(false);

    // Releasing an account that holds no card is refused and changes nothing.
    const twice = await test.app.inject({
      method: 'POST',
      url: '/api/city/identity-conflicts/release',
      ...asAdmin,
      payload: { holderUserId: oldAccount.id, reason: '二重操作' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'identity_not_bound' });
  });

  it('is for city administrators only', async () => {
    const reviewer = await createUser(test.database.db, { roles: ['city_reviewer'] });
    const asReviewer = await callerFor(test, reviewer.id);
    const listed = await test.app.inject({
      method: 'GET',
      url: '/api/city/identity-conflicts',
      ...asReviewer,
    });
    expect(listed.statusCode).toBe(403);
  });
});
