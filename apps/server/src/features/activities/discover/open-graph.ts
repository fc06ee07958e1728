import { activityState, findActivityCategory, isActivityCategoryId, timeZone } from '@kumamoto/domain';
import type { Database } from '../../../db/client.ts';
import { AppError } from '../../../platform/errors.ts';
import { viewableActivity } from './activity-detail.ts';
import { activityPageUrl } from './present.ts';

/** Text inside an attribute or element: nothing an organizer typed can become markup. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/gu,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char,
  );
}

const dayFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
});
const timeFormat = new Intl.DateTimeFormat('ja-JP', { timeZone, hour: 'numeric', minute: '2-digit' });

/** 「2026年6月7日(日) 9:00〜11:00」, or with both days when it spans several (JST). */
export function japaneseDateRange(startsAt: Date, endsAt: Date): string {
  const startDay = dayFormat.format(startsAt);
  const endDay = dayFormat.format(endsAt);
  const start = `${startDay} ${timeFormat.format(startsAt)}`;
  return startDay === endDay
    ? `${start}〜${timeFormat.format(endsAt)}`
    : `${start}〜${endDay} ${timeFormat.format(endsAt)}`;
}

function excerpt(text: string, length: number): string {
  const chars = Array.from(text.replace(/\s+/gu, ' ').trim());
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : chars.join('');
}

export interface OpenGraph {
  title: string;
  description: string;
  image: string;
  url: string;
  largeImage: boolean;
}

/**
 * What a link preview shows for an activity page (issue 5 part 2): title, date and place,
 * and the thumbnail (or the app's icon). Only for what a signed-out visitor may see: a public
 * activity, or an unlisted one opened with its share link; otherwise null (the plain page).
 * Japanese, the app's default language and the language of the activity's own texts.
 */
export async function activityOpenGraph(
  db: Database,
  input: { activityId: string; share: string | undefined; now: Date; publicUrl: string },
): Promise<OpenGraph | null> {
  let access;
  try {
    access = await viewableActivity(db, { ...input, userId: null });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
  const { activity, viaShareLink } = access;
  if (!activity.startsAt || !activity.endsAt) return null;
  const cancelled = activityState(activity, input.now) === 'cancelled';
  const category = isActivityCategoryId(activity.category)
    ? findActivityCategory(activity.category).label.ja
    : null;
  const facts = [japaneseDateRange(activity.startsAt, activity.endsAt), activity.placeName, category]
    .filter((part): part is string => Boolean(part && part.trim()))
    .join(' ・ ');
  const about = excerpt(activity.content || activity.message, 80);
  return {
    title: `${cancelled ? '【中止】' : ''}${activity.title}`,
    description: [facts, activity.groupName, about].filter((part) => part.trim() !== '').join(' — '),
    image: activity.thumbnailImageId
      ? `${input.publicUrl}/api/activity-images/${activity.thumbnailImageId}`
      : `${input.publicUrl}/icons/icon-512.png`,
    url: activityPageUrl(
      input.publicUrl,
      activity.id,
      activity.visibility === 'unlisted' && viaShareLink ? activity.shareToken : null,
    ),
    largeImage: activity.thumbnailImageId !== null,
  };
}

/** The SPA's index.html with the preview's tags: the title, the description and og:/twitter: meta. */
export function withOpenGraph(indexHtml: string, og: OpenGraph): string {
  const meta = (attribute: 'property' | 'name', key: string, value: string) =>
    `<meta ${attribute}="${key}" content="${escapeHtml(value)}" />`;
  const tags = [
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', 'くまもとアプリ'),
    meta('property', 'og:locale', 'ja_JP'),
    meta('property', 'og:title', og.title),
    meta('property', 'og:description', og.description),
    meta('property', 'og:image', og.image),
    meta('property', 'og:image:alt', og.title),
    meta('property', 'og:url', og.url),
    meta('name', 'twitter:card', og.largeImage ? 'summary_large_image' : 'summary'),
    meta('name', 'twitter:title', og.title),
    meta('name', 'twitter:description', og.description),
    meta('name', 'twitter:image', og.image),
  ].join('\n    ');
  return indexHtml
    .replace(/<title>[^<]*<\/title>/u, () => `<title>${escapeHtml(og.title)} | くまもとアプリ</title>`)
    .replace(/<meta name="description"[^>]*>/u, () => meta('name', 'description', og.description))
    .replace(/<\/head>/u, () => `  ${tags}\n  </head>`);
}
