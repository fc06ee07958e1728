import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Debian's Chromium, quiet: no background traffic toward a network this machine does not have. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}: run \`apt-get install chromium\` (or bash .ci/run)`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, ...extraArgs] });
}

/** A phone: iPhone-sized screen, touch, Japanese locale, Japan time. */
export const phone: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'ja-JP',
  timezoneId: 'Asia/Tokyo',
};

export function newPhoneContext(
  browser: Browser,
  baseURL: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({ ...phone, baseURL, ...options });
}

/**
 * Collects console errors and uncaught exceptions of every page in a context.
 * Call `assertNone()` at the end of each test: the app must run without console errors.
 */
export class ConsoleErrors {
  readonly messages: string[] = [];

  constructor(context: BrowserContext) {
    context.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location();
      this.messages.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    });
    context.on('weberror', (error) =>
      this.messages.push(`uncaught: ${error.error().stack ?? error.error().message}`),
    );
  }

  /** Throws listing every error seen since the last call, then starts afresh. */
  assertNone(): void {
    const seen = this.messages.splice(0);
    if (seen.length > 0) throw new Error(`browser console errors:\n  ${seen.join('\n  ')}`);
  }
}
