import { eligibilityCriterionIds, jstDate } from '@kumamoto/domain';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { formatTimeRange } from '../apps/web/src/i18n/format-date.ts';
import { apiAs } from './support/api-call.ts';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { fill, literal, text, type Lang } from './support/i18n.ts';
import { waitForLang, waitForTitle } from './support/page.ts';
import { openPhone } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';

const day = 24 * 60 * 60 * 1000;

/** Waits until the results shown are those of the filters in the address bar (not the previous ones). */
async function settled(page: Page): Promise<void> {
  await page.locator('ul[aria-busy="true"]').waitFor({ state: 'detached' });
}

/** Scrolls so the element starts the screen, for a screenshot of what follows it. */
async function atTop(locator: Locator): Promise<void> {
  await locator.evaluate((element: { scrollIntoView(options: object): void }) =>
    element.scrollIntoView({ block: 'start' }),
  );
}

/**
 * Issue 5's resident journey on a phone (parts 2, 3, 6): an organizer's activity exists; a
 * resident finds it by part of a Japanese word (清掃 finds …まち清掃…) and a date, opens it,
 * signs in from the page and comes back to apply; the organizer sends a notice and it arrives
 * in the inbox (R-ACT-4); a full activity offers the waiting list; "my activities" shows both.
 */
