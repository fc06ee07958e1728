import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { text, type Lang } from './support/i18n.ts';
import { demoSignIn } from './support/page.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';

/** The school district section of My page, found by its heading. */
function section(page: Page, lang: Lang) {
  return page.getByRole('region', { name: text[lang].schoolDistrict.heading, exact: true });
}

/** School districts (校区) on My page: from the verified address, or chosen (demo sample table). */
describe('school district on My page', () => {
  const app = useAppUnderTest();

  test('a resident whose address matches sees the district it gives, and no chooser', async () => {
    const { context, errors, page } = await openPhone(app, 'ja');
    try {
      await demoSignIn(page, 'ja', '熊本 花子');
      const district = section(page, 'ja');
      await district.getByText('慶徳校区', { exact: true }).waitFor();
      await district.getByText(text.ja.schoolDistrict.fromAddress).waitFor();
      expect(await district.getByRole('combobox').count()).toBe(0);
      await district.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, district from the address (ja)');
      await screenshot(page, 'district-01-from-address-ja');
      errors.assertNone();
    } finally {
      await context.close();
    }
  });

  test('a resident whose address matches nothing chooses from the list, in English', async () => {
    const { context, errors, page } = await openPhone(app, 'en');
    try {
      await demoSignIn(page, 'en', '田中 誠');
      const district = section(page, 'en');
      await district.getByText(text.en.schoolDistrict.noMatch).waitFor();
      const select = district.getByRole('combobox', { name: text.en.schoolDistrict.chooseLabel });
      await select.waitFor();
      const box = await select.boundingBox();
      expect(box?.height).toBeGreaterThanOrEqual(44);

      // Saving without a choice says what is missing, at the field.
      await district.getByRole('button', { name: text.en.schoolDistrict.save, exact: true }).click();
      await district.getByText(text.en.schoolDistrict.required).waitFor();
      await select.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, choosing a district (en)');
      await screenshot(page, 'district-02-choose-en');

      await select.selectOption({ label: 'Kasuga School District (春日校区)' });
      await district.getByRole('button', { name: text.en.schoolDistrict.save, exact: true }).click();
      await district.getByText(text.en.schoolDistrict.saved).waitFor();
      await district.getByText('Kasuga School District', { exact: true }).waitFor();
      await district.getByText('春日校区', { exact: true }).waitFor();
      await district.getByText(text.en.schoolDistrict.chosen).waitFor();
      await district.getByRole('combobox', { name: text.en.schoolDistrict.changeLabel }).waitFor();
      await district.scrollIntoViewIfNeeded();
      await expectAccessible(page, 'My page, district chosen (en)');
      await screenshot(page, 'district-03-chosen-en');

      // Kept on the server: a fresh load shows the choice.
      await page.reload();
      await section(page, 'en').getByText('Kasuga School District', { exact: true }).waitFor();
      errors.assertNone();
    } finally {
      await context.close();
    }
  });
});
