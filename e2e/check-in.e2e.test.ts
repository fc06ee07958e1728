import { eligibilityCriterionIds, errorMessages, jstDate } from '@kumamoto/domain';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiOf } from './support/api-call.ts';
import { useAppUnderTest } from './support/app-under-test.ts';
import { expectAccessible } from './support/axe.ts';
import { fill, text, type Lang } from './support/i18n.ts';
import { waitForTitle } from './support/page.ts';
import { decodeQr } from './support/qr-decode.ts';
import { personaName } from './support/personas.ts';
import { usePhones } from './support/phones.ts';
import { screenshot } from './support/screenshot.ts';

const minute = 60_000;

/**
 * Issue 6's journey on phones (R-PT-1 … R-PT-6): the organizer opens the QR screen on the
 * activity's day, a verified resident who applied scans it with the phone's camera (the QR
 * read from the screenshot by zbarimg) and gets +100 points and a certificate, the organizer's
 * count goes up, a second scan (the typed fallback code) says "already received", the points
 * page shows the 100 points; an unverified resident is told to verify; the city's late issue
 * finds the activity by words of its title and the resident who applied but never scanned,
 * shows the one who scanned as "already received", and issues with the reason.
 */
describe('check-in: QR screen → scan → +100 points and certificate', () => {
  // Two journeys with several phones each, from one address.
  const app = useAppUnderTest({ env: () => ({ RATE_LIMIT_PER_MINUTE: '5000' }) });
  const phones = usePhones(app);
  const signedIn = (key: string, lang: Lang) => phones.signedIn(key, lang);
  /** Demo persona names, read before the journeys (the screens are matched by them). */
  const names: Record<string, string> = {};
  beforeAll(async () => {
    for (const key of [
      'resident',
      'newcomer',
      'organizer-admin',
      'organizer-member',
      'city-reviewer',
      'city-admin',
    ])
      names[key] = await personaName(app.url, key);
  });
  const nameOf = (key: string): string => {
    const name = names[key];
    if (!name) throw new Error(`demo persona "${key}" missing`);
    return name;
  };

  /** A published activity of the demo group starting at `startsAt` (the organizer API). */
  async function createActivity(organizer: Page, title: string, startsAt: Date): Promise<string> {
    const api = apiOf(organizer);
    const { items } = await api.get<{ items: { id: string }[] }>('/api/organizer/groups');
    const groupId = items[0]?.id;
    if (!groupId) throw new Error('the demo group is missing');
    const { id } = await api.post<{ id: string }>(`/api/organizer/groups/${groupId}/activities`, {
      title,
      message: '地域をきれいにしましょう。',
      content: '河川敷のごみ拾いをします。',
      belongings: '軍手',
      clothing: '動きやすい服装',
      meetingPoint: '白川公園入口',
      parking: 'ありません',
      targetParticipants: 'どなたでも',
      contact: '水前寺校区まちづくり委員会 096-000-0000',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 60 * minute).toISOString(),
      placeName: '白川公園',
      address: '熊本市中央区草葉町',
      location: { lat: 32.8, lng: 130.71 },
      category: 'environment',
      capacity: 30,
      insurance: 'group_policy',
      visibility: 'public',
      eligibility: [...eligibilityCriterionIds],
    });
    return id;
  }

  /**
   * A start later today in Japan, far enough ahead to apply first (applications close at the
   * start). In the last minutes of a JST day, waits for the next day.
   */
  async function startLaterToday(): Promise<Date> {
    const now = new Date();
    const start = new Date(now.getTime() + 5 * minute);
    if (jstDate(start) === jstDate(now)) return start;
    await new Promise((resolve) => setTimeout(resolve, start.getTime() - now.getTime()));
    return startLaterToday();
  }

  /** The QR code on the organizer's screen, read by an independent decoder from a screenshot. */
  async function readQr(organizer: Page, lang: Lang): Promise<string> {
    const qr = organizer.getByRole('img', { name: text[lang].checkIn.organizer.qrLabel });
    await qr.evaluate(async (image: { decode(): Promise<void> }) => image.decode());
    return decodeQr(await qr.screenshot());
  }

  /** The residents who check in: a different verified person per language, each starting at 0 points. */
  const residentKey: Record<Lang, string> = { ja: 'resident', en: 'city-reviewer' };
  /** Their dates of birth as on the demo cards (server: features/demo/personas.ts). */
  const birthDate: Record<Lang, [string, string, string]> = {
    ja: ['1992', '6', '14'],
    en: ['1979', '2', '20'],
  };
  /** Applied too, but an app fault kept them from scanning: the city issues for them afterwards. */
  const absentKey = 'organizer-member';

  async function journey(lang: Lang) {
    const t = text[lang];
    const c = t.checkIn;
    const organizer = await signedIn('organizer-admin', lang);
    const resident = await signedIn(residentKey[lang], lang);
    const activityTitle = `白川河川敷のまち清掃（${lang}）`;
    const activityId = await createActivity(organizer.page, activityTitle, await startLaterToday());
    await apiOf(resident.page).post(`/api/activities/${activityId}/applications`, {});
    const absent = await signedIn(absentKey, lang);
    await apiOf(absent.page).post(`/api/activities/${activityId}/applications`, {});

    // Another day: the screen is closed and says why (R-PT-2).
    const tomorrow = await createActivity(
      organizer.page,
      `翌日の清掃（${lang}）`,
      new Date(Date.now() + 26 * 60 * minute),
    );
    await organizer.page.goto(`/organizer/activities/${tomorrow}/check-in`);
    await waitForTitle(organizer.page, c.organizer.title);
    await organizer.page.getByText(c.organizer.closed.wrong_day).waitFor();
    expect(await organizer.page.getByRole('img', { name: c.organizer.qrLabel }).count()).toBe(0);
    await expectAccessible(organizer.page, `check-in screen, another day (${lang})`);
    await screenshot(organizer.page, `check-in-00-closed-${lang}`);

    // On the day: the QR code, the typed code and the count.
    const screen = organizer.page;
    await screen.goto(`/organizer/activities/${activityId}/check-in`);
    await waitForTitle(screen, c.organizer.title);
    await screen.getByText(activityTitle).waitFor();
    await screen.getByText(fill(c.organizer.countOf, { checkedIn: 0, applied: 2 })).waitFor();
    const url = await readQr(screen, lang);
    expect(url).toMatch(new RegExp(`^${app.url}/scan/checkin/[\\w-]{114}$`));
    const code = (await screen.getByText(/^[0-9A-Z]{3}-[0-9A-Z]{3}$/).textContent()) ?? '';
    await expectAccessible(screen, `check-in QR screen (${lang})`);
    await screenshot(screen, `check-in-01-qr-${lang}`);

    // The resident's phone camera opens the code's URL: +100 points and the certificate.
    await resident.page.goto(url);
    await waitForTitle(resident.page, c.resident.doneTitle);
    await resident.page.getByText(fill(c.resident.plusPoints, { points: 100 })).waitFor();
    await resident.page
      .getByText(fill(c.resident.activity, { title: activityTitle, group: '水前寺校区まちづくり委員会' }))
      .waitFor();
    expect(
      await resident.page.getByRole('link', { name: c.resident.certificateLink }).getAttribute('href'),
    ).toBe('/points/certificates');
    // The first check-in reaches the first rank (R-PT-9).
    await resident.page.getByText(c.resident.rankUpTitle).waitFor();
    await expectAccessible(resident.page, `check-in received (${lang})`);
    await screenshot(resident.page, `check-in-02-received-${lang}`);
    // Reloading the result shows it again rather than sending the (soon stale) code once more.
    await resident.page.reload();
    await resident.page.getByText(fill(c.resident.plusPoints, { points: 100 })).waitFor();

    // The organizer's count follows within a poll.
    await screen
      .getByText(fill(c.organizer.countOf, { checkedIn: 1, applied: 2 }))
      .waitFor({ timeout: 15_000 });

    // A second scan, with the typed code on the Scan screen: "already received", not an error.
    // On a weak connection: the first answer is lost on the way back; the app sends again by
    // itself, and the server, which grants once ever, answers the same check-in.
    let lost = 0;
    await resident.page.route('**/api/check-in', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('failed');
    });
    await resident.page.goto('/scan');
    await waitForTitle(resident.page, t.scan.title);
    await resident.page.getByLabel(t.scan.codeLabel).fill(code.toLowerCase());
    await resident.page.getByLabel(t.scan.codeLabel).scrollIntoViewIfNeeded();
    await screenshot(resident.page, `check-in-03-scan-code-${lang}`);
    await resident.page.getByRole('button', { name: t.scan.submit, exact: true }).click();
    await resident.page.getByText(fill(c.resident.retrying, { count: 1 })).waitFor();
    await screenshot(resident.page, `check-in-04-retrying-${lang}`);
    await waitForTitle(resident.page, c.resident.alreadyTitle);
    expect(lost).toBe(2);
    expect(resident.errors.messages.splice(0)).toEqual([expect.stringMatching(/ERR_FAILED/)]);
    await resident.page.unroute('**/api/check-in');
    await resident.page.getByText(c.resident.already).waitFor();
    await expectAccessible(resident.page, `check-in already received (${lang})`);
    await screenshot(resident.page, `check-in-05-already-${lang}`);
    // Both tries of that repeated scan reached the server, and both are counted.
    await screen
      .getByText(fill(c.organizer.refusal.already_checked_in, { count: 2 }))
      .waitFor({ timeout: 15_000 });

    // The points mini-app: 100 points, usable for a year, the grant in the history.
    await resident.page.goto('/points');
    await waitForTitle(resident.page, t.points.title);
    const balance = resident.page.getByRole('region', { name: t.points.balance });
    expect((await balance.textContent())?.replace(/\s/g, '')).toContain(
      `100${t.points.unit.replace(/\s/g, '')}`,
    );
    await resident.page.getByText(fill(t.points.kind.grantFor, { title: activityTitle })).waitFor();
    await expectAccessible(resident.page, `points (${lang})`);
    await screenshot(resident.page, `check-in-06-points-${lang}`);
    // Clear of the bottom navigation that covers the foot of the screen.
    await resident.page
      .getByRole('heading', { name: t.points.historyHeading })
      .evaluate((heading: { scrollIntoView(o: object): void }) => heading.scrollIntoView({ block: 'start' }));
    await screenshot(resident.page, `check-in-07-points-history-${lang}`);

    // An unverified resident is told why and where to verify (R-PT-3); counted for the organizer.
    const newcomer = await signedIn('newcomer', lang);
    await newcomer.page.goto(await readQr(screen, lang));
    await waitForTitle(newcomer.page, c.resident.refusedTitle);
    await newcomer.page.getByText(errorMessages[lang].verification_required).waitFor();
    await newcomer.page.getByRole('link', { name: c.resident.verify }).waitFor();
    await expectAccessible(newcomer.page, `check-in refused, unverified (${lang})`);
    await screenshot(newcomer.page, `check-in-08-unverified-${lang}`);
    expect(newcomer.errors.messages.splice(0)).toEqual([expect.stringMatching(/status of 403/)]);
    // Their points page says the same, without asking the server.
    await newcomer.page.goto('/points');
    await newcomer.page.getByText(t.points.verify).waitFor();
    await expectAccessible(newcomer.page, `points, unverified (${lang})`);
    await screenshot(newcomer.page, `check-in-09-points-unverified-${lang}`);
    await screen.getByText(fill(c.organizer.refusal.not_verified, { count: 1 })).waitFor({ timeout: 15_000 });

    // Who checked in: name, age, gender, time (audited on the server).
    await screen.getByRole('button', { name: c.organizer.showAttendance }).click();
    await screen.getByText(nameOf(residentKey[lang])).waitFor();
    await screen.getByRole('heading', { name: c.organizer.attendanceHeading }).scrollIntoViewIfNeeded();
    await expectAccessible(screen, `check-in attendance (${lang})`);
    await screenshot(screen, `check-in-10-attendance-${lang}`);

    // The city's late issue (FAQ Q3), without ids. Step 1: the activity by words of its title,
    // typed in katakana where the title has hiragana (folded alike); newest first.
    const late = c.late;
    const city = await signedIn('city-admin', lang);
    const desk = city.page;
    await desk.goto('/city');
    await desk.getByRole('link', { name: late.title }).click();
    await waitForTitle(desk, late.title);
    const stepHeading = (step: 1 | 2 | 3, name: string) =>
      desk.getByRole('heading', { level: 2, name: fill(late.steps.heading, { step, name }) });
    await stepHeading(1, late.steps.activity).waitFor();
    await desk.getByLabel(late.search.keyword).fill('マチ清掃');
    await desk.getByRole('button', { name: late.search.submit, exact: true }).click();
    const found = desk
      .getByRole('listitem')
      .filter({ has: desk.getByRole('heading', { name: activityTitle, exact: true }) });
    await found.waitFor();
    // Tomorrow's activity has not taken place: it cannot be found.
    expect(await desk.getByRole('heading', { name: `翌日の清掃（${lang}）` }).count()).toBe(0);
    await expectAccessible(desk, `late issue: find the activity (${lang})`);
    await found.scrollIntoViewIfNeeded();
    await screenshot(desk, `check-in-11-late-activity-${lang}`);
    await found.getByRole('button', { name: late.search.choose }).click();

    // Step 2: who applied and did not check in; the resident who scanned is not among them.
    await stepHeading(2, late.steps.resident).waitFor();
    const candidates = desk.getByRole('region', { name: late.resident.listHeading }).getByRole('listitem');
    await candidates.filter({ hasText: nameOf(absentKey) }).waitFor();
    expect(await candidates.filter({ hasText: nameOf(residentKey[lang]) }).count()).toBe(0);
    await expectAccessible(desk, `late issue: candidates (${lang})`);
    await candidates.first().scrollIntoViewIfNeeded();
    await screenshot(desk, `check-in-12-late-candidates-${lang}`);

    // The one who scanned, found as a desk asks on the phone: name and date of birth on the card.
    await desk.getByLabel(late.resident.name).fill(nameOf(residentKey[lang]));
    const lookUp = desk.getByRole('button', { name: late.resident.lookupSubmit, exact: true });
    await lookUp.click();
    await desk.getByText(late.resident.birthDateInvalid).waitFor();
    const [year, month, day] = birthDate[lang];
    await desk.getByLabel(late.resident.year, { exact: true }).fill(year);
    await desk.getByLabel(late.resident.month, { exact: true }).fill(month);
    await desk.getByLabel(late.resident.day, { exact: true }).fill(day);
    await lookUp.click();
    const received = desk.getByText(late.resident.alreadyReceived);
    await received.waitFor();
    await expectAccessible(desk, `late issue: already received (${lang})`);
    await received.scrollIntoViewIfNeeded();
    await screenshot(desk, `check-in-13-late-already-${lang}`);
    // At 200 % zoom (half the width in CSS pixels) it still reads, without sideways scrolling.
    const phone = desk.viewportSize();
    await desk.setViewportSize({ width: 195, height: 422 });
    await received.scrollIntoViewIfNeeded();
    expect(
      await desk.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth),
    ).toBeLessThanOrEqual(195);
    await screenshot(desk, `check-in-13-late-already-zoom-${lang}`);
    if (phone) await desk.setViewportSize(phone);

    // Step 3: the one who never scanned; the reason is required.
    await candidates
      .filter({ hasText: nameOf(absentKey) })
      .getByRole('button', { name: late.resident.choose })
      .click();
    await stepHeading(3, late.steps.confirm).waitFor();
    await desk.getByText(nameOf(absentKey)).waitFor();
    // Back and forward between the steps keep what was typed and picked.
    await desk.goBack();
    await stepHeading(2, late.steps.resident).waitFor();
    expect(await desk.getByLabel(late.resident.name).inputValue()).toBe(nameOf(residentKey[lang]));
    await desk.goForward();
    await stepHeading(3, late.steps.confirm).waitFor();
    await desk.getByRole('button', { name: late.submit }).click();
    await desk.getByText(late.reasonRequired).waitFor();
    await screenshot(desk, `check-in-14-late-reason-${lang}`);
    await desk.getByLabel(late.reason).fill('当日、アプリの障害で読み取りができなかったため');
    await desk.getByRole('button', { name: late.submit }).click();
    const issued = desk.getByRole('status').filter({ hasText: late.checked_in });
    await issued.waitFor();
    expect(await issued.textContent()).toContain(activityTitle);
    await expectAccessible(desk, `late issue: issued (${lang})`);
    await issued.scrollIntoViewIfNeeded();
    await screenshot(desk, `check-in-15-late-issued-${lang}`);

    organizer.errors.assertNone();
    resident.errors.assertNone();
    newcomer.errors.assertNone();
    absent.errors.assertNone();
    city.errors.assertNone();
  }

  test('in Japanese on phones', () => journey('ja'), 240_000);
  test('in English on phones', () => journey('en'), 240_000);
});
