import {
  residentDistrictAfter,
  schoolDistrictMatcher,
  type ResidentDistrict,
  type SchoolDistrictTable,
} from '@kumamoto/domain';
import { inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { schoolDistrictPrefixes, schoolDistricts, users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';

export interface ReplaceSummary {
  districts: number;
  prefixes: number;
  /**
   * Residents after the reload: district from the address, a chosen one kept, and verified
   * residents whose address matches nothing and who have no district (they choose one).
   */
  residents: { fromAddress: number; chosen: number; verifiedWithout: number };
}

const chunkSize = 1000;

/**
 * Replaces the whole table with `table` in one transaction and re-derives every resident's
 * district from it (issue 3 part 5): a verified address that matches gets its district; a
 * district the resident chose is kept while the new table still lists it; anyone else has none
 * and chooses. Either all of it happens, with its audit event, or nothing does.
 */
export async function replaceSchoolDistricts(
  db: Database,
  table: SchoolDistrictTable,
  options: { source: string; actorUserId?: string | null; requestId?: string },
): Promise<ReplaceSummary> {
  return db.transaction(async (tx) => {
    // Verifications read prefixes FOR SHARE: they finish before this, or wait for it.
    await tx.execute(sql`lock table ${schoolDistrictPrefixes} in exclusive mode`);
    const residents = await tx
      .select({
        id: users.id,
        identityLevel: users.identityLevel,
        cardAddress: users.cardAddress,
        deletedAt: users.deletedAt,
        code: users.schoolDistrictCode,
        source: users.schoolDistrictSource,
      })
      .from(users)
      .where(or(isNotNull(users.cardAddress), isNotNull(users.schoolDistrictCode)))
      .for('update');

    const { next, verifiedWithout } = plan(residents, table);

    // Users reference districts; empty those references first (a delete's SET NULL would
    // leave the source behind and break the users check).
    await tx
      .update(users)
      .set({ schoolDistrictCode: null, schoolDistrictSource: null })
      .where(isNotNull(users.schoolDistrictCode));
    await tx.delete(schoolDistrictPrefixes);
    await tx.delete(schoolDistricts);
    for (const rows of chunks(table.districts.map((district, sortOrder) => ({ ...district, sortOrder })))) {
      await tx.insert(schoolDistricts).values(rows);
    }
    for (const rows of chunks(table.prefixes)) await tx.insert(schoolDistrictPrefixes).values(rows);

    const assigned = await assignDistricts(tx, next);
    const summary: ReplaceSummary = {
      districts: table.districts.length,
      prefixes: table.prefixes.length,
      residents: { ...assigned, verifiedWithout },
    };
    await recordAudit(tx, {
      actorUserId: options.actorUserId ?? null,
      action: 'school_districts.replaced',
      subjectType: 'school_districts',
      details: { source: options.source, ...summary },
      requestId: options.requestId,
    });
    return summary;
  });
}

interface ResidentRow {
  id: string;
  identityLevel: 'unverified' | 'verified';
  cardAddress: string | null;
  deletedAt: Date | null;
  code: string | null;
  source: 'address' | 'chosen' | null;
}

/** Each resident's district under the new table (residentDistrictAfter), before anything is written. */
function plan(
  residents: readonly ResidentRow[],
  table: SchoolDistrictTable,
): { next: Map<string, ResidentDistrict | null>; verifiedWithout: number } {
  const match = schoolDistrictMatcher(table.prefixes);
  const listed = new Set(table.districts.map((district) => district.code));
  const next = new Map<string, ResidentDistrict | null>();
  let verifiedWithout = 0;
  for (const resident of residents) {
    if (resident.deletedAt !== null) {
      next.set(resident.id, null);
      continue;
    }
    const previous =
      resident.code && resident.source ? { code: resident.code, source: resident.source } : null;
    const verifiedAddress = resident.identityLevel === 'verified' ? resident.cardAddress : null;
    const matched = verifiedAddress === null ? undefined : match(verifiedAddress);
    const district = residentDistrictAfter(matched, previous, (code) => listed.has(code));
    if (district === null && verifiedAddress !== null) verifiedWithout += 1;
    next.set(resident.id, district);
  }
  return { next, verifiedWithout };
}

/** One update per district and source (not per resident), in chunks of ids. */
async function assignDistricts(
  tx: Pick<Database, 'update'>,
  next: ReadonlyMap<string, ResidentDistrict | null>,
): Promise<{ fromAddress: number; chosen: number }> {
  const groups = new Map<string, { district: ResidentDistrict; ids: string[] }>();
  for (const [id, district] of next) {
    if (district === null) continue;
    const key = `${district.source}\u0000${district.code}`;
    const group = groups.get(key) ?? { district, ids: [] };
    group.ids.push(id);
    groups.set(key, group);
  }
  const counts = { fromAddress: 0, chosen: 0 };
  for (const { district, ids } of groups.values()) {
    for (const chunk of chunks(ids)) {
      await tx
        .update(users)
        .set({ schoolDistrictCode: district.code, schoolDistrictSource: district.source })
        .where(inArray(users.id, chunk));
    }
    if (district.source === 'address') counts.fromAddress += ids.length;
    else counts.chosen += ids.length;
  }
  return counts;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize)
    result.push(items.slice(start, start + chunkSize));
  return result;
}
