import type { Clock } from '@kumamoto/domain';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/client.ts';
import type { App } from '../platform/deps.ts';
import { createTestDatabase } from './test-database.ts';

/** A clock the test moves by hand. */
export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let now = new Date(iso);
  return {
    now: () => new Date(now),
    set: (next) => (now = new Date(next)),
    advance: (ms) => (now = new Date(now.getTime() + ms)),
  };
}

export interface TestApp {
  app: App;
  database: DatabaseHandle;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** The real app on its own database, driven through `app.inject` (no port, no network). */
export async function createTestApp(
  options: { env?: Record<string, string>; now?: string; database?: DatabaseHandle } = {},
): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    PUBLIC_URL: 'http://localhost:3000',
    ...options.env,
  });
  const database = options.database ?? (await createTestDatabase());
  const clock = fixedClock(options.now ?? '2026-06-01T10:00:00+09:00');
  const app = await buildApp({ db: database.db, clock, config });
  await app.ready();
  return {
    app,
    database,
    config,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
