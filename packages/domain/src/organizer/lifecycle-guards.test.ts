import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rightsPhase } from './fiscal-year.ts';
import { initialLifecycleState, lifecycleActors, type LifecycleState } from './lifecycle-states.ts';
import { lifecycleEvents, type LifecycleEvent } from './lifecycle-table.ts';
import { availableTransitions, maxReasonLength, transition } from './lifecycle.ts';
import { defaultOrganizerSettings } from './settings.ts';

const jst = (local: string) => new Date(`${local}+09:00`);
const group = (status: 'active' | 'suspended' | 'ended', rightsEnd = '2026-03-31' as const) => ({
  ...initialLifecycleState,
  application: 'approved' as const,
  group: { status, rightsEnd },
});
const inWindow = jst('2026-02-15T12:00');
const beforeWindow = jst('2026-01-31T23:59');
const afterLapse = jst('2026-04-01T00:00');

describe('guards on other parts of the state', () => {
  it.each<[string, LifecycleState, LifecycleEvent, Date, string]>([
    // R-ORG-8 with R-ORG-10: only a group in good standing may file a change.
    ['change by a lapsed group', group('active'), 'change.submit', afterLapse, 'group_lapsed'],
    ['change by a suspended group', group('suspended'), 'change.submit', inWindow, 'group_suspended'],
    ['change by an ended group', group('ended'), 'change.submit', inWindow, 'group_ended'],
    [
      'change before approval',
      { ...initialLifecycleState, application: 'submitted' },
      'change.submit',
      inWindow,
      'no_group',
    ],
    [
      'change while ending',
      { ...group('active'), termination: 'requested' },
      'change.submit',
      inWindow,
      'termination_requested',
    ],
    [
      'resubmitted change by a lapsed group',
      { ...group('active'), change: 'returned' },
      'change.resubmit',
      afterLapse,
      'group_lapsed',
    ],
    // R-ORG-6: renewal only from the window on, not while suspended.
    ['renewal before the window', group('active'), 'renewal.submit', beforeWindow, 'renewal_window_not_open'],
    ['renewal while suspended', group('suspended'), 'renewal.submit', inWindow, 'group_suspended'],
    ['renewal of an ended group', group('ended'), 'renewal.submit', inWindow, 'group_ended'],
    [
      'renewal while ending',
      { ...group('active'), termination: 'requested' },
      'renewal.submit',
      inWindow,
      'termination_requested',
    ],
    // R-ORG-9
    ['termination of an ended group', group('ended'), 'termination.request', inWindow, 'group_ended'],
    ['termination before approval', initialLifecycleState, 'termination.request', inWindow, 'no_group'],
  ])('refuses %s', (_name, state, event, now, reason) => {
    expect(transition(state, event, 'group_admin', { now })).toEqual({ ok: false, reason });
  });

  it.each<[string, LifecycleState, LifecycleEvent, Date]>([
    ['renewal on the first minute of the window', group('active'), 'renewal.submit', jst('2026-02-01T00:00')],
    ['renewal after the rights lapsed', group('active'), 'renewal.submit', afterLapse],
    ['change on the last minute of the rights', group('active'), 'change.submit', jst('2026-03-31T23:59')],
    ['termination by a suspended group', group('suspended'), 'termination.request', inWindow],
    ['termination by a lapsed group', group('active'), 'termination.request', afterLapse],
  ])('allows %s', (_name, state, event, now) => {
    expect(transition(state, event, 'group_admin', { now }).ok).toBe(true);
  });

  it('opens the window on the configured day', () => {
    const settings = { ...defaultOrganizerSettings, renewalWindowOpens: { month: 3, day: 1 } };
    const feb = jst('2026-02-15T12:00');
    expect(transition(group('active'), 'renewal.submit', 'group_admin', { now: feb, settings })).toEqual({
      ok: false,
      reason: 'renewal_window_not_open',
    });
    const march = jst('2026-03-01T00:00');
    expect(transition(group('active'), 'renewal.submit', 'group_admin', { now: march, settings }).ok).toBe(
      true,
    );
  });
});

