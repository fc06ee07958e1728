import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openDatabase } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';

/**
 * With TEST_DATABASE_URL, tests run on a real PostgreSQL server: migrate one template
 * database here, and let each test file copy it (CREATE DATABASE ... TEMPLATE), which takes
 * a fraction of a second. Without it, each worker migrates an in-memory PGlite once.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return async () => {};
  const template = `kma_test_template_${process.pid}`;
  await admin(url, `create database ${template}`);
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, template), poolSize: 2 });
  await migrate(handle);
  await handle.close();
  project.provide('templateDatabase', template);
  return async () => admin(url, `drop database if exists ${template} with (force)`);
}

export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
