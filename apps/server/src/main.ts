import { systemClock } from '@kumamoto/domain';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { migrate } from './db/migrate.ts';
import { printDemoWelcome } from './features/demo/welcome.ts';
import { seedDemoData } from './features/demo/seed-demo.ts';
import { loadSchoolDistrictsAtStart } from './features/school-districts/load-at-start.ts';

/** config -> database -> migrations -> demo data -> app -> listen; graceful shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrate(database);
    if (config.seedDemoData) await seedDemoData(database.db, { identityKeySecret: config.identityKeySecret });
    await loadSchoolDistrictsAtStart(database.db, config);
  } catch (error) {
    await database.close();
    throw error;
  }
  const app = await buildApp({ db: database.db, clock: systemClock, config });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    app
      .close()
      .then(() => database.close())
      .then(() => {
        clearTimeout(force);
        process.exit(0);
      })
      .catch((error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  if (config.demoSignIn) printDemoWelcome(config, database.kind);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
