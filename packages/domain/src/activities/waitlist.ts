import type { ActivityFacts } from './activity.ts';
import { activityState } from './lifecycle.ts';

/** One resident on an activity's waiting list (beyond the guide). */
export interface WaitlistEntry {
  applicationId: string;
  queuedAt: Date;
  /** Arrival order as the database numbered it; breaks ties between equal timestamps. */
  sequence: number;
}

/** First come, first served: by the time of joining, then by arrival number. */
export function compareWaitlistEntries(a: WaitlistEntry, b: WaitlistEntry): number {
  return a.queuedAt.getTime() - b.queuedAt.getTime() || a.sequence - b.sequence;
}

export function waitlistInOrder(entries: readonly WaitlistEntry[]): WaitlistEntry[] {
  return [...entries].sort(compareWaitlistEntries);
}

/** 1 for the next in line; null when the application is not on the list. */
export function waitlistPosition(entries: readonly WaitlistEntry[], applicationId: string): number | null {
  const index = waitlistInOrder(entries).findIndex((entry) => entry.applicationId === applicationId);
  return index === -1 ? null : index + 1;
}

export interface PromotionRequest {
  activity: ActivityFacts;
  now: Date;
  /** Residents holding a place after the change that freed one (read under the activity's lock). */
  applicantCount: number;
  waitlist: readonly WaitlistEntry[];
}

/**
 * Who moves from the waiting list into a place, in order, after a cancellation or a raised
 * capacity; each is notified (beyond the guide). Several at once when the capacity grows;
 * everyone when the capacity is removed. Promotion continues past the application deadline
 * (these people asked in time) but stops at the start: a place that frees on the day helps
 * nobody who is not already on their way. Nothing moves for a cancelled or ended activity.
 */
export function nextToPromote({
  activity,
  now,
  applicantCount,
  waitlist,
}: PromotionRequest): WaitlistEntry[] {
  const state = activityState(activity, now);
  if (state !== 'public' && state !== 'unlisted') return [];
  if (!activity.startsAt || now >= activity.startsAt) return [];
  const free = activity.capacity === null ? waitlist.length : Math.max(0, activity.capacity - applicantCount);
  return waitlistInOrder(waitlist).slice(0, free);
}
