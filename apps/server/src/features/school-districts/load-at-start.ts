import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSchoolDistrictCsv, type CsvProblem, type SchoolDistrictTable } from '@kumamoto/domain';
import { count } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { schoolDistricts } from '../../db/schema.ts';
import { replaceSchoolDistricts, type ReplaceSummary } from './replace-school-districts.ts';
import { readDistrictTable, sameDistrictTable } from './store.ts';

/** The demo's table: a sample, not the city's official one (see README.md). */
export const sampleSchoolDistrictsFile = fileURLToPath(
  new URL('./sample-school-districts.csv', import.meta.url),
);

/** A table file that cannot be used: every problem, by line, in Japanese and English. */
export class SchoolDistrictFileError extends Error {
  readonly problems: readonly CsvProblem[];

  constructor(file: string, problems: readonly CsvProblem[], cause?: unknown) {
    const lines = problems.map((p) => `  ${p.line}行目 / line ${p.line}: ${p.message.ja} / ${p.message.en}`);
    super(`School district table ${file} was not loaded:\n${lines.join('\n')}`, { cause });
    this.name = 'SchoolDistrictFileError';
    this.problems = problems;
  }
}

/** Reads and checks a table file; throws SchoolDistrictFileError naming every problem. */
export function readSchoolDistrictFile(file: string): SchoolDistrictTable {
  const refuse = (ja: string, en: string, cause: unknown) =>
    new SchoolDistrictFileError(file, [{ line: 1, message: { ja, en } }], cause);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw refuse('ファイルを開けません。', 'The file cannot be opened.', error);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw refuse('UTF-8 のファイルではありません。', 'The file is not UTF-8.', error);
  }
  const parsed = parseSchoolDistrictCsv(text);
  if (!parsed.ok) throw new SchoolDistrictFileError(file, parsed.problems);
  return parsed.table;
}

export type StartLoad =
  | { kind: 'configured'; summary: ReplaceSummary }
  | { kind: 'unchanged' }
  | { kind: 'sample'; summary: ReplaceSummary }
  | { kind: 'none' };

/**
 * What the server does at start, after migrations and the demo seed: SCHOOL_DISTRICTS_CSV
 * replaces the table when its contents differ from what is loaded (a bad file stops the start
 * with its problems listed); without one, demo data gets the sample if the table is empty.
 */
export async function loadSchoolDistrictsAtStart(
  db: Database,
  config: Pick<Config, 'schoolDistrictsCsv' | 'seedDemoData'>,
): Promise<StartLoad> {
  if (config.schoolDistrictsCsv !== null) {
    const table = readSchoolDistrictFile(config.schoolDistrictsCsv);
    if (sameDistrictTable(await readDistrictTable(db), table)) return { kind: 'unchanged' };
    return {
      kind: 'configured',
      summary: await replaceSchoolDistricts(db, table, { source: config.schoolDistrictsCsv }),
    };
  }
  if (!config.seedDemoData) return { kind: 'none' };
  const summary = await loadSampleSchoolDistrictsIfEmpty(db);
  return summary === null ? { kind: 'none' } : { kind: 'sample', summary };
}

/** The demo's sample table, only into an empty table: a table loaded by hand survives restarts. */
export async function loadSampleSchoolDistrictsIfEmpty(db: Database): Promise<ReplaceSummary | null> {
  const [row] = await db.select({ n: count() }).from(schoolDistricts);
  if ((row?.n ?? 0) > 0) return null;
  return replaceSchoolDistricts(db, readSchoolDistrictFile(sampleSchoolDistrictsFile), { source: 'sample' });
}
