import { readFileSync } from 'node:fs';
import { defaultRanks, rankTableSchema, type RankTable } from '@kumamoto/domain';

/**
 * The rank table in force (R-PT-9): the JSON file named by RANKS_FILE, checked with the
 * domain's `rankTableSchema`, or the domain's default ranks when none is configured. A file
 * that is missing or wrong stops the server at start, rather than ranking people by a table
 * nobody meant.
 */
export function loadRankTable(file: string | null): RankTable {
  if (file === null) return defaultRanks;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`RANKS_FILE ${file}: cannot read it as JSON (${(error as Error).message})`, {
      cause: error,
    });
  }
  const parsed = rankTableSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(table)'}: ${issue.message}`,
    );
    throw new Error(`RANKS_FILE ${file} is not a valid rank table:\n  ${issues.join('\n  ')}`);
  }
  return parsed.data;
}

const cache = new Map<string | null, RankTable>();

/** `loadRankTable`, read once per file for the life of the process. */
export function rankTableFor(file: string | null): RankTable {
  let table = cache.get(file);
  if (!table) {
    table = loadRankTable(file);
    cache.set(file, table);
  }
  return table;
}
