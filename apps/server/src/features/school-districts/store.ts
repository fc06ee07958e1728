import {
  normalizeAddress,
  prefixCandidates,
  type SchoolDistrict,
  type SchoolDistrictTable,
} from '@kumamoto/domain';
import { asc, desc, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { schoolDistrictPrefixes, schoolDistricts } from '../../db/schema.ts';

/** A database or a transaction: anything that can read. */
type Reader = Pick<Database, 'select'>;

/**
 * The district whose table prefix is the longest start of the address (canonical forms on
 * both sides, see normalizeAddress), or undefined. FOR SHARE: a table reload (which locks the
 * prefixes exclusively) waits for this transaction, or this one waits for the reload, so a
 * verification never writes a district the reload is removing.
 */
export async function findDistrictForAddress(db: Reader, address: string): Promise<string | undefined> {
  const candidates = prefixCandidates(normalizeAddress(address));
  if (candidates.length === 0) return undefined;
  const [row] = await db
    .select({ code: schoolDistrictPrefixes.districtCode })
    .from(schoolDistrictPrefixes)
    .where(inArray(schoolDistrictPrefixes.prefix, candidates))
    .orderBy(desc(sql`length(${schoolDistrictPrefixes.prefix})`))
    .limit(1)
    .for('share');
  return row?.code;
}

/**
 * For a transaction that reads the table and then locks a user row: takes the table first, as
 * a reload does (prefixes, then users), so the two can only wait for each other, never deadlock.
 */
export async function lockDistrictTableForReading(tx: Pick<Database, 'execute'>): Promise<void> {
  await tx.execute(sql`lock table ${schoolDistrictPrefixes} in row share mode`);
}

/** Every district, in the table's order: what a resident chooses from. */
export async function listDistricts(db: Reader): Promise<SchoolDistrict[]> {
  return db
    .select({ code: schoolDistricts.code, nameJa: schoolDistricts.nameJa, nameEn: schoolDistricts.nameEn })
    .from(schoolDistricts)
    .orderBy(asc(schoolDistricts.sortOrder), asc(schoolDistricts.code));
}

/** The loaded table as the CSV parser would give it (prefix order aside). */
export async function readDistrictTable(db: Reader): Promise<SchoolDistrictTable> {
  const [districts, prefixes] = await Promise.all([
    listDistricts(db),
    db
      .select({ prefix: schoolDistrictPrefixes.prefix, districtCode: schoolDistrictPrefixes.districtCode })
      .from(schoolDistrictPrefixes)
      .orderBy(asc(schoolDistrictPrefixes.prefix)),
  ]);
  return { districts, prefixes };
}

/** Same districts in the same order with the same names, and the same prefixes. */
export function sameDistrictTable(a: SchoolDistrictTable, b: SchoolDistrictTable): boolean {
  const prefixKey = (t: SchoolDistrictTable) =>
    JSON.stringify(
      t.prefixes
        .map((p) => [p.prefix, p.districtCode])
        .sort(([x = ''], [y = '']) => (x < y ? -1 : x > y ? 1 : 0)),
    );
  return JSON.stringify(a.districts) === JSON.stringify(b.districts) && prefixKey(a) === prefixKey(b);
}
