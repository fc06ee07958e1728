import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { openDatabase, wrapPglite, type DatabaseHandle } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { admin, withDatabase } from './global-setup.ts';

/**
 * The pool's promise resolves before its sockets have closed; dropping WITH (FORCE) then
 * kills a backend whose client is still listening, and that client throws outside any test.
 * So drop politely, waiting for the last connections to go, and force only as a last resort.
 */
async function dropWhenClosed(url: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin(url, `drop database if exists ${name}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object in use
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  await admin(url, `drop database if exists ${name} with (force)`);
}

let pgliteTemplate: Promise<PGlite> | undefined;

/** A fresh, migrated database of its own for a test file (or a test): no shared state. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `kma_test_${randomBytes(6).toString('hex')}`;
    await admin(url, `create database ${name} template ${inject('templateDatabase')}`);
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), poolSize: 20 });
    return {
      ...handle,
      close: async () => {
        await handle.close();
        await dropWhenClosed(url, name);
      },
    };
  }
  pgliteTemplate ??= (async () => {
    const template = await PGlite.create();
    await migrate(wrapPglite(template));
    return template;
  })();
  const clone = (await (await pgliteTemplate).clone()) as PGlite;
  return wrapPglite(clone);
}
