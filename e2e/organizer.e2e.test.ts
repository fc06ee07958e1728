import { errorMessages } from '@kumamoto/domain';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { applicationItems, type ApplicationItemKey } from '@kumamoto/domain';
import { fill, literal, text, type Lang } from './support/i18n.ts';
import { waitForTitle } from './support/page.ts';
import { personaName } from './support/personas.ts';
import { usePhones } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';
import { decodeQr } from './support/qr-decode.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const activityLabel = { ja: '環境美化（清掃・除草など）', en: 'Environment (clean-ups, weeding)' } as const;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/**
 * Issue 4's journey on a phone: a verified resident applies, the city returns the application
 * with a reason, the resident resubmits, the city approves, and the new administrator invites
 * a member who joins by the link.
 */
describe('organizer groups: apply → return → resubmit → approve → invite', () => {
  // Two full journeys from one address load many screens within a minute.
  const app = useAppUnderTest({ env: () => ({ RATE_LIMIT_PER_MINUTE: '5000' }) });
  const phones = usePhones(app);

  /** An item of the form by its label (the label starts with the domain's text). */
  function item(page: Page, lang: Lang, key: ApplicationItemKey) {
    const label = applicationItems.find((candidate) => candidate.key === key)!.label[lang];
    return page.getByLabel(new RegExp(`^${literal(label).source}`));
  }

  async function journey(lang: Lang) {
    const t = text[lang];
    const groupName = `テスト小学校PTA ${lang}`;
    const resident = await phones.signedIn('resident', lang);
    const { page } = resident;

    // Apply: the category first, then only that category's items.
    await page.goto('/organizer');
    await waitForTitle(page, t.organizer.title);
    await screenshot(page, `organizer-00-home-${lang}`);
    await page.getByRole('link', { name: t.organizer.newApplication }).click();
    await waitForTitle(page, t.organizer.form.title);
    await item(page, lang, 'category').selectOption('pta');
    await item(page, lang, 'name').fill(groupName);
    await item(page, lang, 'representative').fill('会長 熊本 太郎');
    await item(page, lang, 'address').fill('熊本県熊本市中央区手取本町1-1');
    await item(page, lang, 'overview').fill('児童の健全育成と地域との交流を目的とする。');
    await item(page, lang, 'phone').fill('096-328-2477');
    await page.getByLabel(activityLabel[lang]).check();
    await item(page, lang, 'officerList').setInputFiles({
      name: '役員名簿.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.getByText(fill(t.organizer.form.attached, { name: '役員名簿.pdf' })).waitFor();
    await item(page, lang, 'bylaws').setInputFiles({ name: '会則.png', mimeType: 'image/png', buffer: png });
    await page.getByText(fill(t.organizer.form.attached, { name: '会則.png' })).waitFor();
    await expectAccessible(page, `application form (${lang})`);
    await screenshot(page, `organizer-01-form-${lang}`);
    // The documents' pickers are buttons in the app's language, not the browser's.
    await page.getByText(fill(t.organizer.form.attached, { name: '会則.png' })).scrollIntoViewIfNeeded();
    expect(await page.getByText(t.organizer.form.chooseFile).count()).toBe(2);
    await screenshot(page, `organizer-01b-documents-${lang}`);
    // Submitting without the declaration is refused with the item named.
    await page.getByRole('button', { name: t.organizer.form.submit }).click();
    await page.getByText(t.organizer.form.fixErrors).waitFor();
    // The refused request is the only console error (the browser logs every 4xx).
    expect(resident.errors.messages.splice(0)).toEqual([expect.stringMatching(/status of 400.*\/submit/)]);
    await page
      .getByRole('checkbox', {
        name: new RegExp(
          `^${literal(applicationItems.find((entry) => entry.key === 'declaration')!.label[lang]).source}`,
        ),
      })
      .check();
    await page.getByRole('button', { name: t.organizer.form.submit }).click();
    await page.getByText(t.organizer.form.submitted).waitFor();
    await screenshot(page, `organizer-02-submitted-${lang}`);

    // The city returns it with a reason.
    const reviewer = await phones.signedIn('city-reviewer', lang);
    const city = reviewer.page;
    await city.goto('/city');
    await waitForTitle(city, t.city.title);
    await city.getByRole('link', { name: new RegExp(groupName) }).click();
    await waitForTitle(city, groupName);
    await expectAccessible(city, `review (${lang})`);
    await screenshot(city, `organizer-03-review-${lang}`);
    await city.getByRole('button', { name: t.city.return, exact: true }).click();
    await city.getByText(errorMessages[lang].organizer_reason_required).waitFor();
    expect(reviewer.errors.messages.splice(0)).toEqual([expect.stringMatching(/status of 400.*\/return/)]);
    const reason = '会則の写真が読み取れません。撮り直してください。';
    await city.getByLabel(t.city.reason).fill(reason);
    await city.getByRole('button', { name: t.city.return, exact: true }).click();
    await city.getByText(t.city.returned).waitFor();

    // The resident sees the reason and resubmits.
    await page.goto('/organizer');
    await page.getByRole('link', { name: new RegExp(groupName) }).click();
    await page.getByText(reason).first().waitFor();
    await expectAccessible(page, `returned application (${lang})`);
    await screenshot(page, `organizer-04-returned-${lang}`);
    await page.getByRole('button', { name: t.organizer.form.resubmit }).click();
    await page.getByText(t.organizer.form.submitted).waitFor();

    // The city approves.
    await city.goto('/city');
    await city.getByRole('link', { name: new RegExp(groupName) }).click();
    await city.getByRole('button', { name: t.city.approve, exact: true }).click();
    await city.getByText(t.city.approved).waitFor();
    await screenshot(city, `organizer-05-approved-${lang}`);

    // The new administrator (R-ORG-5) finds the group above the applications and invites a member.
    await page.goto('/organizer');
    await page.getByRole('heading', { name: t.organizer.myGroups }).waitFor();
    await page
      .getByRole('link', { name: new RegExp(groupName) })
      .first()
      .click();
    await waitForTitle(page, groupName);
    await page.getByRole('button', { name: t.organizer.group.invite }).click();
    const link = await page.getByRole('textbox', { name: t.organizer.group.invite }).inputValue();
    expect(link).toMatch(/\/organizer#join=[\w-]{43}$/);
    // The same link as a QR code, read back by an independent decoder (R-ORG-7: link or QR).
    const qr = page.getByRole('img', { name: t.organizer.group.inviteQr });
    // Loaded, and clear of the bottom navigation that covers the foot of the screen.
    await qr.evaluate(async (image: { decode(): Promise<void>; scrollIntoView(o: object): void }) => {
      await image.decode();
      image.scrollIntoView({ block: 'center' });
    });
    expect(await decodeQr(await qr.screenshot())).toBe(link);
    await expectAccessible(page, `group with invitation (${lang})`);
    await screenshot(page, `organizer-06-invite-${lang}`);

    const member = await phones.signedIn('organizer-member', lang);
    await member.page.goto(new URL(link).pathname + new URL(link).hash);
    await waitForTitle(member.page, t.organizer.join.title);
    await member.page.getByRole('button', { name: t.organizer.join.accept }).click();
    await member.page.getByText(t.organizer.join.joined).waitFor();
    await screenshot(member.page, `organizer-07-joined-${lang}`);

    await page.reload();
    await page
      .getByText(
        fill(t.organizer.group.memberLine, {
          name: await personaName(app.url, 'organizer-member'),
          role: t.organizer.group.member,
        }),
      )
      .waitFor();
    await screenshot(page, `organizer-08-members-${lang}`);

    // A city administrator suspends the group with an internal reason (R-ORG-10).
    const admin = await phones.signedIn('city-admin', lang);
    await admin.page.goto('/city?view=groups');
    await admin.page.getByRole('link', { name: new RegExp(groupName) }).click();
    await waitForTitle(admin.page, groupName);
    await admin.page.getByLabel(t.organizer.group.reason).fill('苦情の調査のため');
    await admin.page.getByRole('button', { name: t.organizer.event.group.suspend }).click();
    await admin.page.getByText(t.organizer.group.done).waitFor();
    await expectAccessible(admin.page, `city group screen (${lang})`);
    await screenshot(admin.page, `organizer-09-suspended-${lang}`);
    await page.reload();
    await page.getByText(t.organizer.groupStatus.suspended, { exact: false }).first().waitFor();
    await screenshot(page, `organizer-10-group-suspended-${lang}`);

    admin.errors.assertNone();
    resident.errors.assertNone();
    reviewer.errors.assertNone();
    member.errors.assertNone();
  }

  test('in Japanese on a phone', () => journey('ja'), 120_000);
  test('in English on a phone', () => journey('en'), 120_000);
});
