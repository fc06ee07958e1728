import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, activityImages, activityNotices, attendances } from '../../../db/schema.ts';
import { createActivity, createGroup, type ActivityOverrides } from '../../../test/activity-factories.ts';
import { callerFor, createUser, type Caller } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

/** The activity page (issue 5 part 2): who may see it, what it says, the calendar file, link previews. */
let test: TestApp;
let groupId: string;
let groupName: string;
let organizer: Caller;
let distDir: string;
const hour = 3600_000;
const day = 24 * hour;
const indexHtml = `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="熊本市の住民向けアプリ" />
    <title>くまもとアプリ</title>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
  </head>
  <body><div id="root"></div></body>
</html>
`;

beforeAll(async () => {
  distDir = mkdtempSync(join(tmpdir(), 'activity-og-'));
  writeFileSync(join(distDir, 'index.html'), indexHtml);
  test = await createTestApp({ env: { WEB_DIST_DIR: distDir, PUBLIC_URL: 'http://app.example.jp' } });
  const admin = await createUser(test.database.db, { identity: 'verified' });
  ({ groupId, name: groupName } = await createGroup(test.database.db, { adminUserId: admin.id }));
  organizer = await callerFor(test, admin.id);
});
afterAll(async () => {
  await test?.close();
  rmSync(distDir, { recursive: true, force: true });
});

const later = (ms: number) => new Date(test.clock.now().getTime() + ms);
const activity = (overrides: ActivityOverrides = {}) =>
  createActivity(test.database.db, groupId, { startsAt: later(7 * day), ...overrides });

async function get(url: string, caller?: Caller) {
  const response = await test.app.inject({ method: 'GET', url, headers: caller?.headers ?? {} });
  return response;
}

describe('GET /api/activities/:id', () => {
  it('shows a public activity to anyone, shaped like the contract, without organizer-only parts', async () => {
    const { activityId } = await activity({ title: '白川河川敷クリーン作戦', capacity: 30 });
    const response = await get(`/api/activities/${activityId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      id: activityId,
      title: '白川河川敷クリーン作戦',
      category: 'environment',
      groupName,
      state: 'public',
      availability: 'open',
      capacity: 30,
      applicantCount: 0,
      placesLeft: 30,
      waitlistCount: 0,
      myApplication: null,
      checkedIn: false,
      shareUrl: null,
      thumbnailUrl: null,
      location: { lat: 32.8, lng: 130.71 },
      restrictToDistrict: false,
      applicationsCloseAt: later(7 * day).toISOString(),
    });
    expect(response.json()).not.toHaveProperty('notices');
  });

  it('gives the group’s organizers the share link', async () => {
    const { activityId, shareToken } = await activity({ visibility: 'unlisted' });
    const response = await get(`/api/activities/${activityId}`, organizer);
    expect(response.json()).toMatchObject({
      state: 'unlisted',
      shareUrl: `http://app.example.jp/volunteer/activities/${activityId}?share=${shareToken}`,
    });
  });

  it('answers 404, as for an unknown id, for a draft and for an unlisted activity without its link', async () => {
    const draft = await activity({ visibility: 'draft' });
    const unlisted = await activity({ visibility: 'unlisted' });
    const resident = await callerFor(test, (await createUser(test.database.db)).id);
    const unknown = await get('/api/activities/3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20', resident);
    for (const url of [
      `/api/activities/${draft.activityId}`,
      `/api/activities/${unlisted.activityId}`,
      `/api/activities/${unlisted.activityId}?share=${'A'.repeat(22)}`,
      `/api/activities/${unlisted.activityId}?share=${draft.shareToken}`,
      `/api/activities/${draft.activityId}?share=${draft.shareToken}`,
    ]) {
      const response = await get(url, resident);
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ code: string }>().code).toBe(unknown.json<{ code: string }>().code);
    }
    expect(
      (await get(`/api/activities/${unlisted.activityId}?share=${unlisted.shareToken}`)).statusCode,
    ).toBe(200);
  });

  it('shows a cancelled activity as cancelled (people who had the page learn of it)', async () => {
    const { activityId } = await activity({ cancelledAt: later(-hour) });
    expect((await get(`/api/activities/${activityId}`)).json()).toMatchObject({
      state: 'cancelled',
      availability: 'closed',
    });
  });

  it('shows a participant their check-in, the notices, and the thumbnail', async () => {
    const db = test.database.db;
    const { activityId, shareToken } = await activity({ visibility: 'unlisted' });
    const [image] = await db
      .insert(activityImages)
      .values({
        groupId,
        bytes: new Uint8Array([1, 2, 3]),
        contentType: 'image/webp',
        width: 1,
        height: 1,
        sha256: 'x',
        createdAt: later(0),
      })
      .returning({ id: activityImages.id });
    await db.update(activities).set({ thumbnailImageId: image!.id }).where(eq(activities.id, activityId));
    const user = await createUser(db, { identity: 'verified' });
    const participant = await callerFor(test, user.id);
    const applied = await test.app.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/applications`,
      headers: participant.headers,
      payload: { share: shareToken },
    });
    expect(applied.statusCode).toBe(201);
    await db.insert(activityNotices).values({
      activityId,
      kind: 'message',
      body: '雨天の場合は中止します。',
      recipientCount: 1,
      sentAt: later(hour),
    });
    await db
      .insert(attendances)
      .values({ activityId, userId: user.id, walkIn: false, method: 'qr', checkedInAt: later(2 * hour) });
    // No share link needed any more: a participant keeps seeing their activity.
    const detail = (await get(`/api/activities/${activityId}`, participant)).json<Record<string, unknown>>();
    expect(detail).toMatchObject({
      thumbnailUrl: `/api/activity-images/${image!.id}`,
      checkedIn: true,
      myApplication: { status: 'applied', waitlistPosition: null },
      notices: [{ kind: 'message', body: '雨天の場合は中止します。', params: {} }],
    });
  });
});

describe('GET /api/activities/:id/calendar.ics', () => {
  it('is an RFC 5545 file for the activity, with a download name', async () => {
    const { activityId } = await activity({ title: '防災訓練のお手伝い', placeName: '白川公園' });
    const response = await get(`/api/activities/${activityId}/calendar.ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="activity\.ics"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(String(response.headers['content-disposition']).split("''")[1] ?? '')).toBe(
      '防災訓練のお手伝い.ics',
    );
    const body = response.body;
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toContain(`UID:activity-${activityId}@app.example.jp`);
    expect(body).toContain('SUMMARY:防災訓練のお手伝い');
    expect(body).toContain('STATUS:CONFIRMED');
    expect(body.replaceAll('\r\n ', '')).toContain(
      `URL:http://app.example.jp/volunteer/activities/${activityId}`,
    );
  });

  it('is hidden like the page: 404 for an unlisted activity without its link; with it, the link is in the event', async () => {
    const { activityId, shareToken } = await activity({ visibility: 'unlisted' });
    expect((await get(`/api/activities/${activityId}/calendar.ics`)).statusCode).toBe(404);
    const response = await get(`/api/activities/${activityId}/calendar.ics?share=${shareToken}`);
    expect(response.statusCode).toBe(200);
    expect(response.body.replaceAll('\r\n ', '')).toContain(`?share=${shareToken}`);
  });
});

