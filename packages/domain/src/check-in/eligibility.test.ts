import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkInDecision,
  checkInQrAvailability,
  checkInRefusalReasons,
  type CheckInFacts,
} from './eligibility.ts';
import { lateIssueDecision, type LateIssueFacts } from './late-issue.ts';

/** A verified resident who applied, scanning at 11:30 JST on the activity's day. */
const facts: CheckInFacts = {
  activityDate: '2026-06-01',
  now: new Date('2026-06-01T11:30:00+09:00'),
  activityCancelled: false,
  groupCanIssuePoints: true,
  residentVerified: true,
  applied: true,
  capacityLimited: true,
  alreadyCheckedIn: false,
};

describe('checkInDecision', () => {
  it('lets an applicant check in', () => {
    expect(checkInDecision(facts)).toEqual({ ok: true, walkIn: false });
  });

  it('R-PT-4: lets a walk-in check in when the activity has no capacity, marked as walk-in', () => {
    expect(checkInDecision({ ...facts, applied: false, capacityLimited: false })).toEqual({
      ok: true,
      walkIn: true,
    });
  });

  it.each<[string, Partial<CheckInFacts>, string]>([
    ['R-PT-4: a walk-in to a capacity-limited activity', { applied: false }, 'not_applied'],
    ['R-PT-3: an unverified resident', { residentVerified: false }, 'not_verified'],
    ['a repeated scan', { alreadyCheckedIn: true }, 'already_checked_in'],
    ['R-ORG-10: a suspended or lapsed group', { groupCanIssuePoints: false }, 'group_inactive'],
    ['R-ACT-4: a cancelled activity', { activityCancelled: true }, 'activity_cancelled'],
    ['R-PT-2: the day after', { now: new Date('2026-06-02T00:00:00+09:00') }, 'wrong_day'],
    ['R-PT-2: the day before', { now: new Date('2026-05-31T23:59:59+09:00') }, 'wrong_day'],
  ])('refuses %s', (_name, change, reason) => {
    expect(checkInDecision({ ...facts, ...change })).toEqual({ ok: false, reason });
  });

  it('R-PT-2: the day is the JST day, from midnight to midnight in Japan', () => {
    expect(checkInDecision({ ...facts, now: new Date('2026-05-31T15:00:00Z') })).toMatchObject({ ok: true });
    expect(checkInDecision({ ...facts, now: new Date('2026-06-01T14:59:59.999Z') })).toMatchObject({
      ok: true,
    });
    expect(checkInDecision({ ...facts, now: new Date('2026-06-01T15:00:00Z') })).toMatchObject({
      reason: 'wrong_day',
    });
  });

  it('tells a repeated scan "already checked in" even if it would now fail for another personal reason', () => {
    expect(checkInDecision({ ...facts, alreadyCheckedIn: true, applied: false })).toMatchObject({
      reason: 'already_checked_in',
    });
  });

  it('grants only when every condition holds, and names a listed reason otherwise', () => {
    const anyFacts = fc.record({
      activityCancelled: fc.boolean(),
      groupCanIssuePoints: fc.boolean(),
      residentVerified: fc.boolean(),
      applied: fc.boolean(),
      capacityLimited: fc.boolean(),
      alreadyCheckedIn: fc.boolean(),
      sameDay: fc.boolean(),
    });
    fc.assert(
      fc.property(anyFacts, ({ sameDay, ...flags }) => {
        const input = {
          ...facts,
          ...flags,
          now: sameDay ? facts.now : new Date('2026-06-02T09:00:00+09:00'),
        };
        const decision = checkInDecision(input);
        const allowed =
          !flags.activityCancelled &&
          flags.groupCanIssuePoints &&
          flags.residentVerified &&
          (flags.applied || !flags.capacityLimited) &&
          !flags.alreadyCheckedIn &&
          sameDay;
        expect(decision.ok).toBe(allowed);
        if (!decision.ok) expect(checkInRefusalReasons).toContain(decision.reason);
        else expect(decision.walkIn).toBe(!flags.applied);
      }),
    );
  });
});

describe('checkInQrAvailability (the organizer\'s "issue points" screen)', () => {
  const base = {
    activityDate: facts.activityDate,
    now: facts.now,
    activityCancelled: false,
    groupCanIssuePoints: true,
  };

  it('opens on the activity day for an active group', () => {
    expect(checkInQrAvailability(base)).toEqual({ open: true });
  });

  it.each<[string, Partial<typeof base>, string]>([
    ['on another day', { now: new Date('2026-06-02T08:00:00+09:00') }, 'wrong_day'],
    ['for a suspended group', { groupCanIssuePoints: false }, 'group_inactive'],
    ['for a cancelled activity', { activityCancelled: true }, 'activity_cancelled'],
  ])('stays closed %s', (_name, change, reason) => {
    expect(checkInQrAvailability({ ...base, ...change })).toEqual({ open: false, reason });
  });
});

describe('lateIssueDecision (FAQ Q3: city staff after an app fault)', () => {
  const late: LateIssueFacts = {
    activityDate: '2026-06-01',
    now: new Date('2026-06-05T10:00:00+09:00'),
    activityCancelled: false,
    residentVerifiedAt: new Date('2026-05-20T10:00:00+09:00'),
    applied: true,
    capacityLimited: true,
    alreadyCheckedIn: false,
    reason: 'QR画面が表示できない不具合（障害番号 123）',
  };

  it('allows a make-up grant with a reason', () => {
    expect(lateIssueDecision(late)).toEqual({ ok: true, walkIn: false });
  });

  it('R-PT-3: counts a registration made late on the activity day itself', () => {
    expect(
      lateIssueDecision({ ...late, residentVerifiedAt: new Date('2026-06-01T23:59:59+09:00') }),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each<[string, Partial<LateIssueFacts>, string]>([
    ['without a reason', { reason: '  ' }, 'reason_required'],
    ['for a cancelled activity', { activityCancelled: true }, 'activity_cancelled'],
    ['before the activity day', { now: new Date('2026-05-31T10:00:00+09:00') }, 'activity_not_held_yet'],
    ['twice', { alreadyCheckedIn: true }, 'already_checked_in'],
    [
      'R-PT-3/FAQ Q6: registered with the card only after the day',
      { residentVerifiedAt: new Date('2026-06-02T00:00:00+09:00') },
      'not_verified_by_activity_day',
    ],
    ['R-PT-3: never registered', { residentVerifiedAt: null }, 'not_verified_by_activity_day'],
    ['R-PT-4: a walk-in to a capacity-limited activity', { applied: false }, 'not_applied'],
  ])('refuses %s', (_name, change, reason) => {
    expect(lateIssueDecision({ ...late, ...change })).toEqual({ ok: false, reason });
  });
});
