import { errorMessages } from '@kumamoto/domain';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiOf } from './support/api-call.ts';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { text, type Lang } from './support/i18n.ts';
import { demoSignIn, waitForLang, waitForTitle } from './support/page.ts';
import { personaName } from './support/personas.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';

/** Account deletion from My page (issue 3 part 7): explained, confirmed, then Home signed out. */
describe('deleting an account', () => {
  const app = useAppUnderTest();

  async function sessionUser(page: Page): Promise<unknown> {
    return (await apiOf(page).get<{ user: unknown }>('/api/session')).user;
  }

  async function deleteJourney(page: Page, lang: Lang, persona: string): Promise<void> {
    const t = text[lang].deleteAccount;
    const name = await personaName(app.url, persona);
    await demoSignIn(page, lang, name);

    const section = page.getByRole('region', { name: t.heading });
    const start = section.getByRole('button', { name: t.start, exact: true });
    await start.scrollIntoViewIfNeeded();
    await expectAccessible(page, `My page with account deletion (${lang})`);
    await screenshot(page, `delete-account-00-section-${lang}`);
    await start.click();

    // The explanation comes before anything can be confirmed.
    const confirmHeading = page.getByRole('heading', { name: t.confirmHeading, exact: true });
    await confirmHeading.waitFor();
    // Focus moves to the explanation, so a screen reader reads it first.
    expect(await page.locator(':focus').textContent()).toBe(t.confirmHeading);
    for (const line of [
      t.removedSignIn,
      t.removedCard,
      t.removedEmail,
      t.removedPoints,
      t.keptCertificates,
      t.again,
    ])
      await section.getByText(line, { exact: true }).waitFor();
    await expectAccessible(page, `Account deletion, explained (${lang})`);
    await confirmHeading.evaluate("(element) => element.scrollIntoView({ block: 'start' })");
    await screenshot(page, `delete-account-01-explained-${lang}`);

    // Cancelling closes it and returns focus to where it was opened; open it again.
    await section.getByRole('button', { name: t.cancel, exact: true }).click();
    await confirmHeading.waitFor({ state: 'detached' });
    expect(await page.locator(':focus').textContent()).toBe(t.start);
    await start.click();
    await confirmHeading.waitFor();

    // Pressing the red button without ticking the box deletes nothing and says why.
    const deleteButton = section.getByRole('button', { name: t.delete, exact: true });
    await deleteButton.scrollIntoViewIfNeeded();
    await deleteButton.click();
    await section.getByRole('alert').getByText(errorMessages[lang].account_deletion_unconfirmed).waitFor();
    expect(await sessionUser(page)).not.toBeNull();
    await screenshot(page, `delete-account-02-unconfirmed-${lang}`);

    await section.getByRole('checkbox', { name: t.confirm }).check();
    await expectAccessible(page, `Account deletion, confirmed (${lang})`);
    await screenshot(page, `delete-account-03-confirmed-${lang}`);
    await deleteButton.click();

    await waitForTitle(page, text[lang].home.title);
    await page.getByRole('link', { name: text[lang].home.signInLink }).waitFor();
    expect(await sessionUser(page)).toBeNull();
    await screenshot(page, `delete-account-04-home-${lang}`);

    // The account cannot be signed in to again.
    await apiOf(page).post('/api/demo/sign-in', { persona }, 404);
  }

  test('in Japanese: a verified resident deletes their account', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await deleteJourney(page, 'ja', 'resident');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('in English: a resident not yet verified deletes their account', async () => {
    const { context, errors, page } = await openPhone(app, 'en');
    try {
      await page.goto('/');
      await waitForLang(page, 'en');
      await deleteJourney(page, 'en', 'newcomer');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});
