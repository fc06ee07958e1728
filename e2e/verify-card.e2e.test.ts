import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { fill, literal, text } from './support/i18n.ts';
import { demoSignIn, waitForLang, waitForTitle } from './support/page.ts';
import { screenshotDir } from './support/paths.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';

/**
 * 「マイナンバーカードで本人確認」 end to end in Chromium (issue 3, R-ID-1): a resident not yet
 * verified goes from My page to /verify, through the bundled development card service's own
 * pages (choose a sample card, a wrong PIN, the right PIN, consent) and back, and sees the
 * card's four items on My page, in Japanese and then in English.
 */
const newcomer = '肥後 太郎';
const sampleCard = {
  pin: '1234',
  address: '熊本県熊本市北区龍田1丁目5番2号',
  birthDateJa: '1996年4月12日（平成8年）',
  birthDateEn: '12 April 1996',
};

/** The whole page, for screens taller than the phone. */
async function fullScreenshot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.screenshot({ path: join(screenshotDir, `${name}-full.png`), fullPage: true });
}

describe('verify with the My Number Card through the development card service', () => {
  const app = useAppUnderTest();

  test('an unverified resident verifies with a sample card and sees the read-only profile', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    const ja = text.ja;
    try {
      await demoSignIn(page, 'ja', newcomer);
      const profile = page.getByRole('region', { name: ja.profile.heading });
      await profile.getByText(ja.profile.unverifiedLead).waitFor();
      await profile.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, unverified (ja)');
      await screenshot(page, 'verify-01-mypage-unverified-ja');

      // Unverified: the self-declared items are editable (R-ID-2).
      await profile.getByRole('button', { name: ja.profile.edit, exact: true }).click();
      await profile.getByLabel(ja.profile.birthDateOptional).fill('1996-04-12');
      await profile.getByRole('radio', { name: ja.profile.genders.male }).check();
      await expectAccessible(page, 'My page, editing declared items (ja)');
      await screenshot(page, 'verify-01b-mypage-declared-edit-ja');
      await profile.getByRole('button', { name: ja.profile.save, exact: true }).click();
      await profile.getByText(ja.profile.saved).waitFor();
      await profile.getByText(sampleCard.birthDateJa).waitFor();
      await screenshot(page, 'verify-01c-mypage-declared-saved-ja');

      await profile.getByRole('link', { name: ja.profile.verifyLink }).click();
      await waitForTitle(page, ja.verify.title);
      await page.getByText(ja.verify.neverMyNumber).waitFor();
      await expectAccessible(page, 'Verify page (ja)');
      await fullScreenshot(page, 'verify-02-verify-page-ja');

      // First a resident who changes their mind at the card service.
      await page.getByRole('button', { name: ja.verify.start }).click();
      await page.getByRole('heading', { level: 1, name: /カードを選んでください/ }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ja');
      await expectAccessible(page, 'Card service: choose a card');
      await fullScreenshot(page, 'verify-03-card-service-choose');
      await page.getByRole('button', { name: /本人確認をやめる/ }).click();
      await waitForTitle(page, ja.verify.title);
      await page.getByText(ja.verify.failedTitle).waitFor();
      await page.getByText(ja.verify.failedNothingChanged).waitFor();
      await expectAccessible(page, 'Verify page, cancelled (ja)');
      await screenshot(page, 'verify-04-verify-cancelled-ja');

      // Then for real: choose the card, a wrong PIN, the right one, consent.
      await page.getByRole('button', { name: ja.verify.start }).click();
      await page.getByRole('link', { name: literal(`${newcomer} さんのカードを使う`) }).click();
      await page.getByRole('heading', { level: 1, name: /暗証番号を入力してください/ }).waitFor();
      await expectAccessible(page, 'Card service: PIN');
      await screenshot(page, 'verify-05-card-service-pin');

      const pin = page.getByLabel(/暗証番号（数字4桁）/);
      await pin.fill(sampleCard.pin === '0000' ? '1111' : '0000');
      await page.getByRole('button', { name: /次へ/ }).click();
      await page
        .getByRole('alert')
        .getByText(/暗証番号が違います。あと 2 回/)
        .waitFor();
      await expectAccessible(page, 'Card service: wrong PIN');
      await screenshot(page, 'verify-06-card-service-wrong-pin');
      // The refused PIN page answers 400, which Chromium reports on the console: expected here.
      errors.messages.splice(
        0,
        errors.messages.length,
        ...errors.messages.filter((m) => !/status of 400/.test(m)),
      );

      await page.getByLabel(/暗証番号（数字4桁）/).fill(sampleCard.pin);
      await page.getByRole('button', { name: /次へ/ }).click();
      await page.getByRole('heading', { level: 1, name: /情報の提供に同意しますか/ }).waitFor();
      await page.getByText(sampleCard.address).waitFor();
      await expectAccessible(page, 'Card service: consent');
      await fullScreenshot(page, 'verify-07-card-service-consent');
      await page.getByRole('button', { name: /同意して提供する/ }).click();

      await waitForTitle(page, ja.verify.title);
      await page.getByText(ja.verify.successTitle).waitFor();
      expect(new URL(page.url()).searchParams.get('result')).toBe('verified');
      await expectAccessible(page, 'Verify page, verified (ja)');
      await screenshot(page, 'verify-08-verified-ja');

      await page.getByRole('link', { name: ja.verify.continue }).click();
      await waitForTitle(page, ja.myPage.title);
      const verified = page.getByRole('region', { name: ja.profile.heading });
      await verified.getByText(ja.identity.verified).waitFor();
      await verified.getByText(ja.profile.cardHelp).waitFor();
      await verified.getByText(sampleCard.address).waitFor();
      await verified.getByText(sampleCard.birthDateJa).waitFor();
      await verified.getByText(ja.profile.genders.male).waitFor();
      await verified.getByText(fill(ja.profile.ageValue, { age: ageToday('1996-04-12') })).waitFor();
      await verified.getByRole('heading', { name: ja.profile.historyHeading }).waitFor();
      // Read-only: nothing to type into, only the way to verify again.
      expect(await verified.getByRole('textbox').count()).toBe(0);
      await verified.getByRole('link', { name: ja.profile.reverifyLink }).waitFor();
      await verified.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, verified (ja)');
      await screenshot(page, 'verify-09-mypage-verified-ja');
      await verified
        .getByRole('heading', { name: ja.profile.historyHeading })
        .evaluate((heading: { scrollIntoView(options: { block: 'center' }): void }) =>
          heading.scrollIntoView({ block: 'center' }),
        );
      await screenshot(page, 'verify-09-mypage-verified-history-ja');

      await page.getByRole('button', { name: literal(ja.language.switchTo.trim()) }).click();
      await waitForLang(page, 'en');
      const en = text.en;
      const english = page.getByRole('region', { name: en.profile.heading });
      await english.getByText(en.profile.cardHelp).waitFor();
      await english.getByText(sampleCard.birthDateEn).waitFor();
      await english.getByText(en.profile.genders.male).waitFor();
      await english.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, verified (en)');
      await screenshot(page, 'verify-10-mypage-verified-en');

      await english.getByRole('link', { name: en.profile.reverifyLink }).click();
      await waitForTitle(page, en.verify.title);
      await page.getByRole('button', { name: en.verify.reverify }).waitFor();
      await expectAccessible(page, 'Verify page, already verified (en)');
      await fullScreenshot(page, 'verify-11-verify-page-en');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});

/** Age on today's date in Japan, as the server counts it. */
function ageToday(birthDate: string): number {
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm > bm || (tm === bm && td >= bd) ? 0 : 1);
}
