import { expect } from 'vitest';
import { callbackPath } from './relying-party.ts';
import type { TestBrowser } from './test-harness.ts';

/**
 * Test-only: a resident's steps through the bundled card service, as TestBrowser requests.
 * Each step asserts what a person would see, so a broken page fails where it breaks.
 */
export interface AtCardService {
  /** The interaction page's URL (/dev-card-service/interaction/<uid>). */
  url: URL;
  html: string;
}

/** POST start, then follow the authorization URL to the card service's first page. */
export async function startAtCardService(browser: TestBrowser, returnTo?: string): Promise<AtCardService> {
  const started = await browser.send('POST', '/api/identity/oidc/start', {
    json: returnTo ? { returnTo } : {},
  });
  expect(started.status, await started.clone().text()).toBe(200);
  const { authorizationUrl } = (await started.json()) as { authorizationUrl: string };
  const landed = await browser.follow(await browser.send('GET', authorizationUrl), authorizationUrl);
  expect(landed.url.pathname).toMatch(/^\/dev-card-service\/interaction\/[\w-]+$/);
  const html = (await landed.response?.text()) ?? '';
  expect(landed.response?.status, html).toBe(200);
  return { url: landed.url, html };
}

export async function enterPin(
  browser: TestBrowser,
  at: AtCardService,
  card: string,
  pin: string,
): Promise<{ response: Response; html: string }> {
  const pinPage = await browser.send('GET', `${at.url.pathname}/pin?card=${card}`);
  expect(pinPage.status).toBe(200);
  const response = await browser.send('POST', `${at.url.pathname}/pin`, { form: { card, pin } });
  return { response, html: response.status === 303 ? '' : await response.text() };
}

/**
 * After a right PIN: agree on the consent page and stop before the app's callback. A card
 * that already agreed in this browser session is not asked again (the service remembers it).
 */
export async function consent(browser: TestBrowser, afterPin: Response, from: URL): Promise<URL> {
  const toCallback = (url: URL) => url.pathname === callbackPath;
  const next = await browser.follow(afterPin, from.href, toCallback);
  if (toCallback(next.url)) return next.url;
  const html = (await next.response?.text()) ?? '';
  expect(next.response?.status, html).toBe(200);
  expect(html).toContain('同意して提供する');
  const agreed = await browser.send('POST', `${next.url.pathname}/consent`);
  const callback = await browser.follow(agreed, next.url.href, toCallback);
  expect(callback.url.pathname).toBe(callbackPath);
  return callback.url;
}

/** Lands on the callback and answers where the app sent the browser: /verify?result=… */
export async function landOnCallback(browser: TestBrowser, callbackUrl: URL): Promise<URL> {
  const response = await browser.send('GET', callbackUrl.href);
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '', callbackUrl);
}

/** The whole journey with the right PIN: the callback URL (not yet requested). */
export async function throughCardService(browser: TestBrowser, card: string, pin: string): Promise<URL> {
  const at = await startAtCardService(browser);
  const { response } = await enterPin(browser, at, card, pin);
  expect(response.status).toBe(303);
  return consent(browser, response, at.url);
}

export async function verifyWithCard(browser: TestBrowser, card: string, pin: string): Promise<URL> {
  return landOnCallback(browser, await throughCardService(browser, card, pin));
}
