import type { ResidentDistrict } from '../school-district.ts';
import type { ActivityFacts } from './activity.ts';
import { activityState } from './lifecycle.ts';

export interface Applicant {
  verified: boolean;
  /** The resident's 校区: from the card-verified address (`address`) or picked by them (`chosen`). */
  schoolDistrict: ResidentDistrict | null;
}

/** The resident's current application to this activity, if any (a cancelled one counts as none). */
export type ExistingApplication = 'applied' | 'waitlisted' | null;

export interface ApplicationRequest {
  activity: ActivityFacts;
  now: Date;
  /** Residents holding a place now, read under the same lock as the insert (no overbooking). */
  applicantCount: number;
  existing: ExistingApplication;
  /** Came through the share link; an unlisted activity takes applications only that way. */
  viaShareLink: boolean;
  applicant: Applicant;
}

/** Why an application is refused; the server turns each into an error code and a message. */
export const applicationRefusals = [
  'not_open',
  'cancelled',
  'ended',
  'closed',
  'already_applied',
  'already_waitlisted',
  'district_needs_verification',
  'district_unknown',
  'wrong_district',
] as const;
export type ApplicationRefusal = (typeof applicationRefusals)[number];

/**
 * R-PT-3: an unverified resident may apply, but is told that points and a certificate are
 * given only to card-verified participants, and only if verified by the day.
 */
export type ApplicationWarning = 'verify_before_the_day';

export type ApplicationDecision =
  | { outcome: 'accept'; warnings: ApplicationWarning[] }
  /** The activity is full: offer the waiting list (beyond the guide); nothing is booked yet. */
  | { outcome: 'waitlist'; warnings: ApplicationWarning[] }
  | { outcome: 'refuse'; reason: ApplicationRefusal };

/** Applications close at the deadline, or when the activity starts if there is none. */
export function applicationsCloseAt(
  activity: Pick<ActivityFacts, 'startsAt' | 'applicationDeadline'>,
): Date | null {
  return activity.applicationDeadline ?? activity.startsAt;
}

/**
 * Whether a resident may apply now (R-ACT-3, R-ACT-4, R-ACT-6, R-PT-3). Checks run from the
 * activity itself to the person, so the reason given is the most useful one: a cancelled
 * activity says "cancelled" even to someone who already applied.
 */
export function applicationDecision(request: ApplicationRequest): ApplicationDecision {
  const refusal = activityRefusal(request) ?? personRefusal(request);
  if (refusal) return { outcome: 'refuse', reason: refusal };
  const warnings: ApplicationWarning[] = request.applicant.verified ? [] : ['verify_before_the_day'];
  const { capacity } = request.activity;
  const full = capacity !== null && request.applicantCount >= capacity;
  return { outcome: full ? 'waitlist' : 'accept', warnings };
}

function activityRefusal({ activity, now, viaShareLink }: ApplicationRequest): ApplicationRefusal | null {
  switch (activityState(activity, now)) {
    case 'draft':
      return 'not_open';
    case 'cancelled':
      return 'cancelled';
    case 'ended':
      return 'ended';
    case 'unlisted':
      if (!viaShareLink) return 'not_open';
      break;
    case 'public':
      break;
  }
  const closesAt = applicationsCloseAt(activity);
  return closesAt === null || now >= closesAt ? 'closed' : null;
}

function personRefusal({ activity, existing, applicant }: ApplicationRequest): ApplicationRefusal | null {
  if (existing === 'applied') return 'already_applied';
  if (existing === 'waitlisted') return 'already_waitlisted';
  if (!activity.restrictToDistrict || activity.schoolDistrictCode === null) return null;
  // R-ACT-6 (beyond the guide): enforced from the card-verified address only. A district the
  // resident picked themselves proves nothing, so it cannot open a restricted activity.
  if (!applicant.verified) return 'district_needs_verification';
  if (applicant.schoolDistrict?.source !== 'address') return 'district_unknown';
  return applicant.schoolDistrict.code === activity.schoolDistrictCode ? null : 'wrong_district';
}

/** What the listing and the detail page say about applying, before anyone presses the button. */
export type ApplicationAvailability = 'open' | 'full' | 'closed' | 'not_open';

export function applicationAvailability(
  activity: ActivityFacts,
  now: Date,
  applicantCount: number,
): ApplicationAvailability {
  const state = activityState(activity, now);
  if (state === 'draft') return 'not_open';
  if (state === 'cancelled' || state === 'ended') return 'closed';
  const closesAt = applicationsCloseAt(activity);
  if (closesAt === null || now >= closesAt) return 'closed';
  return activity.capacity !== null && applicantCount >= activity.capacity ? 'full' : 'open';
}

/** Places still free, or null when there is no capacity (「参加人数: 12/30人」 shows 12 and 30). */
export function placesLeft(capacity: number | null, applicantCount: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - applicantCount);
}

export type CancellationRefusal = 'not_applied' | 'started' | 'cancelled';

/**
 * A resident may withdraw an application or leave the waiting list until the activity starts
 * (issue 5). After that the record stays as history. A cancelled activity needs no withdrawal.
 */
export function cancellationRefusal(
  activity: Pick<ActivityFacts, 'startsAt' | 'cancelledAt'>,
  existing: ExistingApplication,
  now: Date,
): CancellationRefusal | null {
  if (existing === null) return 'not_applied';
  if (activity.cancelledAt) return 'cancelled';
  if (activity.startsAt && now >= activity.startsAt) return 'started';
  return null;
}
