import type { CardIdentity } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema.ts';
import { callerFor, createUser, type Caller } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { applyVerifiedIdentity } from './apply-verified-identity.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp({ now: '2026-06-01T10:00:00+09:00' });
});
afterAll(() => test.close());

const card: CardIdentity = {
  name: '江津 みどり',
  address: '熊本県熊本市東区江津1丁目2番3号',
  birthDate: '1990-06-02',
  gender: 'female',
};

const get = (caller: Caller) =>
  test.app.inject({ method: 'GET', url: '/api/me/identity', headers: caller.headers });
const put = (caller: Caller, payload: object) =>
  test.app.inject({ method: 'PUT', url: '/api/me/identity/declared', headers: caller.headers, payload });

async function resident(): Promise<{ id: string; caller: Caller }> {
  const user = await createUser(test.database.db, { displayName: 'はじめ 太郎' });
  return { id: user.id, caller: await callerFor(test, user.id) };
}

async function verify(userId: string, identity: CardIdentity, at: string, key = 'key'): Promise<void> {
  await applyVerifiedIdentity(test.database.db, {
    userId,
    proof: {
      adapter: 'oidc',
      bindingKey: `binding-${userId}-${key}`,
      personKey: `person-${userId}`,
      card: identity,
    },
    now: new Date(at),
  });
}

describe('GET /api/me/identity', () => {
  it('needs a signed-in resident', async () => {
    const response = await get(await callerFor(test));
    expect(response.statusCode).toBe(401);
  });

  it('shows an unverified resident their declared items, editable, and no card items (R-ID-2)', async () => {
    const { caller } = await resident();
    const response = await get(caller);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toEqual({
      level: 'unverified',
      card: null,
      age: null,
      verifiedAt: null,
      history: [],
      declared: { displayName: 'はじめ 太郎', birthDate: null, gender: null },
      methods: { cardService: true },
    });
  });

  it('shows a verified resident the card’s four items, age, last verification and history, newest first', async () => {
    const { id, caller } = await resident();
    await verify(id, card, '2025-04-01T03:00:00Z');
    await verify(
      id,
      { ...card, address: '熊本県熊本市中央区出水2丁目7番1号' },
      '2026-05-20T03:00:00Z',
      'moved',
    );
    const response = await get(caller);
    expect(response.json()).toEqual({
      level: 'verified',
      card: { ...card, address: '熊本県熊本市中央区出水2丁目7番1号' },
      age: 35,
      verifiedAt: '2026-05-20T03:00:00.000Z',
      history: [
        { occurredAt: '2026-05-20T03:00:00.000Z', adapter: 'oidc', changedFields: ['address'] },
        {
          occurredAt: '2025-04-01T03:00:00.000Z',
          adapter: 'oidc',
          changedFields: ['name', 'address', 'birthDate', 'gender'],
        },
      ],
      declared: null,
      methods: { cardService: true },
    });
  });

  it('counts age on the Japanese date: a birthday begins at midnight JST, not UTC', async () => {
    const { id, caller } = await resident();
    await verify(id, card, '2026-01-01T00:00:00Z');
    const before = test.clock.now();
    try {
      test.clock.set('2026-06-01T14:59:00Z'); // 23:59 on 1 June in Japan
      expect((await get(caller)).json()).toMatchObject({ age: 35 });
      test.clock.set('2026-06-01T15:00:00Z'); // 00:00 on 2 June in Japan: the birthday
      expect((await get(caller)).json()).toMatchObject({ age: 36 });
    } finally {
      test.clock.set(before.toISOString());
    }
  });
});

describe('PUT /api/me/identity/declared (R-ID-2)', () => {
  it('saves an unverified resident’s name, birth date and gender, with an audit of which changed', async () => {
    const { id, caller } = await resident();
    const response = await put(caller, {
      displayName: ' 肥後 はな ',
      birthDate: '2000-06-01',
      gender: 'female',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      level: 'unverified',
      age: 26,
      declared: { displayName: '肥後 はな', birthDate: '2000-06-01', gender: 'female' },
    });
    const audit = await test.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'identity.declared_updated',
        details: { changedFields: ['displayName', 'birthDate', 'gender'] },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain('2000-06-01');
  });

  it('clears declared items with null', async () => {
    const { caller } = await resident();
    await put(caller, { displayName: '肥後 はな', birthDate: '2000-06-01', gender: 'female' });
    const response = await put(caller, { displayName: '肥後 はな', birthDate: null, gender: null });
    expect(response.json()).toMatchObject({ age: null, declared: { birthDate: null, gender: null } });
  });

  it('refuses once verified: the card’s items are read-only (R-ID-1), nothing changes', async () => {
    const { id, caller } = await resident();
    await verify(id, card, '2026-05-01T00:00:00Z');
    const response = await put(caller, { displayName: '別の 名前', birthDate: '2001-01-01', gender: 'male' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'declared_profile_locked' });
    const [user] = await test.database.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ displayName: card.name, declaredBirthDate: null, declaredGender: null });
  });

  it('refuses a 12-digit individual number as a name (R-ID-3), storing nothing', async () => {
    const { id, caller } = await resident();
    const response = await put(caller, { displayName: '1234 5678 9012', birthDate: null, gender: null });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'individual_number_refused' });
    const [user] = await test.database.db.select().from(users).where(eq(users.id, id));
    expect(user?.displayName).toBe('はじめ 太郎');
  });

  it.each([
    ['a birth date in the future', { birthDate: '2026-06-02' }],
    ['a birth date before 1900', { birthDate: '1899-12-31' }],
    ['an impossible date', { birthDate: '2000-02-30' }],
    ['an unknown gender', { gender: 'other' }],
    ['an empty name', { displayName: '   ' }],
    ['a name over 100 characters', { displayName: 'あ'.repeat(101) }],
  ])('refuses %s with validation_failed, changing nothing', async (_what, change) => {
    const { id, caller } = await resident();
    const response = await put(caller, {
      displayName: '肥後 はな',
      birthDate: null,
      gender: null,
      ...change,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    const [user] = await test.database.db.select().from(users).where(eq(users.id, id));
    expect(user).toMatchObject({ displayName: 'はじめ 太郎', declaredBirthDate: null, declaredGender: null });
  });
});
