import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll } from 'vitest';
import { ConsoleErrors, newPhoneContext } from './browser.ts';
import type { Lang } from './i18n.ts';
import { demoSignIn, waitForLang } from './page.ts';
import { personaName } from './personas.ts';

/** The app a phone opens: a browser and the URL it serves at (an `AppUnderTest` will do). */
export interface PhoneApp {
  browser: Browser;
  url: string;
}

/** One phone: its browser context, its page, and the console errors they log. */
export interface Phone {
  context: BrowserContext;
  page: Page;
  errors: ConsoleErrors;
}

/** The browser language of a phone whose owner reads `lang` (the app starts in it). */
export function localeFor(lang: Lang): BrowserContextOptions {
  return lang === 'en' ? { locale: 'en-US' } : {};
}

/**
 * A new phone (see `phone` in browser.ts) whose browser prefers `lang`, with `options` on top
 * (geolocation, permissions, userAgent, …); nothing is opened yet. Close `context` when done.
 */
export async function openPhone(
  app: PhoneApp,
  lang: Lang = 'ja',
  options: BrowserContextOptions = {},
): Promise<Phone> {
  const context = await newPhoneContext(app.browser, app.url, { ...localeFor(lang), ...options });
  const errors = new ConsoleErrors(context);
  const page = await context.newPage();
  return { context, page, errors };
}

/**
 * A phone signed in as the demo persona `key`: Home opens in `lang`, then the demo sign-in on
 * My page. Close `context` when done (or use `usePhones`).
 */
export async function signedInPhone(
  app: PhoneApp,
  key: string,
  lang: Lang,
  options: BrowserContextOptions = {},
): Promise<Phone> {
  const phone = await openPhone(app, lang, options);
  try {
    await phone.page.goto('/');
    await waitForLang(phone.page, lang);
    await demoSignIn(phone.page, lang, await personaName(app.url, key));
  } catch (error) {
    await phone.context.close();
    throw error;
  }
  return phone;
}

export interface Phones {
  /** A phone signed in as the demo persona `key` in `lang` (see `signedInPhone`). */
  signedIn(key: string, lang: Lang, options?: BrowserContextOptions): Promise<Phone>;
}

/**
 * Phones for a describe block whose journeys use several at once: each gets `defaults` (say a
 * geolocation and permissions) and is closed after the block's tests. Call it inside `describe`,
 * after `useAppUnderTest`.
 */
export function usePhones(app: PhoneApp, defaults: BrowserContextOptions = {}): Phones {
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  const kept = (phone: Phone): Phone => {
    contexts.push(phone.context);
    return phone;
  };
  return {
    signedIn: async (key, lang, options = {}) =>
      kept(await signedInPhone(app, key, lang, { ...defaults, ...options })),
  };
}
