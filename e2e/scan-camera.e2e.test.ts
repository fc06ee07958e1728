import { findMiniApp, installCodeUrl, type MiniAppDefinition } from '@kumamoto/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { text } from './support/i18n.ts';
import { waitForTitle } from './support/page.ts';
import { openPhone } from './support/phones.ts';
import { fakeCameraArgs, qrCameraVideo } from './support/qr-video.ts';
import { screenshot } from './support/screenshot.ts';

const organizer = findMiniApp('organizer') as MiniAppDefinition;

/** Chromium's fake camera plays a video of the install QR code: the scanner must read it unaided. */
describe('scanning with the camera', () => {
  let videoDir: string;
  beforeAll(async () => {
    videoDir = await mkdtemp(join(tmpdir(), 'kumamoto-e2e-camera-'));
  });
  afterAll(async () => {
    if (videoDir) await rm(videoDir, { recursive: true, force: true });
  });
  const app = useAppUnderTest({
    browserArgs: async (url) =>
      fakeCameraArgs(await qrCameraVideo(installCodeUrl(url, 'organizer'), videoDir)),
  });

  test('the install QR code in front of the camera opens the install confirmation', async () => {
    const { context, errors, page } = await openPhone(app, 'ja', { permissions: ['camera'] });
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
