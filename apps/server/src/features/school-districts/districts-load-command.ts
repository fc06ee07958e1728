import { basename, resolve } from 'node:path';
import type { DatabaseHandle } from '../../db/client.ts';
import { DataDirInUseError } from '../../db/data-dir-lock.ts';
import { readSchoolDistrictFile, SchoolDistrictFileError } from './load-at-start.ts';
import { replaceSchoolDistricts } from './replace-school-districts.ts';

export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = [
  'Usage: npm run districts:load -- <table.csv>',
  '  Replaces the school district table with the CSV (header row; columns: address prefix,',
  '  district code, district name ja, district name en) and re-derives every resident’s district.',
].join('\n');

/**
 * `npm run districts:load -- table.csv`: checks the whole file first (nothing is touched if
 * any row is bad), then replaces the table and re-derives districts in one transaction.
 * Returns the exit code: 0 loaded, 1 refused or failed, 2 wrong usage.
 */
export async function runDistrictsLoad(
  args: readonly string[],
  deps: { open: () => Promise<DatabaseHandle>; io: CommandIo; cwd?: string },
): Promise<number> {
  const { io } = deps;
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0 || file.startsWith('-')) {
    io.err(usage);
    return 2;
  }
  const path = resolve(deps.cwd ?? process.cwd(), file);
  let table;
  try {
    table = readSchoolDistrictFile(path);
  } catch (error) {
    if (!(error instanceof SchoolDistrictFileError)) throw error;
    io.err(error.message);
    io.err('Nothing was changed. / 何も変更していません。');
    return 1;
  }

  let database: DatabaseHandle;
  try {
    database = await deps.open();
  } catch (error) {
    if (!(error instanceof DataDirInUseError)) throw error;
    io.err(error.message);
    io.err(
      'Stop the server first: the embedded database is in use. / サーバーを停止してから実行してください。',
    );
    return 1;
  }
  try {
    const summary = await replaceSchoolDistricts(database.db, table, { source: basename(path) });
    io.out(
      `Loaded ${summary.districts} school districts with ${summary.prefixes} address prefixes from ${path}.`,
    );
    io.out(
      `Residents: ${summary.residents.fromAddress} from their address, ${summary.residents.chosen} keep a district they chose, ` +
        `${summary.residents.verifiedWithout} verified with no match (they will be asked to choose).`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
