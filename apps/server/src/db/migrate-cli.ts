// `npm run db:migrate`: apply pending migrations to the configured database and stop.
import { loadConfig } from '../config.ts';
import { openDatabase } from './client.ts';
import { appliedMigrationCount, migrate } from './migrate.ts';

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await migrate(database);
  console.log(`Migrations applied: ${await appliedMigrationCount(database.db)} (${database.kind})`);
} finally {
  await database.close();
}
