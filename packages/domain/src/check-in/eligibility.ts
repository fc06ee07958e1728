import { jstDate, type IsoDate } from '../jst.ts';

/**
 * Who may check in to an activity, and why not (R-PT-2, R-PT-3, R-PT-4, R-ORG-10; guide
 * section 11, operating rule 7(4), FAQ Q6 and Q8). Refusals are data, not errors: the
 * resident's screen explains each, and the organizer's screen counts them ("2 not applied").
 */
export const checkInRefusalReasons = [
  /** The group is suspended or its rights lapsed: it cannot issue points (R-ORG-10). */
  'group_inactive',
  /** The activity was cancelled (R-ACT-4): nothing to attend. */
  'activity_cancelled',
  /** Points and certificates are issued only on the activity's day in Japan (R-PT-2). */
  'wrong_day',
  /** Already checked in: one grant per person per activity, ever (issue 6). */
  'already_checked_in',
  /** Not registered with the My Number Card (R-PT-3, R-ID-2, FAQ Q6). */
  'not_verified',
  /** Did not apply, and the activity has a capacity, so walk-ins get nothing (R-PT-4, FAQ Q8). */
  'not_applied',
] as const;
export type CheckInRefusalReason = (typeof checkInRefusalReasons)[number];

export interface CheckInFacts {
  /** The activity's date in Japan (its start; an activity that runs past midnight belongs to the day it began). */
  activityDate: IsoDate;
  now: Date;
  activityCancelled: boolean;
  /** The group is active: not suspended, rights not lapsed (R-ORG-6, R-ORG-10). */
  groupCanIssuePoints: boolean;
  residentVerified: boolean;
  /** The resident applied in advance (and did not withdraw). */
  applied: boolean;
  /** The activity has a capacity set. */
  capacityLimited: boolean;
  alreadyCheckedIn: boolean;
}

export type CheckInDecision =
  | { ok: true; /** Came without applying; allowed because there is no capacity (R-PT-4). */ walkIn: boolean }
  | { ok: false; reason: CheckInRefusalReason };

/**
 * Whether a resident who scanned a valid code gets points and a certificate now. The first
 * failing reason in `checkInRefusalReasons` order wins: problems of the activity before those
 * of the person, and "already checked in" before the rest, so a repeated scan says so plainly.
 */
export function checkInDecision(facts: CheckInFacts): CheckInDecision {
  const refusal = firstRefusal(facts);
  if (refusal) return { ok: false, reason: refusal };
  return { ok: true, walkIn: !facts.applied };
}

function firstRefusal(facts: CheckInFacts): CheckInRefusalReason | null {
  const closed = checkInQrAvailability(facts);
  if (!closed.open) return closed.reason;
  if (facts.alreadyCheckedIn) return 'already_checked_in';
  if (!facts.residentVerified) return 'not_verified';
  if (!facts.applied && facts.capacityLimited) return 'not_applied';
  return null;
}

export type CheckInQrAvailability =
  { open: true } | { open: false; reason: 'group_inactive' | 'activity_cancelled' | 'wrong_day' };

/**
 * Whether the organizer's "issue points" screen may show a code at all: only on the
 * activity's day, for an active group, for an activity that is going ahead (R-PT-2, R-ORG-10).
 */
export function checkInQrAvailability(
  facts: Pick<CheckInFacts, 'activityDate' | 'now' | 'activityCancelled' | 'groupCanIssuePoints'>,
): CheckInQrAvailability {
  if (!facts.groupCanIssuePoints) return { open: false, reason: 'group_inactive' };
  if (facts.activityCancelled) return { open: false, reason: 'activity_cancelled' };
  if (jstDate(facts.now) !== facts.activityDate) return { open: false, reason: 'wrong_day' };
  return { open: true };
}
