import { findMiniApp, installCodeUrl, type MiniAppDefinition } from '@kumamoto/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { expectAccessible } from './support/axe.ts';
import { ConsoleErrors, launchBrowser, newPhoneContext } from './support/browser.ts';
import { text } from './support/i18n.ts';
import { waitForTitle } from './support/page.ts';
import { fakeCameraArgs, qrCameraVideo } from './support/qr-video.ts';
import { screenshot } from './support/screenshot.ts';
import { startServer, type ServerProcess } from './support/server.ts';
import { createStorage, type TestStorage } from './support/storage.ts';

const organizer = findMiniApp('organizer') as MiniAppDefinition;

/** Chromium's fake camera plays a video of the install QR code: the scanner must read it unaided. */
describe('scanning with the camera', () => {
  let storage: TestStorage;
  let server: ServerProcess;
  let videoDir: string;
  let browser: Browser;

  beforeAll(async () => {
    storage = await createStorage();
    server = await startServer(storage);
    videoDir = await mkdtemp(join(tmpdir(), 'kumamoto-e2e-camera-'));
    const video = await qrCameraVideo(installCodeUrl(server.url, 'organizer'), videoDir);
    browser = await launchBrowser(fakeCameraArgs(video));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await storage?.dispose();
    if (videoDir) await rm(videoDir, { recursive: true, force: true });
  });

  test('the install QR code in front of the camera opens the install confirmation', async () => {
    const context = await newPhoneContext(browser, server.url, { permissions: ['camera'] });
    const errors = new ConsoleErrors(context);
    const page = await context.newPage();
    try {
      await page.goto('/scan');
      await waitForTitle(page, text.ja.scan.title);
      // Nothing is typed or tapped from here on: the camera alone moves the app on.
      await page
        .getByRole('heading', { level: 1, name: text.ja.install.title, exact: true })
        .waitFor({ timeout: 30_000 });
      await page.getByText(organizer.name.ja, { exact: true }).waitFor();
      await page.getByRole('button', { name: text.ja.install.add, exact: true }).waitFor();
      await expectAccessible(page, 'Install confirmation from the camera (ja)');
      await screenshot(page, 'camera-install-ja');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});
