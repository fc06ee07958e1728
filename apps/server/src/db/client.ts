import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config } from '../config.ts';
import { lockDataDir } from './data-dir-lock.ts';
import * as schema from './schema.ts';

/** One database type for both drivers: every query in the app is written against this. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Embedded PGlite in a folder by default; a real PostgreSQL pool when DATABASE_URL is set.
 * Same schema, same queries, same migrations.
 */
export async function openDatabase(config: Config['database']): Promise<DatabaseHandle> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize });
    return {
      db: drizzlePostgres({ client: pool, schema }) as unknown as Database,
      kind: 'postgres',
      close: () => pool.end(),
    };
  }
  const lock = lockDataDir(config.dataDir);
  try {
    const client = await PGlite.create({ dataDir: config.dataDir });
    return wrapPglite(client, async () => {
      await client.close();
      lock.release();
    });
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Wraps an already-open PGlite (tests clone a migrated template this way). */
export function wrapPglite(
  client: PGlite,
  close: () => Promise<void> = () => client.close(),
): DatabaseHandle {
  return { db: drizzlePglite({ client, schema }), kind: 'pglite', close };
}

export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * Rows of a raw SQL query. Both drivers answer `{ rows }`; the shared Database type cannot
 * say so, hence this one narrowing.
 */
export async function queryRows<T>(db: Pick<Database, 'execute'>, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
