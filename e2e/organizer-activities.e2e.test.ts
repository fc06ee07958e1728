import {
  activityFields,
  eligibilityCriteria,
  genderLabels,
  insuranceOptions,
  toJstLocalInput,
  type ActivityFieldName,
} from '@kumamoto/domain';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiOf } from './support/api-call.ts';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { fill, literal, text, type Lang } from './support/i18n.ts';
import { waitForTitle } from './support/page.ts';
import { personaName } from './support/personas.ts';
import { usePhones } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';

/** Kumamoto City Hall: where the organizer's phone says it is ("use my location"). */
const here = { latitude: 32.80312, longitude: 130.70789 };
const day = 24 * 60 * 60 * 1000;

/**
 * A real photo as a phone takes it: a JPEG with EXIF data (the camera's make) that the
 * server must strip when it re-encodes the thumbnail.
 */
async function phonePhoto(): Promise<Buffer> {
  const width = 1200;
  const height = 800;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      // Sky over a green riverbank.
      const ground = y > height * 0.6;
      pixels[offset] = ground ? 60 : 120 + Math.round((x / width) * 80);
      pixels[offset + 1] = ground ? 140 + Math.round((y / height) * 60) : 180;
      pixels[offset + 2] = ground ? 70 : 235;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'KumamotoTestPhone', Model: 'E2E' } })
    .toBuffer();
}

/**
 * Issue 5 parts 1, 4 and 5, the organizer's side, on a phone: the demo group's administrator
 * creates an activity with a photo from the phone, is told what is missing, ticks the five
 * eligibility criteria (R-ACT-1) and publishes; finds it in the group's list; sends a notice to
 * the residents who applied (R-ACT-4) and opens the participant list (R-ID-4) and its CSV.
 */
