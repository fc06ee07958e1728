import { activityCalendarEvent, icsCalendar, type Locale } from '@kumamoto/domain';
import type { Database } from '../../../db/client.ts';
import { viewableActivity } from './activity-detail.ts';
import { activityPageUrl, locationOf } from './present.ts';

/** SEQUENCE counts seconds of revisions from here, so it grows with each change and fits 32 bits. */
const sequenceEpoch = Date.UTC(2024, 0, 1);

/**
 * "Add to calendar" (issue 5 part 3): the activity as an RFC 5545 file, for whoever may see
 * the activity page. An unlisted activity's event links back through its share link.
 */
export async function activityCalendarFile(
  db: Database,
  input: {
    activityId: string;
    userId: string | null;
    share: string | undefined;
    now: Date;
    locale: Locale;
    publicUrl: string;
  },
): Promise<{ body: string; fileName: string }> {
  const { activity, isOrganizer, viaShareLink } = await viewableActivity(db, input);
  const { startsAt, endsAt } = activity;
  // viewableActivity answers not_found for an activity without dates; this narrows the types.
  if (!startsAt || !endsAt) throw new Error('a viewable activity has dates');
  const withToken = activity.visibility === 'unlisted' && (viaShareLink || isOrganizer);
  const event = activityCalendarEvent(
    { ...activity, startsAt, endsAt, location: locationOf(activity) },
    {
      appOrigin: input.publicUrl,
      pageUrl: activityPageUrl(input.publicUrl, activity.id, withToken ? activity.shareToken : null),
      now: input.now,
      locale: input.locale,
      sequence: Math.max(0, Math.floor((activity.updatedAt.getTime() - sequenceEpoch) / 1000)),
    },
  );
  return { body: icsCalendar(event), fileName: activity.title };
}

/** RFC 6266 / 8187: an ASCII fallback name and the UTF-8 title for browsers that read it. */
export function calendarContentDisposition(title: string): string {
  const safe = Array.from(title.replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ').trim())
    .slice(0, 60)
    .join('');
  const encoded = encodeURIComponent(`${safe || 'activity'}.ics`).replace(
    /['()*!]/gu,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="activity.ics"; filename*=UTF-8''${encoded}`;
}
