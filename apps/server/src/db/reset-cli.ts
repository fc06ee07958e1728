// `npm run db:reset` (development only): empty the database, migrate it, and seed demo data.
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config.ts';
import { seedDemoData } from '../features/demo/seed-demo.ts';
import { openDatabase } from './client.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';

const config = loadConfig();
if (config.environment === 'production') {
  console.error('db:reset erases every record and is refused in production.');
  process.exit(1);
}

if (config.database.kind === 'pglite') {
  // Taking the lock first proves no server is using the folder we are about to delete.
  lockDataDir(config.database.dataDir).release();
  rmSync(config.database.dataDir, { recursive: true, force: true });
}
const database = await openDatabase(config.database);
try {
  if (database.kind === 'postgres') {
    await database.db.execute(sql`drop schema if exists drizzle cascade`);
    await database.db.execute(sql`drop schema public cascade`);
    await database.db.execute(sql`create schema public`);
  }
  await migrate(database);
  if (config.seedDemoData) await seedDemoData(database.db, { identityKeySecret: config.identityKeySecret });
  console.log(`Database reset (${database.kind}).`);
} finally {
  await database.close();
}
