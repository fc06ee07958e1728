import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/** Where one test run's server keeps its data: a fresh PGlite folder or a fresh PostgreSQL database. */
export interface TestStorage {
  kind: 'pglite' | 'postgres';
  /** Environment variables that point the server at this storage. */
  env: Record<string, string>;
  /** For messages: the folder or the database name. */
  label: string;
  dispose(): Promise<void>;
}

/**
 * PostgreSQL when `TEST_DATABASE_URL` is set (a database created for the run, dropped after),
 * otherwise PGlite in a temporary folder. `kind: 'pglite'` forces the folder.
 */
export async function createStorage(options: { kind?: 'pglite' | 'postgres' } = {}): Promise<TestStorage> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const kind = options.kind ?? (serverUrl ? 'postgres' : 'pglite');
  if (kind === 'pglite') return createPgliteStorage();
  if (!serverUrl) throw new Error('PostgreSQL storage needs TEST_DATABASE_URL');
  return createPostgresStorage(serverUrl);
}

async function createPgliteStorage(): Promise<TestStorage> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kumamoto-e2e-'));
  return {
    kind: 'pglite',
    env: { DATA_DIR: dataDir },
    label: dataDir,
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

export async function createPostgresStorage(serverUrl: string, prefix = 'e2e'): Promise<TestStorage> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    label: name,
    dispose: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