describe('organizer activities: create with a photo → publish → list → notice → participants', () => {
  const app = useAppUnderTest({ env: () => ({ RATE_LIMIT_PER_MINUTE: '5000' }) });
  const phones = usePhones(app, {
    geolocation: here,
    permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
  });
  let photo: Buffer;

  beforeAll(async () => {
    photo = await phonePhoto();
  });

  /** A form item by its label, which starts with the domain's text (then its requirement). */
  function item(page: Page, lang: Lang, name: ActivityFieldName) {
    const label = activityFields.find((field) => field.name === name)!.label[lang];
    return page.getByLabel(new RegExp(`^${literal(label).source}`));
  }

  async function journey(lang: Lang) {
    const t = text[lang];
    const a = t.organizerActivities;
    const title =
      lang === 'ja' ? '【白川校区】白川河川敷の清掃ボランティア' : '[Shirakawa] Riverbank clean-up';
    const residentName = await personaName(app.url, 'resident');
    const newcomerName = await personaName(app.url, 'newcomer');
    const admin = await phones.signedIn('organizer-admin', lang);
    const { page } = admin;

    // From the organizer mini-app's group page to the group's activities.
    await page.goto('/organizer');
    await page.getByRole('heading', { name: t.organizer.myGroups }).waitFor();
    await page
      .getByRole('region', { name: t.organizer.myGroups, exact: true })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('link', { name: a.openFromGroup }).waitFor();
    await screenshot(page, `organizer-activities-00a-group-${lang}`);
    await page.getByRole('link', { name: a.openFromGroup }).click();
    await waitForTitle(page, a.listTitle);
    await page.getByRole('list', { name: a.listTitle }).or(page.getByText(a.none)).waitFor();
    await screenshot(page, `organizer-activities-00-list-${lang}`);

    // The form: every item with the guide's advice.
    await page.getByRole('link', { name: a.new }).click();
    await waitForTitle(page, a.form.createTitle);
    for (const field of activityFields) {
      await page.getByText(field.help[lang], { exact: true }).first().waitFor();
    }
    await screenshot(page, `organizer-activities-01-form-${lang}`);

    // A photo from the phone: previewed, uploaded with progress, then shown as stored.
    await item(page, lang, 'thumbnail').setInputFiles({
      name: 'IMG_0412.jpg',
      mimeType: 'image/jpeg',
      buffer: photo,
    });
    await page.getByText(a.form.photo.uploaded).waitFor();
    const preview = page.getByRole('img', { name: a.form.photo.preview });
    const stored = await preview.getAttribute('src');
    expect(stored).toMatch(/^\/api\/activity-images\/[0-9a-f-]{36}$/);
    const served = await page.request.get(stored!);
    expect(served.headers()['content-type']).toBe('image/webp');
    // Re-encoded without the camera's metadata.
    expect((await served.body()).includes(Buffer.from('KumamotoTestPhone'))).toBe(false);

    const date = toJstLocalInput(new Date(Date.now() + 7 * day)).slice(0, 10);
    await item(page, lang, 'title').fill(title);
    await item(page, lang, 'category').selectOption('environment');
    await item(page, lang, 'startsAt').fill(`${date}T09:00`);
    await item(page, lang, 'endsAt').fill(`${date}T11:30`);
    await item(page, lang, 'placeName').fill('白川河川敷（大甲橋下）');
    await item(page, lang, 'address').fill('熊本市中央区水道町');
    await page.getByRole('button', { name: a.form.location.useMine }).click();
    await expect
      .poll(() => page.getByLabel(a.form.location.lat, { exact: true }).inputValue())
      .toBe(String(here.latitude));
    expect(await page.getByLabel(a.form.location.lng, { exact: true }).inputValue()).toBe(
      String(here.longitude),
    );
    await item(page, lang, 'message').fill(
      '川のごみを拾って、子どもたちが安心して遊べる河川敷にしましょう。',
    );
    await item(page, lang, 'content').fill('河川敷のごみ拾いと草取り（約2時間）。');
    await item(page, lang, 'belongings').fill('飲み物、軍手、タオル');
    await item(page, lang, 'clothing').fill('汚れてもよい服装、帽子');
    await item(page, lang, 'meetingPoint').fill('8:45に大甲橋の下に集合');
    await item(page, lang, 'parking').fill('駐車場はありません。駐輪場があります。');
    await item(page, lang, 'targetParticipants').fill('どなたでも（小学生以下は保護者同伴）');
    await item(page, lang, 'contact').fill('白川校区自治協議会 096-123-4567');
    await item(page, lang, 'capacity').fill('30');
    await item(page, lang, 'schoolDistrictCode').selectOption({ index: 1 });
    await page.getByRole('radio', { name: insuranceOptions[0]!.label[lang] }).check();
    await page
      .getByRole('radio', { name: new RegExp(`^${literal(a.form.publishAs.public).source}`) })
      .check();

    // Publishing before the five criteria are ticked: the server's message, next to the item.
    await page.getByRole('button', { name: a.form.publish }).click();
    const eligibilityMessage =
      lang === 'ja'
        ? '公開するには、対象活動の条件をすべて確認してチェックしてください。'
        : 'To publish, please check and tick every eligibility condition.';
    await page.getByText(a.form.fixErrors).waitFor();
    await page.locator('#activity-field-eligibility-error', { hasText: eligibilityMessage }).waitFor();
    expect(admin.errors.messages.splice(0)).toEqual([expect.stringMatching(/status of 400/)]);
    await expectAccessible(page, `activity form with errors (${lang})`);
    await page.locator('#activity-field-eligibility').scrollIntoViewIfNeeded();
    await screenshot(page, `organizer-activities-02-criteria-missing-${lang}`);

    for (const criterion of eligibilityCriteria) {
      await page.getByRole('checkbox', { name: criterion.text[lang] }).check();
    }
    await screenshot(page, `organizer-activities-03-criteria-ticked-${lang}`);
    await page.getByRole('button', { name: a.form.publish }).click();

    // The manage screen.
    await waitForTitle(page, title);
    await page.getByText(a.flash.published).waitFor();
    const activityId = /\/organizer\/activities\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
    expect(activityId).toBeTruthy();
    await page
      .getByText(fill(a.applied, { count: 0, capacity: 30 }))
      .first()
      .waitFor();
    await expectAccessible(page, `manage activity (${lang})`);
    await screenshot(page, `organizer-activities-04-manage-${lang}`);
    // The public page's link, copied for a flyer or social media.
    await page.getByRole('button', { name: a.manage.share.copy }).click();
    await page.getByText(a.manage.share.copied).waitFor();
    await page.getByRole('heading', { name: a.manage.actions }).scrollIntoViewIfNeeded();
    await screenshot(page, `organizer-activities-04b-manage-actions-${lang}`);

    // In the group's list with its state and counts.
    await page.getByRole('link', { name: a.backToList }).click();
    await waitForTitle(page, a.listTitle);
    const row = page.getByRole('link', { name: new RegExp(literal(title).source) });
    await row.waitFor();
    expect(await row.textContent()).toContain(lang === 'ja' ? '公開' : 'Public');
    expect(await row.textContent()).toContain(fill(a.applied, { count: 0, capacity: 30 }));
    await expectAccessible(page, `activity list (${lang})`);
    await screenshot(page, `organizer-activities-05-list-${lang}`);

    // Two residents apply (the volunteer mini-app's call).
    const resident = await phones.signedIn('resident', lang);
    const newcomer = await phones.signedIn('newcomer', lang);
    await apiOf(resident.page).post(`/api/activities/${activityId}/applications`, {}, 201);
    await apiOf(newcomer.page).post(`/api/activities/${activityId}/applications`, {}, 201);

    // A notice to them, with the contact added (they cannot reply).
    await row.click();
    await waitForTitle(page, title);
    await page
      .getByText(fill(a.applied, { count: 2, capacity: 30 }))
      .first()
      .waitFor();
    await page.getByRole('link', { name: a.manage.openNotices }).click();
    await waitForTitle(page, a.notices.title);
    const notice = '当日は雨天決行です。警報が出た場合は中止し、お知らせでご連絡します。';
    await page.getByLabel(a.notices.body).fill(notice);
    await page.getByRole('button', { name: a.notices.addContact }).click();
    expect(await page.getByLabel(a.notices.body).inputValue()).toContain('白川校区自治協議会 096-123-4567');
    await page.getByRole('button', { name: a.notices.send }).click();
    await page.getByText(fill(a.notices.sent, { count: 2 })).waitFor();
    await page.getByRole('listitem').filter({ hasText: notice }).waitFor();
    await expectAccessible(page, `notices (${lang})`);
    await screenshot(page, `organizer-activities-06-notices-${lang}`);
    await page.getByRole('heading', { name: a.notices.sentList }).scrollIntoViewIfNeeded();
    await screenshot(page, `organizer-activities-06b-notices-sent-${lang}`);

    // The participants: name, age and gender only (R-ID-4), and the CSV.
    await page.getByRole('link', { name: a.backToActivity }).click();
    await waitForTitle(page, title);
    await page.getByRole('link', { name: a.manage.openParticipants }).click();
    await waitForTitle(page, a.participants.title);
    const verified = page.getByRole('listitem').filter({ hasText: residentName });
    await verified.waitFor();
    expect(await verified.textContent()).toContain(genderLabels.female[lang]);
    expect(await verified.textContent()).toMatch(lang === 'ja' ? /\d+歳/ : /\d+ years/);
    await page.getByRole('listitem').filter({ hasText: newcomerName }).waitFor();
    // Never the address (R-ID-4).
    expect(await page.locator('main').textContent()).not.toContain('手取本町');
    await expectAccessible(page, `participants (${lang})`);
    await screenshot(page, `organizer-activities-07-participants-${lang}`);
    await verified.evaluate((element: { scrollIntoView(options: object): void }) =>
      element.scrollIntoView({ block: 'center' }),
    );
    await screenshot(page, `organizer-activities-07b-participants-list-${lang}`);
    const csvLink = page.getByRole('link', { name: a.participants.csv });
    const csv = await page.request.get((await csvLink.getAttribute('href'))!);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(residentName);

    // Editing a published activity: the form without the publishing section.
    await page.getByRole('link', { name: a.backToActivity }).click();
    await page.getByRole('link', { name: a.manage.edit }).click();
    await waitForTitle(page, a.form.editTitle);
    await page.getByText(a.form.publishedNote).waitFor();
    expect(await item(page, lang, 'capacity').inputValue()).toBe('30');
    await screenshot(page, `organizer-activities-08-edit-${lang}`);

    // At 200 % zoom the form still reflows into one readable column.
    await page.setViewportSize({ width: 195, height: 422 });
    await item(page, lang, 'title').scrollIntoViewIfNeeded();
    await screenshot(page, `organizer-activities-09-zoom-${lang}`);
    expect(
      await page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth),
    ).toBeLessThanOrEqual(195);
    await page.setViewportSize({ width: 390, height: 844 });

    // Cancelling (R-ACT-4): a reason is asked, then confirmed; participants are told by itself.
    await page.getByRole('link', { name: a.backToActivity }).click();
    await waitForTitle(page, title);
    await page.getByRole('button', { name: a.manage.cancel }).click();
    await page.getByRole('button', { name: a.manage.cancelConfirm }).click();
    await page.getByText(a.manage.cancelReasonMissing).waitFor();
    const reason = '台風の接近により中止します。';
    await page.getByLabel(a.manage.cancelReason).fill(reason);
    await expectAccessible(page, `cancel confirmation (${lang})`);
    await screenshot(page, `organizer-activities-10-cancel-${lang}`);
    await page.getByRole('button', { name: a.manage.cancelConfirm }).click();
    await page.getByText(a.flash.cancelled).waitFor();
    await page.getByText(fill(a.manage.cancelReasonShown, { reason })).waitFor();
    expect(await page.getByRole('button', { name: a.manage.cancel }).count()).toBe(0);
    await screenshot(page, `organizer-activities-11-cancelled-${lang}`);

    // A draft saved half-filled from the phone, then deleted (only drafts can be, R-ACT-5).
    await page.getByRole('link', { name: a.backToList }).click();
    await page.getByRole('link', { name: a.new }).click();
    await waitForTitle(page, a.form.createTitle);
    const draftTitle = `${title}（下書き）`;
    await item(page, lang, 'title').fill(draftTitle);
    await page.getByRole('button', { name: a.form.saveDraft }).click();
    await waitForTitle(page, draftTitle);
    await page.getByText(a.flash.saved).waitFor();
    await page.getByText(a.manage.draftNote).waitFor();
    await screenshot(page, `organizer-activities-12-draft-${lang}`);
    await page.getByRole('button', { name: a.manage.delete }).click();
    await page.getByRole('button', { name: a.manage.deleteConfirm }).click();
    await waitForTitle(page, a.listTitle);
    await page
      .getByRole('link', { name: new RegExp(literal(title).source) })
      .first()
      .waitFor();
    expect(await page.getByRole('link', { name: new RegExp(literal(draftTitle).source) }).count()).toBe(0);

    admin.errors.assertNone();
    resident.errors.assertNone();
    newcomer.errors.assertNone();
  }

  test('in Japanese on a phone', () => journey('ja'), 150_000);
  test('in English on a phone', () => journey('en'), 150_000);
});
