import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { literal, text, type Lang } from './support/i18n.ts';
import { waitForLang, waitForTitle } from './support/page.ts';
import { openPhone, type Phone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';
import { addVirtualAuthenticator } from './support/webauthn.ts';

const iPhone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
const android =
  'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';

/**
 * Passkeys for real (issue 3): Chromium's virtual authenticator creates and uses the keys,
 * the server verifies them. A passkey needs a domain as its RP id (an IP address is refused
 * by the browser), so the app runs at http://localhost:PORT.
 */
describe('passkey sign-up, sign-in and sessions', () => {
  const app = useAppUnderTest({ localhost: true });

  const phone = (userAgent?: string) => openPhone(app, 'ja', userAgent ? { userAgent } : {});

  const passkeySection = (page: Page, lang: Lang) =>
    page.getByRole('region', { name: text[lang].passkeys.heading, exact: true });
  const sessionSection = (page: Page, lang: Lang) =>
    page.getByRole('region', { name: text[lang].sessions.heading, exact: true });

  async function signInWithPasskey(page: Page, lang: Lang): Promise<void> {
    await page.goto('/signin');
    await waitForTitle(page, text[lang].signIn.title);
    await page.getByRole('button', { name: text[lang].passkeys.signInButton }).click();
    // Either My page, or a message saying why not (shown in the failure).
    const alert = page.getByRole('alert').or(page.getByRole('status').filter({ hasNotText: /…/ }));
    await waitForTitle(page, text[lang].myPage.title).catch(async (error: unknown) => {
      const shown = (await alert.allTextContents()).join(' / ');
      throw new Error(`passkey sign-in did not reach My page: ${shown}`, { cause: error });
    });
    await passkeySection(page, lang).waitFor();
  }

  test('sign up with a passkey, sign out, sign in again, and sign out the other device', async () => {
    // Two phones, told apart on My page by their browsers' User-Agent.
    const first = await phone(iPhone);
    let second: Phone | undefined;
    const t = text.ja;
    try {
      const { page } = first;
      const authenticator = await addVirtualAuthenticator(first.context, page);

      // Sign-in page: the passkey button first, newcomers next, the e-mail code below.
      await page.goto('/signin');
      await waitForLang(page, 'ja');
      await waitForTitle(page, t.signIn.title);
      await page.getByRole('button', { name: t.passkeys.signInButton }).waitFor();
      await expectAccessible(page, 'Sign-in (ja)');
      await screenshot(page, 'passkey-01-sign-in-ja');
      await page.getByRole('heading', { name: t.emailCode.heading }).scrollIntoViewIfNeeded();
      await screenshot(page, 'passkey-01b-sign-in-email-ja');

      await page.getByRole('link', { name: t.passkeys.signUpLink }).click();
      await waitForTitle(page, t.passkeys.signUpTitle);
      // An empty name is caught before any passkey is made.
      await page.getByRole('button', { name: t.passkeys.createButton }).click();
      await page.getByText(t.passkeys.nameRequired).waitFor();
      await page.getByRole('textbox', { name: t.passkeys.nameLabel }).fill('熊本 さくら');
      await expectAccessible(page, 'Sign-up (ja)');
      await screenshot(page, 'passkey-02-sign-up-ja');
      await page.getByRole('button', { name: t.passkeys.createButton }).click();

      await waitForTitle(page, t.myPage.title);
      await page.getByText('熊本 さくら', { exact: true }).first().waitFor();
      expect(await authenticator.credentials()).toHaveLength(1);
      const passkeys = passkeySection(page, 'ja');
      // Named after the device it was made on, until renamed.
      await passkeys.getByText('iPhone · Safari', { exact: true }).waitFor();
      await passkeys.getByText(t.passkeys.lastOneNote).waitFor();
      await passkeys.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, passkeys (ja)');
      await screenshot(page, 'passkey-03-mypage-passkeys-ja');

      // Rename the passkey.
      await passkeys.getByRole('button', { name: literal(t.passkeys.rename) }).click();
      const nameField = passkeys.getByRole('textbox', { name: t.passkeys.renameLabel });
      await nameField.fill('自分のスマホ');
      await passkeys.getByRole('button', { name: t.passkeys.save, exact: true }).click();
      await passkeys.getByText('自分のスマホ', { exact: true }).waitFor();
      await passkeys.getByText(t.passkeys.renamed).waitFor();

      // Sign out, then back in with the same passkey.
      await page.getByRole('button', { name: t.myPage.signOut, exact: true }).click();
      await page.getByRole('heading', { name: t.myPage.signedOutHeading }).waitFor();
      await signInWithPasskey(page, 'ja');
      await page.getByText('熊本 さくら', { exact: true }).first().waitFor();
      await passkeySection(page, 'ja')
        .getByText(literal(t.passkeys.lastUsed.split('{{')[0] ?? ''))
        .waitFor();
      first.errors.assertNone();

      // A second device with the same (synced) passkey signs in too: now two sessions.
      second = await phone(android);
      const other = await addVirtualAuthenticator(second.context, second.page);
      for (const credential of await authenticator.credentials()) await other.addCredential(credential);
      await signInWithPasskey(second.page, 'ja');
      const sessions = sessionSection(second.page, 'ja');
      await sessions.scrollIntoViewIfNeeded();
      await expect.poll(() => sessions.getByRole('listitem').count()).toBe(2);
      const thisPhone = sessions.getByRole('listitem').filter({ hasText: t.sessions.thisDevice });
      await thisPhone.getByText('Android · Chrome', { exact: true }).waitFor();
      const otherPhone = sessions.getByRole('listitem').filter({ hasNotText: t.sessions.thisDevice });
      await otherPhone.getByText('iPhone · Safari', { exact: true }).waitFor();
      await expectAccessible(second.page, 'My page, sessions (ja)');
      await screenshot(second.page, 'passkey-04-mypage-sessions-ja');

      // Sign the first device out from the second.
      await otherPhone.getByRole('button', { name: literal(t.sessions.revoke) }).click();
      await expect.poll(() => sessions.getByRole('listitem').count()).toBe(1);
      await sessions.getByText(t.sessions.onlyThis).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: t.myPage.signedOutHeading }).waitFor();

      // The same sections in English.
      await second.page.getByRole('button', { name: literal(t.language.switchTo.trim()) }).click();
      await waitForLang(second.page, 'en');
      const english = passkeySection(second.page, 'en');
      await english.scrollIntoViewIfNeeded();
      await expectAccessible(second.page, 'My page, passkeys and sessions (en)');
      await screenshot(second.page, 'passkey-05-mypage-passkeys-en');
      first.errors.assertNone();
      second.errors.assertNone();
    } finally {
      await first.context.close();
      await second?.context.close();
    }
  });

  test('a device without the passkey is told kindly what to do instead', async () => {
    const { context, errors, page } = await phone();
    try {
      // An authenticator with no passkey for this app: the browser reports "not allowed".
      await addVirtualAuthenticator(context, page);
      await page.goto('/signin');
      await waitForTitle(page, text.ja.signIn.title);
      await page.getByRole('button', { name: text.ja.passkeys.signInButton }).click();
      await page.getByText(text.ja.passkeys.cancelled).waitFor({ timeout: 90_000 });
      await expectAccessible(page, 'Sign-in, passkey not finished (ja)');
      await screenshot(page, 'passkey-06-sign-in-cancelled-ja');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('a browser without passkeys sees why, in plain words', async () => {
    const { context, errors, page } = await phone();
    try {
      await context.addInitScript(() => {
        // An old browser: no WebAuthn at all.
        Reflect.deleteProperty(globalThis, 'PublicKeyCredential');
      });
      await page.goto('/signin');
      await waitForTitle(page, text.ja.signIn.title);
      await page.getByText(text.ja.passkeys.unsupported).first().waitFor();
      expect(await page.getByRole('button', { name: text.ja.passkeys.signInButton }).count()).toBe(0);
      await expectAccessible(page, 'Sign-in without WebAuthn (ja)');
      await screenshot(page, 'passkey-07-sign-in-unsupported-ja');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});
