import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../db/schema.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { applyVerifiedIdentity } from '../identity/apply-verified-identity.ts';
import { replaceSchoolDistricts } from './replace-school-districts.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await replaceSchoolDistricts(
    test.database.db,
    {
      districts: [
        { code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku School District' },
        { code: 'kasuga', nameJa: '春日校区', nameEn: 'Kasuga School District' },
      ],
      prefixes: [
        { prefix: '中央区手取本町', districtCode: 'keitoku' },
        { prefix: '西区春日', districtCode: 'kasuga' },
      ],
    },
    { source: 'test' },
  );
});
afterAll(() => test.close());

let serial = 0;
async function verifiedAt(address: string) {
  const user = await createUser(test.database.db);
  serial += 1;
  await applyVerifiedIdentity(test.database.db, {
    userId: user.id,
    proof: {
      adapter: 'jpki',
      bindingKey: `route-test-${serial}`,
      personKey: `route-person-${serial}`,
      card: { name: `校区 太郎${serial}`, address, birthDate: '1980-01-01', gender: 'male' },
    },
    now: test.clock.now(),
  });
  return user;
}

const get = async (userId?: string) =>
  test.app.inject({ method: 'GET', url: '/api/me/school-district', ...(await callerFor(test, userId)) });
const choose = async (userId: string | undefined, code: string, language = 'ja') => {
  const caller = await callerFor(test, userId);
  return test.app.inject({
    method: 'PUT',
    url: '/api/me/school-district',
    headers: { ...caller.headers, 'accept-language': language },
    payload: { code },
  });
};

const keitoku = { code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku School District' };
const kasuga = { code: 'kasuga', nameJa: '春日校区', nameEn: 'Kasuga School District' };

describe('GET /api/school-districts (public)', () => {
  it('lists every district in the table’s order, signed in or not', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/school-districts' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ districts: [keitoku, kasuga] });
  });
});

describe('the resident’s own district', () => {
  it('shows a district derived from the verified address, which the resident cannot change', async () => {
    const user = await verifiedAt('熊本県熊本市中央区手取本町１番１号');
    expect((await get(user.id)).json()).toEqual({ district: keitoku, source: 'address', canChoose: false });

    const refused = await choose(user.id, 'kasuga', 'en');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'school_district_from_address',
      title: expect.stringContaining('verify again') as unknown,
    });
    expect((await get(user.id)).json()).toMatchObject({ district: keitoku, source: 'address' });
  });

  it('asks a verified resident whose address matches nothing to choose, and keeps the choice', async () => {
    const user = await verifiedAt('熊本県熊本市北区植木町岩野238番地1');
    expect((await get(user.id)).json()).toEqual({ district: null, source: null, canChoose: true });

    const chosen = await choose(user.id, 'kasuga');
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toEqual({ district: kasuga, source: 'chosen', canChoose: true });
    expect((await get(user.id)).json()).toEqual({ district: kasuga, source: 'chosen', canChoose: true });

    const events = await test.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, user.id));
    expect(events.filter((e) => e.action === 'school_district.chosen')).toEqual([
      expect.objectContaining({ actorUserId: user.id, details: { code: 'kasuga', previous: null } }),
    ]);
  });

  it('lets an unverified resident choose, and their verified address overrides it later', async () => {
    const user = await createUser(test.database.db);
    expect((await get(user.id)).json()).toEqual({ district: null, source: null, canChoose: true });
    expect((await choose(user.id, 'kasuga')).json()).toMatchObject({ source: 'chosen' });

    await applyVerifiedIdentity(test.database.db, {
      userId: user.id,
      proof: {
        adapter: 'jpki',
        bindingKey: 'route-test-later',
        personKey: 'route-person-later',
        card: {
          name: '後で 確認',
          address: '熊本市中央区手取本町1-1',
          birthDate: '1970-01-01',
          gender: 'female',
        },
      },
      now: test.clock.now(),
    });
    expect((await get(user.id)).json()).toEqual({ district: keitoku, source: 'address', canChoose: false });
  });

  it('refuses a verified resident whose address matches but was never derived (made before the table)', async () => {
    const user = await createUser(test.database.db, { identity: 'verified' }); // 手取本町, no district stored
    expect((await get(user.id)).json()).toEqual({ district: null, source: null, canChoose: false });
    expect((await choose(user.id, 'kasuga')).json()).toMatchObject({ code: 'school_district_from_address' });
  });

  it('refuses a code that is not on the list, changing nothing', async () => {
    const user = await createUser(test.database.db);
    const response = await choose(user.id, 'atlantis');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'school_district_unknown',
      title: expect.stringContaining('一覧') as unknown,
    });
    const [row] = await test.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ schoolDistrictCode: null, schoolDistrictSource: null });
  });

  it('needs a signed-in resident', async () => {
    expect((await get()).statusCode).toBe(401);
    expect((await choose(undefined, 'kasuga')).statusCode).toBe(401);
  });
});
