import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schoolDistrictMatcher } from '@kumamoto/domain';
import { eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { auditEvents, schoolDistricts, users } from '../../db/schema.ts';
import { demoPersonas } from '../demo/personas.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import {
  loadSampleSchoolDistrictsIfEmpty,
  loadSchoolDistrictsAtStart,
  readSchoolDistrictFile,
  sampleSchoolDistrictsFile,
  SchoolDistrictFileError,
} from './load-at-start.ts';
import { listDistricts } from './store.ts';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'kma-districts-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

async function csvFile(name: string, text: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

const replacedEvents = async (db: DatabaseHandle['db']) =>
  (await db.select().from(auditEvents).where(eq(auditEvents.action, 'school_districts.replaced'))).length;

describe('the sample table that ships with the demo', () => {
  const sample = readSchoolDistrictFile(sampleSchoolDistrictsFile);
  const match = schoolDistrictMatcher(sample.prefixes);

  it('parses, with districts of several wards', () => {
    expect(sample.districts.length).toBeGreaterThanOrEqual(20);
    for (const ward of ['中央区', '東区', '西区', '南区', '北区']) {
      expect(sample.prefixes.some((p) => p.prefix.startsWith(ward))).toBe(true);
    }
  });

  it('matches the test factory’s address and every demo persona’s but one, which must choose', () => {
    expect(match('熊本県熊本市中央区手取本町1番1号')).toBe('keitoku');
    const byPersona = Object.fromEntries(
      demoPersonas.flatMap((p) => (p.card ? [[p.key, match(p.card.address) ?? null]] : [])),
    );
    expect(byPersona).toEqual({
      resident: 'keitoku',
      'organizer-admin': 'izumi', // 水前寺6丁目: a longer prefix than 水前寺 (砂取)
      'organizer-member': 'ezu',
      'city-reviewer': 'kasuga',
      'city-admin': null, // 植木町 is left out of the sample on purpose
    });
  });
});

describe('loading at start', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('the demo seed loads the sample into an empty table and derives the personas’ districts', async () => {
    await seedDemoData(database.db);
    const rows = await database.db
      .select({ persona: users.persona, code: users.schoolDistrictCode, source: users.schoolDistrictSource })
      .from(users)
      .where(isNotNull(users.persona));
    const byPersona = Object.fromEntries(
      rows.map((r): [string, string | null] => [
        r.persona ?? '?',
        r.code === null ? null : `${r.code}/${r.source ?? ''}`,
      ]),
    );
    expect(byPersona).toEqual({
      resident: 'keitoku/address',
      newcomer: null,
      'organizer-admin': 'izumi/address',
      'organizer-member': 'ezu/address',
      'city-reviewer': 'kasuga/address',
      'city-admin': null,
    });
  });

  it('leaves a loaded table alone: the sample only fills an empty one', async () => {
    const before = await replacedEvents(database.db);
    expect(await loadSampleSchoolDistrictsIfEmpty(database.db)).toBeNull();
    expect(
      await loadSchoolDistrictsAtStart(database.db, { schoolDistrictsCsv: null, seedDemoData: true }),
    ).toEqual({
      kind: 'none',
    });
    expect(await replacedEvents(database.db)).toBe(before);
  });

  it('replaces the table from SCHOOL_DISTRICTS_CSV, and only when the file differs', async () => {
    const file = await csvFile(
      'city.csv',
      '\uFEFF住所,コード,校区名,District\r\n熊本市北区植木町,ueki,植木校区,Ueki\r\n熊本市中央区手取本町,keitoku,慶徳校区,Keitoku\r\n',
    );
    const config = { schoolDistrictsCsv: file, seedDemoData: true };
    const loaded = await loadSchoolDistrictsAtStart(database.db, config);
    expect(loaded).toMatchObject({ kind: 'configured', summary: { districts: 2, prefixes: 2 } });
    expect((await listDistricts(database.db)).map((d) => d.code)).toEqual(['ueki', 'keitoku']);
    const [admin] = await database.db
      .select({ code: users.schoolDistrictCode })
      .from(users)
      .where(eq(users.persona, 'city-admin'));
    expect(admin?.code).toBe('ueki');

    const before = await replacedEvents(database.db);
    expect(await loadSchoolDistrictsAtStart(database.db, config)).toEqual({ kind: 'unchanged' });
    expect(await replacedEvents(database.db)).toBe(before);
  });

  it('stops the start on a bad file, naming each line, and changes nothing', async () => {
    const file = await csvFile(
      'bad.csv',
      'prefix,code,ja,en\n熊本市東区東町,higashimachi,東町校区\n熊本市東区健軍,ken gun,健軍校区,Kengun\n',
    );
    const error = await loadSchoolDistrictsAtStart(database.db, {
      schoolDistrictsCsv: file,
      seedDemoData: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SchoolDistrictFileError);
    expect((error as SchoolDistrictFileError).problems.map((p) => p.line)).toEqual([2, 3]);
    expect((error as Error).message).toMatch(/line 2: .*found 3[\s\S]*line 3: .*district code/);
    expect((await listDistricts(database.db)).map((d) => d.code)).toEqual(['ueki', 'keitoku']);
  });

  it('refuses a file that is missing or not UTF-8', async () => {
    expect(() => readSchoolDistrictFile(join(folder, 'missing.csv'))).toThrow(/cannot be opened/);
    const shiftJis = await csvFile('sjis.csv', Uint8Array.from([0x82, 0xa0, 0x2c, 0x61, 0x0a]));
    expect(() => readSchoolDistrictFile(shiftJis)).toThrow(/not UTF-8/);
  });

  it('does nothing without a CSV when demo data is off', async () => {
    const empty = await createTestDatabase();
    try {
      expect(
        await loadSchoolDistrictsAtStart(empty.db, { schoolDistrictsCsv: null, seedDemoData: false }),
      ).toEqual({
        kind: 'none',
      });
      expect(await empty.db.select().from(schoolDistricts)).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
