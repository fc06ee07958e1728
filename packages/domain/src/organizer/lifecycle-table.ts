import type {
  ApplicationStatus,
  GroupStatus,
  LifecycleActor,
  RequestStatus,
  TerminationStatus,
} from './lifecycle-states.ts';

/**
 * THE lifecycle of an organizer group, in one table (issue 4 item 9). Every transition the
 * server performs and every button the web offers is decided from these rows by `transition`;
 * a pair (event, state) with no row is refused.
 */

/** The part of the lifecycle an event acts on, and its statuses. */
interface SubjectStatuses {
  application: ApplicationStatus;
  group: GroupStatus;
  change: RequestStatus;
  renewal: RequestStatus;
  termination: TerminationStatus;
}
export type LifecycleSubject = keyof SubjectStatuses;

export const lifecycleEvents = [
  'application.save',
  'application.submit',
  'application.resubmit',
  'application.approve',
  'application.return',
  'application.withdraw',
  'group.suspend',
  'group.resume',
  'group.end',
  'change.submit',
  'change.resubmit',
  'change.approve',
  'change.return',
  'change.withdraw',
  'renewal.submit',
  'renewal.resubmit',
  'renewal.approve',
  'renewal.return',
  'renewal.withdraw',
  'termination.request',
  'termination.withdraw',
  'termination.complete',
] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

type SubjectOf<E extends LifecycleEvent> = E extends `${infer S extends LifecycleSubject}.${string}`
  ? S
  : never;
type StatusOf<E extends LifecycleEvent> = SubjectStatuses[SubjectOf<E>];

/**
 * Conditions on other parts of the state. `good_standing`: the group is active and its rights
 * in force (not lapsed, suspended or ended). `not_suspended`: stored active (a lapsed group may
 * still renew). `renewal_due`: the renewal window is open or the rights have lapsed (R-ORG-6).
 */
export const lifecycleGuards = [
  'good_standing',
  'not_suspended',
  'not_ended',
  'renewal_due',
  'no_termination_requested',
] as const;
export type LifecycleGuard = (typeof lifecycleGuards)[number];

/**
 * What else the server does when the row fires. `create_group` also grants rights to the end of
 * the fiscal year (R-ORG-6); `make_applicant_admin` (R-ORG-5) and `apply_registered_details`
 * (R-ORG-8) change records outside this state.
 */
export const lifecycleEffects = [
  'create_group',
  'make_applicant_admin',
  'apply_registered_details',
  'extend_rights',
  'end_group',
  'cancel_open_requests',
] as const;
export type LifecycleEffect = (typeof lifecycleEffects)[number];

/** Who hears of it in the in-app inbox (and by e-mail where they have one), issue 4 item 7. */
export type LifecycleAudience = 'nobody' | 'applicant' | 'group_admin' | 'all_members';

interface RuleBody<S extends LifecycleSubject> {
  subject: S;
  event: Extract<LifecycleEvent, `${S}.${string}`>;
  /** `none`: no request of this kind yet (or, for the group, not approved yet). */
  from: SubjectStatuses[S] | 'none';
  to: SubjectStatuses[S];
  actors: readonly LifecycleActor[];
  /** A written reason: `required` for returns, suspension and ending by the city. */
  reason: 'required' | 'optional' | 'none';
  /** False for the city's internal note on a suspension (issue 4 item 6). */
  reasonVisibleToGroup: boolean;
  guards: readonly LifecycleGuard[];
  effects: readonly LifecycleEffect[];
  notify: LifecycleAudience;
}
export type LifecycleRule = { [S in LifecycleSubject]: RuleBody<S> }[LifecycleSubject];

type Extra = Partial<Pick<RuleBody<LifecycleSubject>, 'reason' | 'reasonVisibleToGroup' | 'notify'>> & {
  guards?: readonly LifecycleGuard[];
  effects?: readonly LifecycleEffect[];
};

function row<E extends LifecycleEvent>(
  event: E,
  from: StatusOf<E> | 'none',
  to: StatusOf<E>,
  actors: readonly LifecycleActor[],
  extra: Extra = {},
): LifecycleRule {
  const subject = event.slice(0, event.indexOf('.')) as SubjectOf<E>;
  return {
    subject,
    event,
    from,
    to,
    actors,
    reason: extra.reason ?? 'none',
    reasonVisibleToGroup: extra.reasonVisibleToGroup ?? true,
    guards: extra.guards ?? [],
    effects: extra.effects ?? [],
    notify: extra.notify ?? 'nobody',
  } as LifecycleRule;
}

