import { describe, expect, it } from 'vitest';
import {
  applicationStatuses,
  groupStatuses,
  initialLifecycleState,
  lifecycleActors,
  requestStatuses,
  terminationStatuses,
  type LifecycleActor,
  type LifecycleState,
} from './lifecycle-states.ts';
import {
  lifecycleEvents,
  lifecycleTable,
  type LifecycleEvent,
  type LifecycleSubject,
} from './lifecycle-table.ts';
import { actorsFor, subjectStatus, transition } from './lifecycle.ts';

// 2026-02-15 12:00 JST: rights ending 2026-03-31 are in force and the renewal window is open,
// so every guard passes and each case below tests only the row.
const now = new Date('2026-02-15T03:00:00Z');
const approved: LifecycleState = {
  ...initialLifecycleState,
  application: 'approved',
  group: { status: 'active', rightsEnd: '2026-03-31' },
};

/** A state whose `subject` stands at `status`, everything else at its most permissive. */
function stateWith(subject: LifecycleSubject, status: string): LifecycleState {
  switch (subject) {
    case 'application':
      return status === 'approved'
        ? approved
        : { ...initialLifecycleState, application: status as LifecycleState['application'] };
    case 'group':
      return status === 'none'
        ? { ...initialLifecycleState, application: 'submitted' }
        : { ...approved, group: { status: status as 'active', rightsEnd: '2026-03-31' } };
    case 'change':
    case 'renewal':
    case 'termination':
      return { ...approved, [subject]: status === 'none' ? null : status };
  }
}

const statusesOf: Record<LifecycleSubject, readonly string[]> = {
  application: applicationStatuses,
  group: ['none', ...groupStatuses],
  change: ['none', ...requestStatuses],
  renewal: ['none', ...requestStatuses],
  termination: ['none', ...terminationStatuses],
};
const subjectOf = (event: LifecycleEvent) => event.split('.')[0] as LifecycleSubject;

const applicant = ['applicant'];
const admin = ['group_admin'];
const reviewers = ['city_reviewer', 'city_admin'];
const cityAdmin = ['city_admin'];

/** The lifecycle, written out by hand (issue 4 item 9): event, from, to, who. */
const allowed: [LifecycleEvent, string, string, string[]][] = [
  ['application.save', 'draft', 'draft', applicant],
  ['application.save', 'returned', 'returned', applicant],
  ['application.submit', 'draft', 'submitted', applicant],
  ['application.resubmit', 'returned', 'resubmitted', applicant],
  ['application.approve', 'submitted', 'approved', reviewers],
  ['application.approve', 'resubmitted', 'approved', reviewers],
  ['application.return', 'submitted', 'returned', reviewers],
  ['application.return', 'resubmitted', 'returned', reviewers],
  ['application.withdraw', 'draft', 'withdrawn', applicant],
  ['application.withdraw', 'submitted', 'withdrawn', applicant],
  ['application.withdraw', 'returned', 'withdrawn', applicant],
  ['application.withdraw', 'resubmitted', 'withdrawn', applicant],
  ['group.suspend', 'active', 'suspended', cityAdmin],
  ['group.resume', 'suspended', 'active', cityAdmin],
  ['group.end', 'active', 'ended', cityAdmin],
  ['group.end', 'suspended', 'ended', cityAdmin],
  ['change.submit', 'none', 'pending', admin],
  ['change.submit', 'approved', 'pending', admin],
  ['change.submit', 'withdrawn', 'pending', admin],
  ['change.resubmit', 'returned', 'pending', admin],
  ['change.approve', 'pending', 'approved', reviewers],
  ['change.return', 'pending', 'returned', reviewers],
  ['change.withdraw', 'pending', 'withdrawn', admin],
  ['change.withdraw', 'returned', 'withdrawn', admin],
  ['renewal.submit', 'none', 'pending', admin],
  ['renewal.submit', 'approved', 'pending', admin],
  ['renewal.submit', 'withdrawn', 'pending', admin],
  ['renewal.resubmit', 'returned', 'pending', admin],
  ['renewal.approve', 'pending', 'approved', reviewers],
  ['renewal.return', 'pending', 'returned', reviewers],
  ['renewal.withdraw', 'pending', 'withdrawn', admin],
  ['renewal.withdraw', 'returned', 'withdrawn', admin],
  ['termination.request', 'none', 'requested', admin],
  ['termination.request', 'withdrawn', 'requested', admin],
  ['termination.withdraw', 'requested', 'withdrawn', admin],
  ['termination.complete', 'requested', 'completed', reviewers],
];
const allowedCases = allowed.flatMap(([event, from, to, actors]) =>
  actors.map((actor) => [event, from, to, actor as LifecycleActor] as const),
);

describe('the lifecycle table', () => {
  it('holds exactly the transitions written out above', () => {
    const rows = lifecycleTable.map((rule) => [rule.event, rule.from, rule.to, [...rule.actors]]);
    expect(rows).toEqual(expect.arrayContaining(allowed));
    expect(rows).toHaveLength(allowed.length);
  });

  it('has every event, and the same actors on every row of an event', () => {
    expect(new Set(lifecycleTable.map((rule) => rule.event))).toEqual(new Set(lifecycleEvents));
    for (const rule of lifecycleTable) expect(rule.actors).toEqual(actorsFor(rule.event));
  });

  it('has at most one row per event and starting status', () => {
    const keys = lifecycleTable.map((rule) => `${rule.event}|${rule.from}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('requires a written reason for returns, suspension and ending by the city', () => {
    const required = lifecycleTable.filter((rule) => rule.reason === 'required').map((rule) => rule.event);
    expect(new Set(required)).toEqual(
      new Set(['application.return', 'change.return', 'renewal.return', 'group.suspend', 'group.end']),
    );
  });

  it('keeps the suspension reason and the resumption note internal (issue 4 item 6)', () => {
    const internal = lifecycleTable.filter((rule) => !rule.reasonVisibleToGroup).map((rule) => rule.event);
    expect(new Set(internal)).toEqual(new Set(['group.suspend', 'group.resume']));
  });
});

describe('transition: every allowed case', () => {
  it.each(allowedCases)('%s from %s → %s by %s', (event, from, to, actor) => {
    const state = stateWith(subjectOf(event), from);
    const result = transition(state, event, actor, { now, reason: 'Reason written by the actor.' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(subjectStatus(result.state, subjectOf(event))).toBe(to);
  });
});

describe('transition: every refused case (generated from the table)', () => {
  const refused = lifecycleEvents.flatMap((event) =>
    statusesOf[subjectOf(event)].flatMap((from) =>
      lifecycleActors.flatMap((actor) => {
        const isAllowed = allowedCases.some(([e, f, , a]) => e === event && f === from && a === actor);
        if (isAllowed) return [];
        const expected = actorsFor(event).includes(actor) ? 'wrong_state' : 'actor_not_allowed';
        return [[event, from, actor, expected] as const];
      }),
    ),
  );

  it('covers every combination not allowed', () => {
    const combinations = lifecycleEvents.reduce(
      (sum, event) => sum + statusesOf[subjectOf(event)].length * lifecycleActors.length,
      0,
    );
    expect(refused.length + allowedCases.length).toBe(combinations);
  });

  it.each(refused)('%s from %s by %s: %s', (event, from, actor, expected) => {
    const state = stateWith(subjectOf(event), from);
    expect(transition(state, event, actor, { now, reason: 'Reason.' })).toEqual({
      ok: false,
      reason: expected,
    });
  });
});
