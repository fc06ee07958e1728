import { mayChooseDistrict, type SchoolDistrict, type SchoolDistrictSource } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { schoolDistricts, users } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { findDistrictForAddress, lockDistrictTableForReading } from './store.ts';

/** What My page shows: the district, where it came from, and whether the resident may choose. */
export interface ResidentDistrictView {
  district: SchoolDistrict | null;
  source: SchoolDistrictSource | null;
  canChoose: boolean;
}

type Reader = Pick<Database, 'select'>;

async function residentRow(db: Reader, userId: string, lock: boolean) {
  const query = db
    .select({
      identityLevel: users.identityLevel,
      cardAddress: users.cardAddress,
      code: users.schoolDistrictCode,
      source: users.schoolDistrictSource,
      nameJa: schoolDistricts.nameJa,
      nameEn: schoolDistricts.nameEn,
    })
    .from(users)
    .leftJoin(schoolDistricts, eq(schoolDistricts.code, users.schoolDistrictCode))
    .where(eq(users.id, userId));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Whether the verified address gives a district now. Normally the stored source already says
 * so (verification and every table reload derive it); checking the address too keeps an
 * account that was never derived (made before any table was loaded) from choosing over it.
 */
async function addressMatches(db: Reader, row: { identityLevel: string; cardAddress: string | null }) {
  if (row.identityLevel !== 'verified' || row.cardAddress === null) return false;
  return (await findDistrictForAddress(db, row.cardAddress)) !== undefined;
}

export async function residentDistrict(db: Database, userId: string): Promise<ResidentDistrictView> {
  const row = await residentRow(db, userId, false);
  const current = row.code && row.source ? { code: row.code, source: row.source } : null;
  return {
    district:
      row.code && row.nameJa && row.nameEn
        ? { code: row.code, nameJa: row.nameJa, nameEn: row.nameEn }
        : null,
    source: current?.source ?? null,
    // The address lookup only matters when the stored source is not already 'address'.
    canChoose: current?.source !== 'address' && mayChooseDistrict(current, await addressMatches(db, row)),
  };
}

/**
 * A resident chooses their district: allowed while the address gives none (it matched nothing,
 * or the resident is not verified); refused when the district comes from the address.
 */
export async function chooseDistrict(
  db: Database,
  input: { userId: string; code: string; requestId?: string },
): Promise<ResidentDistrictView> {
  await db.transaction(async (tx) => {
    // Prefixes before the user row: the same order as a table reload takes them.
    await lockDistrictTableForReading(tx);
    const row = await residentRow(tx, input.userId, true);
    const current = row.code && row.source ? { code: row.code, source: row.source } : null;
    if (!mayChooseDistrict(current, await addressMatches(tx, row))) {
      throw new AppError('school_district_from_address');
    }
    const [district] = await tx
      .select({ code: schoolDistricts.code })
      .from(schoolDistricts)
      .where(eq(schoolDistricts.code, input.code))
      .for('share');
    if (!district) throw new AppError('school_district_unknown');
    await tx
      .update(users)
      .set({ schoolDistrictCode: district.code, schoolDistrictSource: 'chosen' })
      .where(eq(users.id, input.userId));
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'school_district.chosen',
      subjectType: 'user',
      subjectId: input.userId,
      details: { code: district.code, previous: current?.code ?? null },
      requestId: input.requestId,
    });
  });
  return residentDistrict(db, input.userId);
}
