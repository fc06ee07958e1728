import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { festivalFacts, festivalStart, now } from './test-fixtures.ts';
import { nextToPromote, waitlistInOrder, waitlistPosition, type WaitlistEntry } from './waitlist.ts';

const entry = (applicationId: string, queuedAt: string, sequence: number): WaitlistEntry => ({
  applicationId,
  queuedAt: new Date(queuedAt),
  sequence,
});
const waitlist = [
  entry('c', '2026-02-02T10:00:00Z', 3),
  entry('a', '2026-02-01T10:00:00Z', 1),
  entry('b2', '2026-02-01T12:00:00Z', 5),
  entry('b1', '2026-02-01T12:00:00Z', 2),
];

describe('waiting list order (beyond the guide)', () => {
  it('is first come, first served, ties broken by arrival number', () => {
    expect(waitlistInOrder(waitlist).map((e) => e.applicationId)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('tells a resident their place in the queue', () => {
    expect(waitlistPosition(waitlist, 'b2')).toBe(3);
    expect(waitlistPosition(waitlist, 'zzz')).toBeNull();
  });
});

describe('nextToPromote', () => {
  const activity = festivalFacts({ capacity: 30 });

  it('moves the first in line into a freed place', () => {
    expect(
      nextToPromote({ activity, now, applicantCount: 29, waitlist }).map((e) => e.applicationId),
    ).toEqual(['a']);
  });

  it('moves as many as a raised capacity allows, and everyone when the capacity is removed', () => {
    const raised = festivalFacts({ capacity: 32 });
    expect(
      nextToPromote({ activity: raised, now, applicantCount: 30, waitlist }).map((e) => e.applicationId),
    ).toEqual(['a', 'b1']);
    expect(
      nextToPromote({ activity: festivalFacts({ capacity: null }), now, applicantCount: 30, waitlist }),
    ).toHaveLength(4);
  });

  it('moves nobody when no place is free', () => {
    expect(nextToPromote({ activity, now, applicantCount: 30, waitlist })).toEqual([]);
  });

  it('stops at the start, and for a cancelled activity', () => {
    expect(nextToPromote({ activity, now: festivalStart, applicantCount: 0, waitlist })).toEqual([]);
    const cancelled = festivalFacts({ cancelledAt: now });
    expect(nextToPromote({ activity: cancelled, now, applicantCount: 0, waitlist })).toEqual([]);
  });

  it('carries on past the application deadline: these people asked in time', () => {
    const deadlinePassed = festivalFacts({ applicationDeadline: new Date(now.getTime() - 1) });
    expect(nextToPromote({ activity: deadlinePassed, now, applicantCount: 29, waitlist })).toHaveLength(1);
  });

  it('never promotes beyond the capacity, and always the earliest', () => {
    const entries = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 40 })
      .map((sequences) =>
        sequences.map((sequence) => entry(`id${sequence}`, '2026-02-01T00:00:00Z', sequence)),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        entries,
        (capacity, count, list) => {
          const promoted = nextToPromote({
            activity: festivalFacts({ capacity }),
            now,
            applicantCount: count,
            waitlist: list,
          });
          expect(count + promoted.length).toBeLessThanOrEqual(Math.max(capacity, count));
          expect(promoted).toEqual(waitlistInOrder(list).slice(0, promoted.length));
          if (count < capacity) expect(promoted).toHaveLength(Math.min(capacity - count, list.length));
        },
      ),
    );
  });
});
