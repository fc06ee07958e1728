import type { Page } from 'playwright-core';
import { fill, literal, text, type Lang } from './i18n.ts';

/** Waits until the document says it is in `lang` (the app sets <html lang> on every switch). */
export async function waitForLang(page: Page, lang: Lang): Promise<void> {
  await page.waitForSelector(`html[lang="${lang}"]`, { state: 'attached' });
}

/** Waits for the screen whose <h1> is `title`. */
export async function waitForTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
}

/** Taps a tab of the bottom navigation by its label. */
export async function tapTab(page: Page, lang: Lang, tab: keyof (typeof text)['ja']['nav']): Promise<void> {
  const nav = page.getByRole('navigation', { name: text[lang].nav.label });
  await nav.getByRole('link', { name: text[lang].nav[tab], exact: true }).click();
}

/** Signs in on My page as the demo persona with this display name. */
export async function demoSignIn(page: Page, lang: Lang, displayName: string): Promise<void> {
  await page.goto('/mypage');
  await waitForTitle(page, text[lang].myPage.title);
  await page
    .getByRole('button', { name: literal(fill(text[lang].signIn.actAs, { name: displayName })) })
    .click();
  await page.getByRole('button', { name: text[lang].myPage.signOut, exact: true }).waitFor();
}
