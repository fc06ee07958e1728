import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardIdentity } from '@kumamoto/domain';
import type { DatabaseHandle } from '../../db/client.ts';
import { auditEvents, identityBindings, users, verificationEvents } from '../../db/schema.ts';
import { replaceSchoolDistricts } from '../school-districts/replace-school-districts.ts';
import { createUser } from '../../test/factories.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { applyVerifiedIdentity, type ProvenIdentity } from './apply-verified-identity.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await replaceSchoolDistricts(
    database.db,
    {
      districts: [
        { code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku' },
        { code: 'higashimachi', nameJa: '東町校区', nameEn: 'Higashimachi' },
        { code: 'kasuga', nameJa: '春日校区', nameEn: 'Kasuga' },
      ],
      prefixes: [
        { prefix: '中央区手取本町', districtCode: 'keitoku' },
        { prefix: '東区東町', districtCode: 'higashimachi' },
        { prefix: '西区春日', districtCode: 'kasuga' },
      ],
    },
    { source: 'test' },
  );
});
afterAll(() => database.close());

const card: CardIdentity = {
  name: '熊本 花子',
  address: '熊本県熊本市中央区手取本町1番1号',
  birthDate: '1992-06-14',
  gender: 'female',
};
let serial = 0;
const proof = (overrides: Partial<ProvenIdentity> = {}): ProvenIdentity => ({
  adapter: 'jpki',
  bindingKey: `cert-${++serial}`,
  personKey: `person-${serial}`,
  card,
  ...overrides,
});
const now = new Date('2026-06-01T01:00:00Z');
const profile = async (userId: string) =>
  (await database.db.select().from(users).where(eq(users.id, userId)))[0];
const events = (userId: string) =>
  database.db.select().from(verificationEvents).where(eq(verificationEvents.userId, userId));

describe('applyVerifiedIdentity (R-ID-1)', () => {
  it('verifies an account with the card’s four items and records which changed', async () => {
    const user = await createUser(database.db);
    const result = await applyVerifiedIdentity(database.db, { userId: user.id, proof: proof(), now });
    expect(result.changedFields).toEqual(['name', 'address', 'birthDate', 'gender']);
    expect(await profile(user.id)).toMatchObject({
      identityLevel: 'verified',
      displayName: '熊本 花子',
      cardName: '熊本 花子',
      cardAddress: card.address,
      cardBirthDate: '1992-06-14',
      cardGender: 'female',
      verifiedAt: now,
    });
    const audit = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit).toEqual([expect.objectContaining({ action: 'identity.verified' })]);
  });

  it('updates the address after a move and keeps the history', async () => {
    const user = await createUser(database.db);
    const first = proof();
    await applyVerifiedIdentity(database.db, { userId: user.id, proof: first, now });
    const moved = {
      ...first,
      bindingKey: `${first.bindingKey}-renewed`,
      card: { ...card, address: '熊本県熊本市東区東町4丁目' },
    };
    const result = await applyVerifiedIdentity(database.db, { userId: user.id, proof: moved, now });
    expect(result.changedFields).toEqual(['address']);
    expect((await profile(user.id))?.cardAddress).toBe('熊本県熊本市東区東町4丁目');
    expect((await events(user.id)).map((e) => e.changedFields)).toEqual([
      ['name', 'address', 'birthDate', 'gender'],
      ['address'],
    ]);
  });

  it('refuses a card already bound to another account, changing nothing', async () => {
    const owner = await createUser(database.db);
    const other = await createUser(database.db);
    const bound = proof();
    await applyVerifiedIdentity(database.db, { userId: owner.id, proof: bound, now });
    await expect(
      applyVerifiedIdentity(database.db, { userId: other.id, proof: bound, now }),
    ).rejects.toMatchObject({
      code: 'identity_already_bound',
    });
    expect(await profile(other.id)).toMatchObject({ identityLevel: 'unverified', cardName: null });
    expect(await events(other.id)).toEqual([]);
  });

  it('refuses the same person on a renewed card from a second account', async () => {
    const owner = await createUser(database.db);
    const other = await createUser(database.db);
    const original = proof();
    await applyVerifiedIdentity(database.db, { userId: owner.id, proof: original, now });
    const renewed = { ...original, bindingKey: 'a-new-certificate' };
    await expect(
      applyVerifiedIdentity(database.db, { userId: other.id, proof: renewed, now }),
    ).rejects.toMatchObject({
      code: 'identity_already_bound',
    });
  });

  it('lets exactly one of two accounts racing for one card through', async () => {
    const [a, b] = [await createUser(database.db), await createUser(database.db)];
    const contested = proof();
    const results = await Promise.allSettled(
      [a, b].map((user) => applyVerifiedIdentity(database.db, { userId: user.id, proof: contested, now })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'identity_already_bound' },
    });
    const bindings = await database.db
      .select()
      .from(identityBindings)
      .where(eq(identityBindings.bindingKey, contested.bindingKey));
    expect(bindings).toHaveLength(1);
  });

  it.each([
    ['name', { name: '熊本 123456789012' }],
    ['address', { address: '熊本市１２３４ ５６７８ ９０１２' }],
  ])('refuses a 12-digit number in the %s (R-ID-3), storing nothing', async (_field, override) => {
    const user = await createUser(database.db);
    await expect(
      applyVerifiedIdentity(database.db, {
        userId: user.id,
        proof: proof({ card: { ...card, ...override } }),
        now,
      }),
    ).rejects.toMatchObject({ code: 'individual_number_refused' });
    expect(await profile(user.id)).toMatchObject({ identityLevel: 'unverified' });
    expect(await events(user.id)).toEqual([]);
  });

  it('the database refuses a verified account without its card items', async () => {
    await expect(
      database.db.insert(users).values({ displayName: 'x', identityLevel: 'verified', verifiedAt: now }),
    ).rejects.toThrow();
  });
});

