import type { ActivityFacts } from './activity.ts';

/**
 * Inbox notices about activities. A notification stores a kind and parameters, not text
 * (decision 0004), so each reader sees it in their own language; these are the kinds.
 */
export const activityNoticeKinds = [
  /** R-ACT-4, FAQ Q2: sent automatically when a published activity's date or time changes. */
  'activity_date_changed',
  /** R-ACT-4, FAQ Q2: sent automatically when an activity is cancelled. */
  'activity_cancelled',
  /** Beyond the guide: a place freed and the resident moved up from the waiting list. */
  'activity_waitlist_promoted',
  /** R-ACT-4: a message the organizer wrote to the participants (one-way). */
  'activity_organizer_notice',
] as const;
export type ActivityNoticeKind = (typeof activityNoticeKinds)[number];

/** What a change notice needs to know of the activity, before and after the change. */
export type NoticeSubject = Pick<ActivityFacts, 'visibility' | 'cancelledAt' | 'startsAt' | 'endsAt'> & {
  title: string;
  /** Notices cannot be answered, so each carries the organizer's contact (FAQ Q2). */
  contact: string;
};

/** Dates travel as ISO 8601 instants; the reader's app shows them in JST in their language. */
export type ActivityChangeNotice =
  | {
      kind: 'activity_date_changed';
      params: {
        title: string;
        contact: string;
        oldStartsAt: string;
        oldEndsAt: string;
        newStartsAt: string;
        newEndsAt: string;
      };
    }
  | { kind: 'activity_cancelled'; params: { title: string; contact: string; startsAt: string } };

/**
 * Which notice an organizer's change sends by itself to everyone who applied or waits on the
 * list, or null for none. A draft has nobody to tell. Cancelling says all that matters, so a
 * date changed in the same step is not announced separately.
 */
export function changeNotice(before: NoticeSubject, after: NoticeSubject): ActivityChangeNotice | null {
  if (before.visibility === 'draft' || before.cancelledAt) return null;
  const { title, contact } = after;
  if (after.cancelledAt) {
    const startsAt = after.startsAt ?? before.startsAt;
    return startsAt
      ? { kind: 'activity_cancelled', params: { title, contact, startsAt: startsAt.toISOString() } }
      : null;
  }
  const { startsAt: oldStart, endsAt: oldEnd } = before;
  const { startsAt: newStart, endsAt: newEnd } = after;
  if (!oldStart || !oldEnd || !newStart || !newEnd) return null;
  if (oldStart.getTime() === newStart.getTime() && oldEnd.getTime() === newEnd.getTime()) return null;
  return {
    kind: 'activity_date_changed',
    params: {
      title,
      contact,
      oldStartsAt: oldStart.toISOString(),
      oldEndsAt: oldEnd.toISOString(),
      newStartsAt: newStart.toISOString(),
      newEndsAt: newEnd.toISOString(),
    },
  };
}
