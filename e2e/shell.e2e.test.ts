import { findMiniApp, installCodeUrl, type MiniAppDefinition } from '@kumamoto/domain';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { fill, literal, text, type Lang } from './support/i18n.ts';
import { demoSignIn, tapTab, waitForLang, waitForTitle } from './support/page.ts';
import { personaName } from './support/personas.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';
import { spawnServer, startServer, type ServerProcess } from './support/server.ts';
import { createStorage, type TestStorage } from './support/storage.ts';

const organizer = findMiniApp('organizer') as MiniAppDefinition;
const volunteer = findMiniApp('volunteer') as MiniAppDefinition;

/** The mini-app tile on Home, found inside the "Mini-apps" section by its name. */
function tile(page: Page, lang: Lang, app: MiniAppDefinition) {
  const section = page.getByRole('region', { name: text[lang].home.miniAppsHeading });
  return section.getByRole('link', { name: literal(app.name[lang]) });
}

describe('shell journey', () => {
  const app = useAppUnderTest();

  test('Home in Japanese, then English; add the organizer mini-app with a typed code', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await page.goto('/');
      await waitForLang(page, 'ja');
      await waitForTitle(page, text.ja.home.title);
      await page.getByRole('link', { name: text.ja.home.scanButton }).waitFor();
      await tile(page, 'ja', volunteer).waitFor();
      expect(await tile(page, 'ja', organizer).count()).toBe(0);
      await expectAccessible(page, 'Home (ja)');
      await screenshot(page, 'shell-01-home-ja');

      await page.getByRole('button', { name: literal(text.ja.language.switchTo.trim()) }).click();
      await waitForLang(page, 'en');
      await waitForTitle(page, text.en.home.title);
      await tile(page, 'en', volunteer).waitFor();
      await expectAccessible(page, 'Home (en)');
      await screenshot(page, 'shell-02-home-en');

      await tapTab(page, 'en', 'scan');
      await waitForTitle(page, text.en.scan.title);
      await expectAccessible(page, 'Scan (en)');
      await screenshot(page, 'shell-03-scan-en');

      await page
        .getByRole('textbox', { name: text.en.scan.codeLabel })
        .fill(installCodeUrl(app.url, 'organizer'));
      await page.getByRole('button', { name: text.en.scan.submit, exact: true }).click();
      await waitForTitle(page, text.en.install.title);
      await page.getByText(organizer.name.en, { exact: true }).waitFor();
      await expectAccessible(page, 'Install confirmation (en)');
      await screenshot(page, 'shell-04-install-en');

      await page.getByRole('button', { name: text.en.install.add, exact: true }).click();
      await waitForTitle(page, text.en.home.title);
      await page.getByText(fill(text.en.home.added, { name: organizer.name.en })).waitFor();
      await tile(page, 'en', organizer).scrollIntoViewIfNeeded();
      await expectAccessible(page, 'Home with the organizer tile (en)');
      await screenshot(page, 'shell-05-home-organizer-en');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('a signed-in persona keeps an installed mini-app across a server restart', async () => {
    const resident = await personaName(app.url, 'resident');

    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await demoSignIn(page, 'ja', resident);
      // The URL a phone's own camera app would open from the printed install code.
      await page.goto(installCodeUrl(app.url, 'organizer'));
      await waitForTitle(page, text.ja.install.title);
      await page.getByRole('button', { name: text.ja.install.add, exact: true }).click();
      await tile(page, 'ja', organizer).waitFor();

      await app.server.stop();
      app.server = await startServer(app.storage, { port: app.server.port });
      await page.reload();
      await page.getByText(fill(text.ja.home.greeting, { name: resident })).waitFor();
      await tile(page, 'ja', organizer).waitFor();
      errors.assertNone();
    } finally {
      await context.close();
    }

    // A new browser (nothing stored locally) sees it too: the install lives on the server.
    const { context: fresh, errors: freshErrors, page: freshPage } = await openPhone(app, 'ja');
    try {
      await demoSignIn(freshPage, 'ja', resident);
      await tapTab(freshPage, 'ja', 'home');
      await tile(freshPage, 'ja', organizer).scrollIntoViewIfNeeded();
      await screenshot(freshPage, 'shell-06-home-after-restart-ja');
      freshErrors.assertNone();
    } finally {
      await fresh.close();
    }
  });
});

describe('one server per data folder', () => {
  let storage: TestStorage;
  let first: ServerProcess;

  beforeAll(async () => {
    storage = await createStorage({ kind: 'pglite' });
    first = await startServer(storage);
  });
  afterAll(async () => {
    await first?.stop();
    await storage?.dispose();
  });

  test('a second server on the same DATA_DIR is refused with a clear message', async () => {
    const second = await spawnServer(storage);
    const code = await Promise.race([second.exited, rejectAfter(60_000)]);
    expect(code, second.output()).not.toBe(0);
    expect(second.output()).toContain(storage.label);
    expect(second.output()).toMatch(/in use/i);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
  });
});

function rejectAfter(ms: number): Promise<never> {
  return new Promise((_, reject) =>
    setTimeout(() => reject(new Error(`no exit within ${ms} ms`)), ms).unref(),
  );
}
