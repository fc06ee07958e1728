import type { Localized } from '../locale.ts';
import type { ActivityFacts, ActivityVisibility } from './activity.ts';

type Schedule = Pick<ActivityFacts, 'startsAt' | 'endsAt'>;
type Lifecycle = Pick<ActivityFacts, 'visibility' | 'cancelledAt' | 'startsAt' | 'endsAt'>;

/** Where an activity is in time. A draft may have no dates yet. */
export type ActivityPhase = 'unscheduled' | 'upcoming' | 'in_progress' | 'ended';

export function activityPhase(activity: Schedule, now: Date): ActivityPhase {
  const { startsAt, endsAt } = activity;
  if (!startsAt || !endsAt) return 'unscheduled';
  if (now < startsAt) return 'upcoming';
  if (now < endsAt) return 'in_progress';
  return 'ended';
}

/**
 * The one state to show and to decide by, derived at read time so no job has to flip it.
 * A draft stays a draft even when its dates pass; cancelled wins over ended, because
 * "cancelled" is what a participant needs to know about an activity that never took place.
 */
export const activityStates = ['draft', 'public', 'unlisted', 'cancelled', 'ended'] as const;
export type ActivityState = (typeof activityStates)[number];

export function activityState(activity: Lifecycle, now: Date): ActivityState {
  if (activity.visibility === 'draft') return 'draft';
  if (activity.cancelledAt) return 'cancelled';
  if (activityPhase(activity, now) === 'ended') return 'ended';
  return activity.visibility;
}

export const activityStateLabels: Record<ActivityState, Localized> = {
  draft: { ja: '下書き', en: 'Draft' },
  public: { ja: '公開', en: 'Public' },
  unlisted: { ja: 'URL限定公開', en: 'Unlisted (link only)' },
  cancelled: { ja: '中止', en: 'Cancelled' },
  ended: { ja: '終了', en: 'Ended' },
};

/**
 * In the volunteer list and the default search (R-ACT-3): public, not cancelled (R-ACT-4,
 * FAQ Q2), and not yet ended. An activity in progress still shows, since without a capacity
 * people may join on the day (R-PT-4). Ended public activities remain in participants'
 * history (R-ACT-5) and are found by search only when the query asks for ended ones.
 */
export function isListedNow(activity: Lifecycle, now: Date): boolean {
  return activityState(activity, now) === 'public';
}

/** Could ever appear in a list or search: public and not cancelled, whether ended or not. */
export function isSearchable(activity: Pick<ActivityFacts, 'visibility' | 'cancelledAt'>): boolean {
  return activity.visibility === 'public' && !activity.cancelledAt;
}

/** How a person reached the activity page. */
export interface ActivityViewer {
  /** Administrator or member of the organizing group. */
  isOrganizer: boolean;
  /** Has applied or is on the waiting list (including cancelled applications kept as history). */
  hasApplication: boolean;
  /** Came through the activity's unguessable share link. */
  viaShareLink: boolean;
}

/**
 * Whether the activity page may be shown at all (otherwise: not found, so an unlisted
 * activity's existence is not revealed). Participants keep seeing their activities in
 * history whatever happens to them later (R-ACT-5).
 */
export function canViewActivity(
  activity: Pick<ActivityFacts, 'visibility'>,
  viewer: ActivityViewer,
): boolean {
  if (viewer.isOrganizer || viewer.hasApplication) return true;
  switch (activity.visibility) {
    case 'draft':
      return false;
    case 'public':
      return true;
    case 'unlisted':
      return viewer.viaShareLink;
  }
}

/** What an organizer can do to an activity; the screen shows only the buttons that apply. */
export const organizerActions = [
  'edit',
  'publish',
  'change_visibility',
  'cancel',
  'delete',
  'send_notice',
] as const;
export type OrganizerAction = (typeof organizerActions)[number];

/** Why an organizer action is refused; the server turns each into an error code. */
export type OrganizerActionRefusal = 'not_a_draft' | 'not_published' | 'already_cancelled' | 'already_ended';

/**
 * R-ACT-5: only a draft may be deleted; a published activity may be in someone's history, so
 * it is cancelled instead. An ended or cancelled activity is frozen as participants knew it,
 * but the organizer may still send its participants a notice (R-ACT-4), e.g. a thank-you.
 */
export function organizerActionRefusal(
  action: OrganizerAction,
  activity: Lifecycle,
  now: Date,
): OrganizerActionRefusal | null {
  const state = activityState(activity, now);
  const frozen = state === 'cancelled' ? 'already_cancelled' : state === 'ended' ? 'already_ended' : null;
  switch (action) {
    case 'publish':
    case 'delete':
      return state === 'draft' ? null : 'not_a_draft';
    case 'edit':
      return frozen;
    case 'change_visibility':
    case 'cancel':
      return state === 'draft' ? 'not_published' : frozen;
    case 'send_notice':
      return state === 'draft' ? 'not_published' : null;
  }
}

/** Every action with whether it is allowed now. */
export function allowedOrganizerActions(activity: Lifecycle, now: Date): Record<OrganizerAction, boolean> {
  return Object.fromEntries(
    organizerActions.map((action) => [action, organizerActionRefusal(action, activity, now) === null]),
  ) as Record<OrganizerAction, boolean>;
}

/**
 * A published activity never returns to draft: residents may have applied or shared it.
 * It can move between public and unlisted (the guide's way to take it out of the list).
 */
export function canChangeVisibility(from: ActivityVisibility, to: ActivityVisibility): boolean {
  return from === 'draft' || to !== 'draft';
}
