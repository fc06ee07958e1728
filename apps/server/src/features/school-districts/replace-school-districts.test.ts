import type { SchoolDistrictTable } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { auditEvents, schoolDistrictPrefixes, schoolDistricts, users } from '../../db/schema.ts';
import { createUser } from '../../test/factories.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { replaceSchoolDistricts } from './replace-school-districts.ts';
import { listDistricts } from './store.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const keitoku = { code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku' };
const kasuga = { code: 'kasuga', nameJa: '春日校区', nameEn: 'Kasuga' };
const higashimachi = { code: 'higashimachi', nameJa: '東町校区', nameEn: 'Higashimachi' };

const first: SchoolDistrictTable = {
  districts: [keitoku, kasuga],
  prefixes: [
    { prefix: '中央区手取本町', districtCode: 'keitoku' },
    { prefix: '西区春日', districtCode: 'kasuga' },
  ],
};

const district = async (userId: string) => {
  const [row] = await database.db
    .select({ code: users.schoolDistrictCode, source: users.schoolDistrictSource })
    .from(users)
    .where(eq(users.id, userId));
  return row;
};
const choose = (userId: string, code: string) =>
  database.db
    .update(users)
    .set({ schoolDistrictCode: code, schoolDistrictSource: 'chosen' })
    .where(eq(users.id, userId));

/** A verified resident at the test factory's address (中央区手取本町1番1号). */
const verifiedResident = () => createUser(database.db, { identity: 'verified' });

beforeEach(async () => {
  await replaceSchoolDistricts(database.db, first, { source: 'first' });
});

describe('replaceSchoolDistricts', () => {
  it('replaces the whole table, in the given order', async () => {
    await replaceSchoolDistricts(
      database.db,
      {
        districts: [higashimachi, keitoku],
        prefixes: [{ prefix: '東区東町', districtCode: 'higashimachi' }],
      },
      { source: 'second' },
    );
    expect(await listDistricts(database.db)).toEqual([higashimachi, keitoku]);
    expect(await database.db.select().from(schoolDistrictPrefixes)).toEqual([
      { prefix: '東区東町', districtCode: 'higashimachi' },
    ]);
  });

  it('derives every verified resident’s district from their address', async () => {
    const resident = await verifiedResident();
    const unverified = await createUser(database.db);
    const summary = await replaceSchoolDistricts(database.db, first, { source: 'again' });
    expect(await district(resident.id)).toEqual({ code: 'keitoku', source: 'address' });
    expect(await district(unverified.id)).toEqual({ code: null, source: null });
    expect(summary.districts).toBe(2);
    expect(summary.prefixes).toBe(2);
    expect(summary.residents.fromAddress).toBeGreaterThanOrEqual(1);
  });

  it('moves a resident whose town the new table gives to another district', async () => {
    const resident = await verifiedResident();
    await replaceSchoolDistricts(database.db, first, { source: 'again' });
    await replaceSchoolDistricts(
      database.db,
      {
        districts: [keitoku, kasuga],
        prefixes: [{ prefix: '中央区手取本町1-', districtCode: 'kasuga' }, ...first.prefixes],
      },
      { source: 'split' },
    );
    expect(await district(resident.id)).toEqual({ code: 'kasuga', source: 'address' });
  });

  it('keeps a chosen district the new table still lists, and drops one it no longer does', async () => {
    const [keeps, loses] = [await createUser(database.db), await createUser(database.db)];
    await choose(keeps.id, 'keitoku');
    await choose(loses.id, 'kasuga');
    await replaceSchoolDistricts(
      database.db,
      { districts: [keitoku], prefixes: [{ prefix: '中央区手取本町', districtCode: 'keitoku' }] },
      { source: 'smaller' },
    );
    expect(await district(keeps.id)).toEqual({ code: 'keitoku', source: 'chosen' });
    expect(await district(loses.id)).toEqual({ code: null, source: null });
  });

  it('lets a matching address win over a district the resident had chosen', async () => {
    const resident = await verifiedResident();
    await choose(resident.id, 'kasuga');
    await replaceSchoolDistricts(database.db, first, { source: 'again' });
    expect(await district(resident.id)).toEqual({ code: 'keitoku', source: 'address' });
  });

  it('drops a district from an address the new table no longer matches; the resident chooses', async () => {
    const resident = await verifiedResident();
    await replaceSchoolDistricts(database.db, first, { source: 'again' });
    const summary = await replaceSchoolDistricts(
      database.db,
      { districts: [kasuga], prefixes: [{ prefix: '西区春日', districtCode: 'kasuga' }] },
      { source: 'no-keitoku' },
    );
    expect(await district(resident.id)).toEqual({ code: null, source: null });
    expect(summary.residents.verifiedWithout).toBeGreaterThanOrEqual(1);
  });

  it('writes one audit event with the counts', async () => {
    const summary = await replaceSchoolDistricts(database.db, first, { source: 'audited.csv' });
    const events = await database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'school_districts.replaced'));
    expect(events.at(-1)).toMatchObject({
      subjectType: 'school_districts',
      details: { source: 'audited.csv', ...summary },
    });
  });

  it('changes nothing when any part of the replacement fails', async () => {
    const resident = await verifiedResident();
    await replaceSchoolDistricts(database.db, first, { source: 'again' });
    const broken: SchoolDistrictTable = {
      districts: [higashimachi],
      // A prefix naming a district that is not in the table: the foreign key refuses it.
      prefixes: [{ prefix: '東区東町', districtCode: 'nowhere' }],
    };
    await expect(replaceSchoolDistricts(database.db, broken, { source: 'broken' })).rejects.toThrow();
    expect(await listDistricts(database.db)).toEqual([keitoku, kasuga]);
    expect(await database.db.select().from(schoolDistricts)).toHaveLength(2);
    expect(await district(resident.id)).toEqual({ code: 'keitoku', source: 'address' });
  });
});