describe('GET /volunteer/activities/:id (link previews, Open Graph)', () => {
  const metaContent = (html: string, property: string) =>
    new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)" />`).exec(html)?.[1];

  it('puts the title, the date and place, the image and the URL into the SPA page, escaped', async () => {
    const { activityId } = await activity({
      title: '子ども食堂のお手伝い <script>alert("x")</script> & "more"',
      placeName: '花畑広場',
      startsAt: new Date('2026-06-07T09:00:00+09:00'),
      endsAt: new Date('2026-06-07T11:30:00+09:00'),
      category: 'children',
    });
    const response = await get(`/volunteer/activities/${activityId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    expect(html).not.toContain('<script>alert');
    expect(metaContent(html, 'og:title')).toBe(
      '子ども食堂のお手伝い &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;more&quot;',
    );
    expect(metaContent(html, 'og:description')).toContain('2026年6月7日(日) 9:00〜11:30 ・ 花畑広場');
    expect(metaContent(html, 'og:image')).toBe('http://app.example.jp/icons/icon-512.png');
    expect(metaContent(html, 'og:url')).toBe(`http://app.example.jp/volunteer/activities/${activityId}`);
    expect(html).toContain('<title>子ども食堂のお手伝い &lt;script&gt;');
    // The rest of the page is the SPA's own.
    expect(html).toContain('<script type="module" crossorigin src="/assets/index-abc.js"></script>');
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
  });

  it('shows an unlisted activity only with its link; a draft or unknown id gets the plain page', async () => {
    const unlisted = await activity({ visibility: 'unlisted', title: '秘密の下見' });
    const draft = await activity({ visibility: 'draft', title: '下書きの活動' });
    for (const url of [
      `/volunteer/activities/${unlisted.activityId}`,
      `/volunteer/activities/${draft.activityId}?share=${draft.shareToken}`,
      '/volunteer/activities/3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20',
      '/volunteer/activities/not-an-id',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(indexHtml);
    }
    const shared = await get(`/volunteer/activities/${unlisted.activityId}?share=${unlisted.shareToken}`);
    expect(metaContent(shared.body, 'og:title')).toBe('秘密の下見');
    expect(metaContent(shared.body, 'og:url')).toBe(
      `http://app.example.jp/volunteer/activities/${unlisted.activityId}?share=${unlisted.shareToken}`,
    );
  });
});
