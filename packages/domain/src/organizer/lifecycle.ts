import { renewedRightsEnd, rightsEndForApproval, rightsPhase } from './fiscal-year.ts';
import { effectiveGroupStatus } from './group-standing.ts';
import type { LifecycleActor, LifecycleState, RequestStatus } from './lifecycle-states.ts';
import {
  lifecycleTable,
  type LifecycleEvent,
  type LifecycleGuard,
  type LifecycleRule,
  type LifecycleSubject,
} from './lifecycle-table.ts';
import { defaultOrganizerSettings, type OrganizerSettings } from './settings.ts';

/** Why a transition is refused. The server maps these to error codes; the web to its texts. */
export const lifecycleRefusals = [
  'actor_not_allowed',
  'wrong_state',
  'no_group',
  'group_lapsed',
  'group_suspended',
  'group_ended',
  'renewal_window_not_open',
  'termination_requested',
  'reason_required',
  'reason_too_long',
] as const;
export type LifecycleRefusal = (typeof lifecycleRefusals)[number];

/** Longest written reason, in characters (code points). */
export const maxReasonLength = 2000;

export interface TransitionContext {
  /** The clock's instant: rights lapse and the renewal window are derived from it. */
  now: Date;
  /** The written reason (return, suspension, ending: required). */
  reason?: string;
  settings?: OrganizerSettings;
}

export type TransitionCheck = { ok: true; rule: LifecycleRule } | { ok: false; reason: LifecycleRefusal };
export type TransitionResult =
  { ok: true; rule: LifecycleRule; state: LifecycleState } | { ok: false; reason: LifecycleRefusal };

/** The status of the part an event acts on; `none` when that part does not exist yet. */
export function subjectStatus(state: LifecycleState, subject: LifecycleSubject): string {
  switch (subject) {
    case 'application':
      return state.application;
    case 'group':
      return state.group?.status ?? 'none';
    case 'change':
    case 'renewal':
    case 'termination':
      return state[subject] ?? 'none';
  }
}

/** The actors who may ever perform `event` (the same on every row of an event). */
export function actorsFor(event: LifecycleEvent): readonly LifecycleActor[] {
  return lifecycleTable.find((rule) => rule.event === event)?.actors ?? [];
}

/**
 * Whether `actor` may perform `event` now, short of the written reason. Checked in this order,
 * so someone with no part in it learns nothing about the state: actor, state, guards.
 */
export function checkTransition(
  state: LifecycleState,
  event: LifecycleEvent,
  actor: LifecycleActor,
  context: Pick<TransitionContext, 'now' | 'settings'>,
): TransitionCheck {
  if (!actorsFor(event).includes(actor)) return { ok: false, reason: 'actor_not_allowed' };
  const rules = lifecycleTable.filter((rule) => rule.event === event);
  const rule = rules.find((candidate) => candidate.from === subjectStatus(state, candidate.subject));
  if (!rule) return { ok: false, reason: 'wrong_state' };
  for (const guard of rule.guards) {
    const refusal = guardRefusal(guard, state, context.now, context.settings ?? defaultOrganizerSettings);
    if (refusal) return { ok: false, reason: refusal };
  }
  return { ok: true, rule };
}

/** Performs `event`: the next state, or why not. Pure: the caller persists and notifies. */
export function transition(
  state: LifecycleState,
  event: LifecycleEvent,
  actor: LifecycleActor,
  context: TransitionContext,
): TransitionResult {
  const check = checkTransition(state, event, actor, context);
  if (!check.ok) return check;
  const reason = context.reason?.trim() ?? '';
  if (check.rule.reason === 'required' && reason === '') return { ok: false, reason: 'reason_required' };
  if ([...reason].length > maxReasonLength) return { ok: false, reason: 'reason_too_long' };
  return { ok: true, rule: check.rule, state: nextState(state, check.rule, context.now) };
}

/** The events `actor` may perform now (for buttons); each rule says if a reason is required. */
export function availableTransitions(
  state: LifecycleState,
  actor: LifecycleActor,
  context: Pick<TransitionContext, 'now' | 'settings'>,
): LifecycleRule[] {
  const events = [...new Set(lifecycleTable.map((rule) => rule.event))];
  return events.flatMap((event) => {
    const check = checkTransition(state, event, actor, context);
    return check.ok ? [check.rule] : [];
  });
}

function guardRefusal(
  guard: LifecycleGuard,
  state: LifecycleState,
  now: Date,
  settings: OrganizerSettings,
): LifecycleRefusal | null {
  if (guard === 'no_termination_requested') {
    return state.termination === 'requested' ? 'termination_requested' : null;
  }
  const group = state.group;
  if (!group) return 'no_group';
  switch (guard) {
    case 'good_standing': {
      const status = effectiveGroupStatus(group, now);
      return status === 'active' ? null : `group_${status}`;
    }
    case 'not_suspended':
      return group.status === 'active' ? null : `group_${group.status}`;
    case 'not_ended':
      return group.status === 'ended' ? 'group_ended' : null;
    case 'renewal_due':
      return rightsPhase(group.rightsEnd, now, settings) === 'in_force' ? 'renewal_window_not_open' : null;
  }
}

function nextState(state: LifecycleState, rule: LifecycleRule, now: Date): LifecycleState {
  const next: LifecycleState = { ...state, group: state.group && { ...state.group } };
  switch (rule.subject) {
    case 'application':
      next.application = rule.to;
      break;
    case 'group':
      if (next.group) next.group.status = rule.to;
      break;
    case 'change':
    case 'renewal':
      next[rule.subject] = rule.to;
      break;
    case 'termination':
      next.termination = rule.to;
      break;
  }
  for (const effect of rule.effects) {
    switch (effect) {
      case 'create_group':
        next.group = { status: 'active', rightsEnd: rightsEndForApproval(now) };
        break;
      case 'extend_rights':
        if (next.group) next.group.rightsEnd = renewedRightsEnd(next.group.rightsEnd, now);
        break;
      case 'end_group':
        if (next.group) next.group.status = 'ended';
        break;
      case 'cancel_open_requests':
        next.change = cancelIfOpen(next.change);
        next.renewal = cancelIfOpen(next.renewal);
        if (next.termination === 'requested') next.termination = 'cancelled';
        break;
      case 'make_applicant_admin':
      case 'apply_registered_details':
        break; // records outside this state: the server applies them
    }
  }
  return next;
}

function cancelIfOpen(status: RequestStatus | null): RequestStatus | null {
  return status === 'pending' || status === 'returned' ? 'cancelled' : status;
}