const applicant = ['applicant'] as const;
const groupAdmin = ['group_admin'] as const;
/** City administrators can do what reviewers do (the demo's city admin holds both roles). */
const reviewers = ['city_reviewer', 'city_admin'] as const;
/** Suspending and ending a group are sanctions: city administrators only (R-ORG-10). */
const cityAdmin = ['city_admin'] as const;

const returnWithReason: Extra = { reason: 'required' };
const changeGuards: Extra = { guards: ['good_standing', 'no_termination_requested'] };
const renewalGuards: Extra = { guards: ['not_suspended', 'renewal_due', 'no_termination_requested'] };

export const lifecycleTable: readonly LifecycleRule[] = [
  // R-ORG-3/5: apply, city reviews (about a week), approve or return with reasons, resubmit.
  row('application.save', 'draft', 'draft', applicant),
  row('application.save', 'returned', 'returned', applicant),
  row('application.submit', 'draft', 'submitted', applicant),
  row('application.resubmit', 'returned', 'resubmitted', applicant),
  ...(['submitted', 'resubmitted'] as const).flatMap((from) => [
    row('application.approve', from, 'approved', reviewers, {
      reason: 'optional',
      notify: 'applicant',
      effects: ['create_group', 'make_applicant_admin'],
    }),
    row('application.return', from, 'returned', reviewers, { ...returnWithReason, notify: 'applicant' }),
  ]),
  ...(['draft', 'submitted', 'returned', 'resubmitted'] as const).map((from) =>
    row('application.withdraw', from, 'withdrawn', applicant, { reason: 'optional' }),
  ),

  // R-ORG-10: the city suspends without prior notice, then resumes or ends the group.
  row('group.suspend', 'active', 'suspended', cityAdmin, {
    reason: 'required',
    reasonVisibleToGroup: false,
    notify: 'all_members',
  }),
  row('group.resume', 'suspended', 'active', cityAdmin, {
    reason: 'optional',
    reasonVisibleToGroup: false,
    notify: 'all_members',
  }),
  ...(['active', 'suspended'] as const).map((from) =>
    row('group.end', from, 'ended', cityAdmin, {
      reason: 'required',
      notify: 'all_members',
      effects: ['cancel_open_requests'],
    }),
  ),

  // R-ORG-8: change applications; while one is pending no new activity (group-standing.ts).
  ...(['none', 'approved', 'withdrawn'] as const).map((from) =>
    row('change.submit', from, 'pending', groupAdmin, changeGuards),
  ),
  row('change.resubmit', 'returned', 'pending', groupAdmin, changeGuards),
  row('change.approve', 'pending', 'approved', reviewers, {
    reason: 'optional',
    notify: 'group_admin',
    effects: ['apply_registered_details'],
  }),
  row('change.return', 'pending', 'returned', reviewers, { ...returnWithReason, notify: 'group_admin' }),
  ...(['pending', 'returned'] as const).map((from) => row('change.withdraw', from, 'withdrawn', groupAdmin)),

  // R-ORG-6: renewal in the window (or after lapse) extends the rights to the next 31 March.
  ...(['none', 'approved', 'withdrawn'] as const).map((from) =>
    row('renewal.submit', from, 'pending', groupAdmin, renewalGuards),
  ),
  row('renewal.resubmit', 'returned', 'pending', groupAdmin, renewalGuards),
  row('renewal.approve', 'pending', 'approved', reviewers, {
    reason: 'optional',
    notify: 'group_admin',
    effects: ['extend_rights'],
  }),
  row('renewal.return', 'pending', 'returned', reviewers, { ...returnWithReason, notify: 'group_admin' }),
  ...(['pending', 'returned'] as const).map((from) => row('renewal.withdraw', from, 'withdrawn', groupAdmin)),

  // R-ORG-9: ending use mid-year is asked for by the administrator and completed by the city.
  ...(['none', 'withdrawn'] as const).map((from) =>
    row('termination.request', from, 'requested', groupAdmin, { reason: 'optional', guards: ['not_ended'] }),
  ),
  row('termination.withdraw', 'requested', 'withdrawn', groupAdmin),
  row('termination.complete', 'requested', 'completed', reviewers, {
    reason: 'optional',
    notify: 'all_members',
    effects: ['end_group', 'cancel_open_requests'],
  }),
];
