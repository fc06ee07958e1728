import { jstDate, startOfJstDay, type IsoDate } from '../jst.ts';
import { addDays } from '../points/calendar.ts';

/**
 * City staff issuing points and a certificate after the day, which the rules allow only when
 * an app fault prevented it on the day (R-PT-2, FAQ Q3). Everyone else is refused by role
 * before this is asked. The grant is dated when it is issued, so its year of validity (R-PT-6)
 * starts then; the certificate still names the activity's date.
 */
export const lateIssueRefusalReasons = [
  /** The reason (which app fault) is required and audited. */
  'reason_required',
  'activity_cancelled',
  /** Nothing to make up for before the activity's day has come. */
  'activity_not_held_yet',
  'already_checked_in',
  /** Not registered with the card by the end of the activity's day gets nothing later (R-PT-3, FAQ Q6). */
  'not_verified_by_activity_day',
  /** The same walk-in rule as on the day (R-PT-4). */
  'not_applied',
] as const;
export type LateIssueRefusalReason = (typeof lateIssueRefusalReasons)[number];

export interface LateIssueFacts {
  activityDate: IsoDate;
  now: Date;
  activityCancelled: boolean;
  /** When the resident first registered with the card; null if never. */
  residentVerifiedAt: Date | null;
  applied: boolean;
  capacityLimited: boolean;
  alreadyCheckedIn: boolean;
  /** What staff wrote as the app fault. */
  reason: string;
}

export type LateIssueDecision = { ok: true; walkIn: boolean } | { ok: false; reason: LateIssueRefusalReason };

export function lateIssueDecision(facts: LateIssueFacts): LateIssueDecision {
  const refusal = firstRefusal(facts);
  return refusal ? { ok: false, reason: refusal } : { ok: true, walkIn: !facts.applied };
}

function firstRefusal(facts: LateIssueFacts): LateIssueRefusalReason | null {
  if (facts.reason.trim().length === 0) return 'reason_required';
  if (facts.activityCancelled) return 'activity_cancelled';
  if (jstDate(facts.now) < facts.activityDate) return 'activity_not_held_yet';
  if (facts.alreadyCheckedIn) return 'already_checked_in';
  const dayEnded = startOfJstDay(addDays(facts.activityDate, 1)).getTime();
  if (!facts.residentVerifiedAt || facts.residentVerifiedAt.getTime() >= dayEnded)
    return 'not_verified_by_activity_day';
  if (!facts.applied && facts.capacityLimited) return 'not_applied';
  return null;
}