describe('written reasons', () => {
  const submitted = { ...initialLifecycleState, application: 'submitted' as const };

  it.each([undefined, '', '   \n '])('refuses a return with reason %j', (reason) => {
    expect(transition(submitted, 'application.return', 'city_reviewer', { now: inWindow, reason })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('refuses a suspension without a reason (R-ORG-10)', () => {
    expect(transition(group('active'), 'group.suspend', 'city_admin', { now: inWindow })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
  });

  it('accepts a reason of the longest length and refuses a longer one, counting characters', () => {
    const longest = '理'.repeat(maxReasonLength);
    expect(
      transition(submitted, 'application.return', 'city_reviewer', { now: inWindow, reason: longest }).ok,
    ).toBe(true);
    const tooLong = `${longest}𠮷`;
    expect(
      transition(submitted, 'application.return', 'city_reviewer', { now: inWindow, reason: tooLong }),
    ).toEqual({ ok: false, reason: 'reason_too_long' });
  });

  it('approves without a reason', () => {
    expect(transition(submitted, 'application.approve', 'city_reviewer', { now: inWindow }).ok).toBe(true);
  });
});

describe('effects', () => {
  const resubmitted = { ...initialLifecycleState, application: 'resubmitted' as const };

  it.each([
    ['2026-03-31T23:59', '2026-03-31'],
    ['2026-04-01T00:00', '2027-03-31'],
  ])('approval at %s JST creates an active group with rights to %s (R-ORG-5, R-ORG-6)', (at, rightsEnd) => {
    const result = transition(resubmitted, 'application.approve', 'city_admin', { now: jst(at) });
    expect(result.ok && result.state.group).toEqual({ status: 'active', rightsEnd });
    expect(result.ok && result.rule.effects).toContain('make_applicant_admin');
  });

  it('a renewal approved in the window extends the rights to the next 31 March', () => {
    const state = { ...group('active'), renewal: 'pending' as const };
    const result = transition(state, 'renewal.approve', 'city_reviewer', { now: jst('2026-03-31T23:59') });
    expect(result.ok && result.state.group?.rightsEnd).toBe('2027-03-31');
  });

  it('ending a group cancels its open requests', () => {
    const state: LifecycleState = {
      ...group('suspended'),
      change: 'pending',
      renewal: 'returned',
      termination: 'requested',
    };
    const result = transition(state, 'group.end', 'city_admin', {
      now: inWindow,
      reason: 'Breach of the rules.',
    });
    expect(result.ok && result.state).toEqual({
      ...state,
      group: { status: 'ended', rightsEnd: '2026-03-31' },
      change: 'cancelled',
      renewal: 'cancelled',
      termination: 'cancelled',
    });
  });

  it('completing a termination ends the group and cancels a pending change (R-ORG-9)', () => {
    const state: LifecycleState = {
      ...group('active'),
      change: 'pending',
      renewal: 'approved',
      termination: 'requested',
    };
    const result = transition(state, 'termination.complete', 'city_reviewer', { now: inWindow });
    expect(result.ok && result.state).toEqual({
      ...state,
      group: { status: 'ended', rightsEnd: '2026-03-31' },
      change: 'cancelled',
      termination: 'completed',
    });
  });

  it('does not change the state it was given', () => {
    const state = group('active');
    const copy = structuredClone(state);
    transition(state, 'group.suspend', 'city_admin', { now: inWindow, reason: 'Complaint.' });
    expect(state).toEqual(copy);
  });
});

describe('availableTransitions (for buttons)', () => {
  it.each<[string, LifecycleState, (typeof lifecycleActors)[number], Date, LifecycleEvent[]]>([
    [
      'a draft, applicant',
      initialLifecycleState,
      'applicant',
      inWindow,
      ['application.save', 'application.submit', 'application.withdraw'],
    ],
    [
      'a submitted application, reviewer',
      { ...initialLifecycleState, application: 'submitted' },
      'city_reviewer',
      inWindow,
      ['application.approve', 'application.return'],
    ],
    [
      'a group in the window, administrator',
      group('active'),
      'group_admin',
      inWindow,
      ['change.submit', 'renewal.submit', 'termination.request'],
    ],
    [
      'a group before the window, administrator',
      group('active'),
      'group_admin',
      beforeWindow,
      ['change.submit', 'termination.request'],
    ],
    ['an active group, city admin', group('active'), 'city_admin', inWindow, ['group.suspend', 'group.end']],
    ['an active group, member', group('active'), 'group_member', inWindow, []],
    ['an ended group, administrator', group('ended'), 'group_admin', inWindow, []],
  ])('%s', (_name, state, actor, now, events) => {
    expect(availableTransitions(state, actor, { now }).map((rule) => rule.event)).toEqual(events);
  });
});

describe('any sequence of events keeps the state consistent', () => {
  // Mostly one of the moves open at that moment (so walks reach groups, renewals and ends),
  // sometimes any event by any actor.
  const step = fc.record({
    pick: fc.nat(),
    wild: fc.option(
      fc.record({ event: fc.constantFrom(...lifecycleEvents), actor: fc.constantFrom(...lifecycleActors) }),
      {
        freq: 5,
      },
    ),
    days: fc.integer({ min: 0, max: 120 }),
  });

  it('a group exists exactly when approved; an ended group stays ended with nothing open', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { minLength: 10, maxLength: 40 }), (fromGroup, steps) => {
        let state = fromGroup ? group('active') : initialLifecycleState;
        let now = jst('2025-10-01T09:00');
        for (const { pick, wild, days } of steps) {
          now = new Date(now.getTime() + days * 86_400_000);
          const open = lifecycleActors.flatMap((actor) =>
            availableTransitions(state, actor, { now }).map((rule) => ({ event: rule.event, actor })),
          );
          const move = wild ?? open[pick % Math.max(open.length, 1)];
          if (!move) break;
          const wasEnded = state.group?.status === 'ended';
          const result = transition(state, move.event, move.actor, { now, reason: 'Reason.' });
          if (!result.ok) continue;
          state = result.state;
          expect(state.group !== null).toBe(state.application === 'approved');
          if (wasEnded) expect(state.group?.status).toBe('ended');
          if (state.group?.status === 'ended') {
            expect(['pending', 'returned']).not.toContain(state.change);
            expect(['pending', 'returned']).not.toContain(state.renewal);
            expect(state.termination).not.toBe('requested');
          }
          if (move.event === 'renewal.approve' && state.group) {
            expect(rightsPhase(state.group.rightsEnd, now, defaultOrganizerSettings)).not.toBe('lapsed');
          }
        }
      }),
    );
  });
});
