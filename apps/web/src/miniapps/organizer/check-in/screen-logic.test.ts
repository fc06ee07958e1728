import { describe, expect, test } from 'vitest';
import { codeStillAccepted, refusalSummary } from './screen-logic.ts';

describe("the organizer's check-in screen", () => {
  test('names the refusals it counts, in a fixed order, and groups the rest (issue 6)', () => {
    expect(
      refusalSummary({
        already_checked_in: 5,
        wrong_day: 1,
        not_applied: 2,
        token_expired: 3,
        code_not_recognised: 1,
        group_inactive: 2,
      }),
    ).toEqual([
      { group: 'not_applied', count: 2 },
      { group: 'already_checked_in', count: 5 },
      { group: 'expired', count: 4 },
      { group: 'other', count: 3 },
    ]);
    expect(refusalSummary({})).toEqual([]);
  });

  test('keeps showing the last code through a dropped connection only while the server accepts it', () => {
    const endsAt = '2026-06-01T01:00:30.000Z';
    const at = (iso: string) => new Date(iso).getTime();
    expect(codeStillAccepted(endsAt, at('2026-06-01T01:00:10Z'))).toBe(true);
    // One window later (R-PT-1: the previous code is accepted briefly).
    expect(codeStillAccepted(endsAt, at('2026-06-01T01:00:59.999Z'))).toBe(true);
    expect(codeStillAccepted(endsAt, at('2026-06-01T01:01:00Z'))).toBe(false);
    expect(codeStillAccepted(null, at('2026-06-01T01:00:10Z'))).toBe(false);
  });
});