describe('applyVerifiedIdentity: the school district from the address (issue 3 part 5)', () => {
  const district = async (userId: string) => {
    const row = await profile(userId);
    return { code: row?.schoolDistrictCode, source: row?.schoolDistrictSource };
  };
  const moveTo = (first: ProvenIdentity, address: string): ProvenIdentity => ({
    ...first,
    bindingKey: `${first.bindingKey}-moved-${address}`,
    card: { ...first.card, address },
  });

  it('sets the district of the verified address, in the same step as the four items', async () => {
    const user = await createUser(database.db);
    const result = await applyVerifiedIdentity(database.db, { userId: user.id, proof: proof(), now });
    expect(result.schoolDistrict).toEqual({ code: 'keitoku', source: 'address' });
    expect(await district(user.id)).toEqual({ code: 'keitoku', source: 'address' });
  });

  it('re-derives it on re-verification after a move', async () => {
    const user = await createUser(database.db);
    const first = proof();
    await applyVerifiedIdentity(database.db, { userId: user.id, proof: first, now });
    await applyVerifiedIdentity(database.db, {
      userId: user.id,
      proof: moveTo(first, '熊本県熊本市東区東町４丁目２番１号'),
      now,
    });
    expect(await district(user.id)).toEqual({ code: 'higashimachi', source: 'address' });
  });

  it('clears a district the old address gave when the new address matches nothing', async () => {
    const user = await createUser(database.db);
    const first = proof();
    await applyVerifiedIdentity(database.db, { userId: user.id, proof: first, now });
    const result = await applyVerifiedIdentity(database.db, {
      userId: user.id,
      proof: moveTo(first, '熊本県熊本市北区植木町岩野238番地1'),
      now,
    });
    expect(result.schoolDistrict).toBeNull();
    expect(await district(user.id)).toEqual({ code: null, source: null });
  });

  it('keeps a district the resident chose when the new address matches nothing', async () => {
    const user = await createUser(database.db);
    await database.db
      .update(users)
      .set({ schoolDistrictCode: 'kasuga', schoolDistrictSource: 'chosen' })
      .where(eq(users.id, user.id));
    await applyVerifiedIdentity(database.db, {
      userId: user.id,
      proof: proof({ card: { ...card, address: '熊本県熊本市北区植木町岩野238番地1' } }),
      now,
    });
    expect(await district(user.id)).toEqual({ code: 'kasuga', source: 'chosen' });
  });

  it('lets the address win over a chosen district once it matches', async () => {
    const user = await createUser(database.db);
    await database.db
      .update(users)
      .set({ schoolDistrictCode: 'kasuga', schoolDistrictSource: 'chosen' })
      .where(eq(users.id, user.id));
    await applyVerifiedIdentity(database.db, { userId: user.id, proof: proof(), now });
    expect(await district(user.id)).toEqual({ code: 'keitoku', source: 'address' });
  });

  it('leaves the district alone when the verification is refused', async () => {
    const owner = await createUser(database.db);
    const other = await createUser(database.db);
    const bound = proof();
    await applyVerifiedIdentity(database.db, { userId: owner.id, proof: bound, now });
    await database.db
      .update(users)
      .set({ schoolDistrictCode: 'kasuga', schoolDistrictSource: 'chosen' })
      .where(eq(users.id, other.id));
    await expect(
      applyVerifiedIdentity(database.db, { userId: other.id, proof: bound, now }),
    ).rejects.toMatchObject({
      code: 'identity_already_bound',
    });
    expect(await district(other.id)).toEqual({ code: 'kasuga', source: 'chosen' });
  });
});
