import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { freePort } from './ports.ts';
import { startServer, type ServerProcess } from './server.ts';
import { createStorage, type TestStorage } from './storage.ts';

export interface AppUnderTest {
  storage: TestStorage;
  server: ServerProcess;
  browser: Browser;
  /** Where the browser opens the app: the server's URL, or http://localhost:PORT. */
  url: string;
}

export interface AppUnderTestOptions {
  /** Serve at http://localhost:PORT: a passkey needs a domain as its RP id, never an IP address. */
  localhost?: boolean;
  /** Extra server environment, read when the server starts (after earlier beforeAll hooks). */
  env?: () => Record<string, string>;
  /** Extra Chromium flags, made once the server is up (a fake camera's video of its URL, say). */
  browserArgs?: (url: string) => string[] | Promise<string[]>;
}

/**
 * A describe block's app: a real server on fresh storage and one Chromium, started before its
 * tests and stopped after them. Call it inside `describe`.
 */
export function useAppUnderTest(options: AppUnderTestOptions = {}): AppUnderTest {
  const app = {} as AppUnderTest;
  beforeAll(async () => {
    app.storage = await createStorage();
    const env = options.env?.() ?? {};
    if (options.localhost) {
      const port = await freePort();
      app.url = `http://localhost:${port}`;
      app.server = await startServer(app.storage, { port, env: { PUBLIC_URL: app.url, ...env } });
    } else {
      app.server = await startServer(app.storage, { env });
      app.url = app.server.url;
    }
    app.browser = await launchBrowser((await options.browserArgs?.(app.url)) ?? []);
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.stop();
    await app.storage?.dispose();
  });
  return app;
}
