import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { literal, text } from './support/i18n.ts';
import { waitForLang, waitForTitle } from './support/page.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';
import { addVirtualAuthenticator } from './support/webauthn.ts';

/**
 * Issue 3's whole promise in one journey: a new resident signs up with a passkey, verifies
 * with a sample My Number Card at the development card service, and sees the read-only
 * verified profile and the school district derived from the card's address (R-ID-1), in
 * Japanese and then in English. Runs at http://localhost (a passkey needs a domain).
 */
const card = {
  label: 'NGUYEN VAN AN',
  pin: '5678',
  address: '熊本県熊本市南区田迎5丁目1番10号',
  districtJa: '田迎校区',
  districtEn: 'Tamukae School District',
};

describe('a new resident: passkey, card, profile and school district', () => {
  const app = useAppUnderTest({ localhost: true });

  test('signs up with a passkey, verifies with a sample card, and sees the verified profile', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    const ja = text.ja;
    try {
      await addVirtualAuthenticator(context, page);
      await page.goto('/signup');
      await waitForLang(page, 'ja');
      await waitForTitle(page, ja.passkeys.signUpTitle);
      await page.getByRole('textbox', { name: ja.passkeys.nameLabel }).fill('グエン アン');
      await page.getByRole('button', { name: ja.passkeys.createButton }).click();
      await waitForTitle(page, ja.myPage.title);

      const profile = page.getByRole('region', { name: ja.profile.heading });
      await profile.getByText(ja.profile.unverifiedLead).waitFor();
      await profile.getByRole('link', { name: ja.profile.verifyLink }).click();
      await waitForTitle(page, ja.verify.title);
      await page.getByRole('button', { name: ja.verify.start }).click();
      await page.getByRole('link', { name: literal(`${card.label} さんのカードを使う`) }).click();
      await page.getByLabel(/暗証番号（数字4桁）/).fill(card.pin);
      await page.getByRole('button', { name: /次へ/ }).click();
      await page.getByText(card.address).waitFor();
      await page.getByRole('button', { name: /同意して提供する/ }).click();
      await page.getByText(ja.verify.successTitle).waitFor();
      await page.getByRole('link', { name: ja.verify.continue }).click();
      await waitForTitle(page, ja.myPage.title);

      // The card's items, read-only, and the district derived from its address.
      const verified = page.getByRole('region', { name: ja.profile.heading });
      await verified.getByText(ja.identity.verified).waitFor();
      await verified.getByText(card.address).waitFor();
      expect(await verified.getByRole('textbox').count()).toBe(0);
      const district = page.getByRole('region', { name: ja.schoolDistrict.heading, exact: true });
      await district.getByText(card.districtJa).waitFor();
      await district.getByText(ja.schoolDistrict.fromAddress).waitFor();
      expect(await district.getByRole('combobox').count()).toBe(0);
      await district.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, new resident verified (ja)');
      await screenshot(page, 'new-resident-01-verified-district-ja');

      await page.getByRole('button', { name: literal(ja.language.switchTo.trim()) }).click();
      await waitForLang(page, 'en');
      const en = text.en;
      const englishDistrict = page.getByRole('region', { name: en.schoolDistrict.heading, exact: true });
      await englishDistrict.getByText(card.districtEn, { exact: false }).first().waitFor();
      await englishDistrict.getByText(en.schoolDistrict.fromAddress).waitFor();
      const englishProfile = page.getByRole('region', { name: en.profile.heading });
      await englishProfile.getByText(en.profile.cardHelp).waitFor();
      await englishProfile.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, new resident verified (en)');
      await screenshot(page, 'new-resident-02-verified-profile-en');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});
