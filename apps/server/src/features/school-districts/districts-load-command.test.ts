import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client.ts';
import { DataDirInUseError } from '../../db/data-dir-lock.ts';
import { users } from '../../db/schema.ts';
import { createUser } from '../../test/factories.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { runDistrictsLoad } from './districts-load-command.ts';
import { listDistricts } from './store.ts';

let database: DatabaseHandle;
let folder: string;
beforeAll(async () => {
  database = await createTestDatabase();
  folder = await mkdtemp(join(tmpdir(), 'kma-districts-cli-'));
});
afterAll(async () => {
  await database.close();
  await rm(folder, { recursive: true, force: true });
});

/** Runs the command against the test database, capturing what it prints. */
async function run(args: string[], open: () => Promise<DatabaseHandle> = () => Promise.resolve(shared())) {
  const out: string[] = [];
  const err: string[] = [];
  let opened = false;
  const code = await runDistrictsLoad(args, {
    open: () => ((opened = true), open()),
    cwd: folder,
    io: { out: (line) => out.push(line), err: (line) => err.push(line) },
  });
  return { code, out: out.join('\n'), err: err.join('\n'), opened };
}

/** The shared test database, with a close that leaves it open for the next test. */
const shared = (): DatabaseHandle => ({ ...database, close: () => Promise.resolve() });

const district = async (userId: string) =>
  (
    await database.db
      .select({ code: users.schoolDistrictCode, source: users.schoolDistrictSource })
      .from(users)
      .where(eq(users.id, userId))
  )[0];

describe('npm run districts:load -- table.csv', () => {
  it('loads the table, re-derives every resident, and says what it did', async () => {
    const verified = await createUser(database.db, { identity: 'verified' });
    await writeFile(
      join(folder, 'districts.csv'),
      'prefix,code,ja,en\n熊本県熊本市中央区手取本町,keitoku,慶徳校区,Keitoku\n熊本市東区東町,higashimachi,東町校区,Higashimachi\n',
    );
    const result = await run(['districts.csv']);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/Loaded 2 school districts with 2 address prefixes/);
    expect(result.out).toMatch(/Residents: 1 from their address/);
    expect((await listDistricts(database.db)).map((d) => d.code)).toEqual(['keitoku', 'higashimachi']);
    expect(await district(verified.id)).toEqual({ code: 'keitoku', source: 'address' });
  });

  it('keeps a chosen district that is still listed when a new table is loaded', async () => {
    const chooser = await createUser(database.db);
    await database.db
      .update(users)
      .set({ schoolDistrictCode: 'higashimachi', schoolDistrictSource: 'chosen' })
      .where(eq(users.id, chooser.id));
    await writeFile(
      join(folder, 'renamed.csv'),
      'prefix,code,ja,en\n熊本市東区東町,higashimachi,東町小学校区,Higashimachi Elementary\n',
    );
    expect((await run(['renamed.csv'])).code).toBe(0);
    expect(await listDistricts(database.db)).toEqual([
      { code: 'higashimachi', nameJa: '東町小学校区', nameEn: 'Higashimachi Elementary' },
    ]);
    expect(await district(chooser.id)).toEqual({ code: 'higashimachi', source: 'chosen' });
  });

  it('refuses a bad file before touching the database, naming every bad line', async () => {
    await writeFile(
      join(folder, 'bad.csv'),
      'prefix,code,ja,en\n熊本市東区健軍,kengun,健軍校区,Kengun\n熊本市東区健軍,kengun,健軍校区,Kengun\n',
    );
    const result = await run(['bad.csv']);
    expect(result).toMatchObject({ code: 1, opened: false, out: '' });
    expect(result.err).toMatch(/line 3: .*duplicates line 2/);
    expect(result.err).toMatch(/Nothing was changed/);
    expect((await listDistricts(database.db)).map((d) => d.code)).toEqual(['higashimachi']);
  });

  it('explains its usage when the file is missing from the command line', async () => {
    for (const args of [[], ['a.csv', 'b.csv'], ['--help']]) {
      const result = await run(args);
      expect(result).toMatchObject({ code: 2, opened: false });
      expect(result.err).toMatch(/Usage: npm run districts:load -- <table.csv>/);
    }
  });

  it('asks to stop the server when the embedded database is in use', async () => {
    await writeFile(
      join(folder, 'ok.csv'),
      'prefix,code,ja,en\n熊本市東区東町,higashimachi,東町校区,Higashimachi\n',
    );
    const result = await run(['ok.csv'], () => Promise.reject(new DataDirInUseError('./data', 'pid 1')));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Stop the server first/);
  });
});