describe('volunteer: find by a partial Japanese keyword, apply, receive the notice', () => {
  const app = useAppUnderTest({ env: () => ({ RATE_LIMIT_PER_MINUTE: '5000' }) });

  /** A photo for the thumbnail: a picture drawn in the browser and captured as PNG. */
  async function photo(): Promise<Buffer> {
    const page = await app.browser.newPage({ viewport: { width: 640, height: 360 } });
    await page.setContent(
      '<body style="margin:0;background:linear-gradient(#7cc4f2 0 55%,#3f8f3f 55% 80%,#6fa8dc 80%)">' +
        '<div style="position:absolute;left:70px;top:60px;width:90px;height:90px;border-radius:50%;background:#ffd95a"></div></body>',
    );
    const buffer = await page.screenshot({ type: 'png' });
    await page.close();
    return buffer;
  }

  /** 9:00–11:00 JST on the day `daysAhead` from today (JST). */
  function morningOf(daysAhead: number): { startsAt: string; endsAt: string; date: string } {
    const date = jstDate(new Date(Date.now() + daysAhead * day));
    return {
      date,
      startsAt: new Date(`${date}T09:00:00+09:00`).toISOString(),
      endsAt: new Date(`${date}T11:00:00+09:00`).toISOString(),
    };
  }

  function activityBody(fields: Record<string, unknown>) {
    return {
      message: '【初めての方も大歓迎です!!】\n白川の河川敷を、地域のみんなできれいにしませんか。',
      content: 'ごみ拾いと草取り。\n軍手・ごみ袋は用意します。',
      belongings: '飲み物、タオル',
      clothing: '動きやすい服装、帽子',
      meetingPoint: '8:45に代継橋のたもとに集合',
      parking: '駐車場はありません。公共交通機関をご利用ください。',
      targetParticipants: '・どなたでも\n※小学生以下は保護者同伴',
      contact: '本山校区自治協議会 TEL:096-000-0000',
      placeName: '白川河川敷（代継橋付近）',
      address: '熊本市中央区本山1丁目',
      location: { lat: 32.7968, lng: 130.7053 },
      category: 'environment',
      insurance: 'group_policy',
      visibility: 'public',
      eligibility: [...eligibilityCriterionIds],
      ...fields,
    };
  }

  async function journey(lang: Lang, persona: { name: string; verified: boolean }, daysAhead: number) {
    const t = text[lang];
    const v = t.volunteer;

    // The organizer's side, prepared through the API as the demo group's administrator.
    // Each persona's own API session (cookie jar + CSRF token), for what the journey does not walk through.
    const organizer = await apiAs(app.url, 'organizer-admin');
    const other = await apiAs(app.url, 'city-reviewer');
    const { items: groups } = await organizer.get<{ items: { id: string; role?: string }[] }>(
      '/api/organizer/groups',
    );
    const group = groups.find((candidate) => candidate.role === 'admin') ?? groups[0];
    if (!group) throw new Error('the demo group is missing');
    const image = await organizer.upload<{ id: string }>(
      `/api/organizer/groups/${group.id}/activity-images`,
      {
        name: 'kasenjiki.png',
        mimeType: 'image/png',
        buffer: await photo(),
      },
    );
    const when = morningOf(daysAhead);
    const title = `【本山校区】白川河川敷まち清掃ボランティア（${lang}）`;
    const cleanUp = await organizer.post<{ id: string }>(
      `/api/organizer/groups/${group.id}/activities`,
      activityBody({ title, ...when, capacity: 30, thumbnailImageId: image.id }),
    );
    const fullTitle = `防災倉庫の点検と炊き出し訓練（${lang}）`;
    const full = await organizer.post<{ id: string }>(
      `/api/organizer/groups/${group.id}/activities`,
      activityBody({
        title: fullTitle,
        ...morningOf(daysAhead + 1),
        category: 'disaster_prevention',
        capacity: 1,
        placeName: '熊本市立本山小学校 体育館',
      }),
    );
    // Someone else takes its only place.
    await other.post(`/api/activities/${full.id}/applications`, {});

    const { context, errors, page } = await openPhone(app, lang);
    try {
      // Search by part of a word and the day, signed out (looking needs no account).
      await page.goto('/volunteer');
      await waitForLang(page, lang);
      await waitForTitle(page, v.title);
      const resultsHeading = new RegExp(
        `^${literal(v.search.results).source.replace(literal('{{count}}').source, '\\d+')}$`,
      );
      await page.getByRole('heading', { name: resultsHeading }).waitFor();
      await expectAccessible(page, `volunteer list (${lang})`);
      await screenshot(page, `volunteer-01-list-${lang}`);

      // Nothing found: said so, with a way back to everything.
      const keyword = page.getByRole('searchbox', { name: v.search.keyword });
      await keyword.fill('該当なしの言葉');
      await keyword.press('Enter');
      await page.getByText(v.search.empty).waitFor();
      await screenshot(page, `volunteer-01-empty-${lang}`);

      await keyword.fill('清掃');
      await page.getByRole('button', { name: v.search.submit, exact: true }).click();
      await page.waitForURL(/[?&]q=%E6%B8%85%E6%8E%83/);
      await settled(page);
      await page.getByText(v.search.filters, { exact: true }).click();
      await page.getByLabel(v.search.from, { exact: true }).fill(when.date);
      // An end before the start is pointed out at the field, and nothing is searched.
      await page
        .getByLabel(v.search.to, { exact: true })
        .fill(jstDate(new Date(Date.parse(when.startsAt) - day)));
      await page.getByText(v.search.dateReversed).waitFor();
      expect(await page.getByRole('heading', { name: resultsHeading }).count()).toBe(0);
      await page.getByLabel(v.search.to, { exact: true }).fill(when.date);
      await page.waitForURL(new RegExp(`from=${when.date}&to=${when.date}`));
      await settled(page);
      const card = page.getByRole('link', { name: title, exact: true });
      await card.waitFor();
      await page.getByRole('button', { name: v.search.showResults }).click();
      // The card shows what the guide's listing shows.
      const article = page.getByRole('article').filter({ has: card });
      await article.getByText(formatTimeRange(when.startsAt, when.endsAt, lang)).waitFor();
      await article.getByText(fill(v.card.participants, { count: 0, capacity: 30 })).waitFor();
      await article.getByText('白川河川敷（代継橋付近）').waitFor();
      expect(await page.getByRole('link', { name: fullTitle }).count()).toBe(0);
      await expectAccessible(page, `volunteer search results (${lang})`);
      await atTop(card);
      await screenshot(page, `volunteer-02-search-${lang}`);

      // The detail page, and back to the same search.
      await card.click();
      await waitForTitle(page, title);
      await page.goBack();
      await page.getByRole('link', { name: title, exact: true }).waitFor();
      expect(await page.getByRole('searchbox', { name: v.search.keyword }).inputValue()).toBe('清掃');
      await page.getByRole('link', { name: title, exact: true }).click();
      await waitForTitle(page, title);
      await page.getByText(fill(v.card.participants, { count: 0, capacity: 30 })).waitFor();
      await page.getByText('8:45に代継橋のたもとに集合').waitFor();
      const mapLink = page.getByRole('link', { name: new RegExp(literal(v.detail.mapLink).source) });
      expect(await mapLink.getAttribute('href')).toBe(
        'https://www.openstreetmap.org/?mlat=32.79680&mlon=130.70530#map=17/32.79680/130.70530',
      );
      await expectAccessible(page, `activity page, signed out (${lang})`);
      await screenshot(page, `volunteer-03-detail-${lang}`);

      // The calendar file (RFC 5545) is the server's.
      const ics = await page.request.get(
        (await page.getByRole('link', { name: v.detail.calendar }).getAttribute('href')) ?? '',
      );
      expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
      expect(await ics.text()).toContain('BEGIN:VEVENT');

      // Signing in from the page comes back to it.
      await page.getByRole('link', { name: v.detail.signInButton }).click();
      await waitForTitle(page, t.signIn.title);
      await page.getByRole('button', { name: literal(fill(t.signIn.actAs, { name: persona.name })) }).click();
      await waitForTitle(page, title);

      // R-PT-3: a resident not yet verified is told before applying.
      const verifyNotice = page.getByText(v.detail.verifyTitle);
      if (persona.verified) expect(await verifyNotice.count()).toBe(0);
      else await verifyNotice.waitFor();
      await page.getByRole('button', { name: v.detail.apply, exact: true }).click();
      await page.getByText(v.detail.appliedNow).waitFor();
      await page.getByText(fill(v.card.participants, { count: 1, capacity: 30 })).waitFor();
      await atTop(page.locator('#apply-heading'));
      await expectAccessible(page, `activity page, applied (${lang})`);
      await screenshot(page, `volunteer-04-applied-${lang}`);

      // The organizer sends a notice (R-ACT-4); it arrives in the inbox and opens the page.
      const notice = '集合場所を代継橋のたもとから本山公園に変更します。\n連絡先: 096-000-0000';
      const sent = await organizer.post<{ recipientCount: number }>(
        `/api/organizer/activities/${cleanUp.id}/notices`,
        { body: notice },
      );
      expect(sent.recipientCount).toBe(1);
      // A fresh load: the shell keeps an inbox read in the last 30 s without asking again.
      await page.goto('/notifications');
      await waitForTitle(page, t.notifications.title);
      const item = page.getByRole('button', {
        name: new RegExp(
          literal(fill(t.notifications.kinds.activity_notice, { activityTitle: title })).source,
        ),
      });
      await item.waitFor();
      await expectAccessible(page, `inbox with the notice (${lang})`);
      await screenshot(page, `volunteer-05-inbox-${lang}`);
      await item.click();
      await waitForTitle(page, title);
      await page.getByRole('heading', { name: v.detail.notices }).waitFor();
      await page.getByText('集合場所を代継橋のたもとから本山公園に変更します。', { exact: false }).waitFor();
      await atTop(page.getByRole('heading', { name: v.detail.notices }));
      await screenshot(page, `volunteer-06-notice-on-page-${lang}`);

      // A full activity offers the waiting list, with the place in line.
      await page.goto(`/volunteer/activities/${full.id}`);
      await waitForTitle(page, fullTitle);
      await page.getByText(v.detail.fullTitle).waitFor();
      await atTop(page.locator('#apply-heading'));
      await expectAccessible(page, `full activity (${lang})`);
      await screenshot(page, `volunteer-07-full-${lang}`);
      await page.getByRole('button', { name: v.detail.joinWaitlist, exact: true }).click();
      await page.getByText(fill(v.detail.waitlistedNow, { position: 1 })).waitFor();
      await atTop(page.locator('#apply-heading'));
      await screenshot(page, `volunteer-08-waitlisted-${lang}`);

      // My activities: applied, and waiting #1.
      await page.goto('/volunteer/mine');
      await waitForTitle(page, v.mine.title);
      const upcoming = page.getByRole('region', { name: v.mine.upcoming });
      await upcoming
        .getByRole('article')
        .filter({ has: page.getByRole('link', { name: title, exact: true }) })
        .getByText(v.mine.status.applied, { exact: true })
        .waitFor();
      await upcoming
        .getByRole('article')
        .filter({ has: page.getByRole('link', { name: fullTitle, exact: true }) })
        .getByText(fill(v.mine.status.waitlisted, { position: 1 }), { exact: true })
        .waitFor();
      await expectAccessible(page, `my activities (${lang})`);
      await screenshot(page, `volunteer-09-mine-${lang}`);

      // Cancelling asks first, then frees the place.
      await page.getByRole('link', { name: title, exact: true }).click();
      await waitForTitle(page, title);
      await page.getByRole('button', { name: v.detail.cancel, exact: true }).click();
      await page.getByText(v.detail.confirmCancel).waitFor();
      await atTop(page.locator('#apply-heading'));
      await screenshot(page, `volunteer-10-confirm-cancel-${lang}`);
      await page.getByRole('button', { name: v.detail.confirmYes, exact: true }).click();
      await page.getByText(v.detail.cancelledNow).waitFor();
      await page.getByText(fill(v.card.participants, { count: 0, capacity: 30 })).waitFor();
      await page.getByRole('button', { name: v.detail.apply, exact: true }).waitFor();

      // The organizer cancels the full activity (R-ACT-4): its page says so plainly, and so
      // does "my activities".
      await organizer.post(
        `/api/organizer/activities/${full.id}/cancel`,
        { reason: '雨天のため中止します。' },
        200,
      );
      await page.goto(`/volunteer/activities/${full.id}`);
      await waitForTitle(page, fullTitle);
      await page.getByText(v.detail.cancelledTitle).waitFor();
      expect(await page.getByRole('button', { name: v.detail.joinWaitlist }).count()).toBe(0);
      await expectAccessible(page, `cancelled activity (${lang})`);
      await screenshot(page, `volunteer-11-cancelled-${lang}`);

      // A page that is not there (or not shown to this person) says so.
      await page.goto('/volunteer/activities/00000000-0000-4000-8000-000000000000');
      await waitForTitle(page, v.detail.notFoundTitle);
      await page.getByText(v.detail.notFoundBody).waitFor();
      // The refused request is the only console error (the browser logs every 4xx).
      expect(errors.messages.splice(0)).toEqual([expect.stringMatching(/status of 404/)]);

      errors.assertNone();
    } finally {
      await context.close();
      await organizer.dispose();
      await other.dispose();
    }
  }

  test('in Japanese on a phone, as a resident not yet verified', () =>
    journey('ja', { name: '肥後 太郎', verified: false }, 30));
  test('in English on a phone, as a verified resident', () =>
    journey('en', { name: '熊本 花子', verified: true }, 32));
});
