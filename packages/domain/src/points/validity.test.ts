import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../jst.ts';
import { addDays, isIsoDate } from './calendar.ts';
import { lastUsableDay, pointsExpireAt, pointsPerCheckIn, pointsUsableAt } from './validity.ts';

describe('R-PT-5 points per check-in', () => {
  it('is 100 for every activity', () => {
    expect(pointsPerCheckIn).toBe(100);
  });
});

describe('R-PT-6 lastUsableDay: one year counted from the day of grant', () => {
  it.each([
    ['2025-06-01', '2026-05-31', 'the example in the rule'],
    ['2025-01-01', '2025-12-31', 'a calendar year'],
    ['2025-03-01', '2026-02-28', 'the day after a common February'],
    ['2023-03-01', '2024-02-29', 'into a leap February'],
    ['2024-02-28', '2025-02-27', 'the day before a leap day'],
    ['2024-02-29', '2025-02-28', 'a leap day: next year has no 29 February, so its month end'],
    ['2027-02-28', '2028-02-27', 'a common 28 February into a leap year'],
    ['2025-03-31', '2026-03-30', 'the last day of a fiscal year does not lapse at the next year end'],
    ['2025-04-01', '2026-03-31', 'the first day of a fiscal year runs to its end'],
    ['2025-12-31', '2026-12-30', 'the year end'],
    ['2025-08-31', '2026-08-30', 'a 31-day month end'],
    ['2025-09-30', '2026-09-29', 'a 30-day month end'],
  ])('granted %s → usable through %s (%s)', (granted, last) => {
    expect(lastUsableDay(granted as IsoDate)).toBe(last);
  });

  it('always lasts 365 or 366 days and never ends on or before the grant', () => {
    const someDay = fc.integer({ min: 0, max: 365 * 400 }).map((offset) => addDays('2000-01-01', offset));
    fc.assert(
      fc.property(someDay, (granted) => {
        const last = lastUsableDay(granted);
        expect(isIsoDate(last)).toBe(true);
        const days = (Date.parse(last) - Date.parse(granted)) / 86_400_000 + 1;
        expect([365, 366]).toContain(days);
      }),
    );
  });

  it('never lets a later grant expire earlier', () => {
    const offset = fc.integer({ min: 0, max: 365 * 50 });
    fc.assert(
      fc.property(offset, offset, (a, b) => {
        const [x, y] = [addDays('2020-01-01', Math.min(a, b)), addDays('2020-01-01', Math.max(a, b))];
        expect(lastUsableDay(x) <= lastUsableDay(y)).toBe(true);
      }),
    );
  });
});

describe('R-PT-6 expiry instant (end of the last day in Japan, no job needed)', () => {
  const grantedAt = new Date('2025-06-01T01:30:00Z'); // 10:30 JST on 1 June

  it('expires at midnight JST after 2026-05-31', () => {
    expect(pointsExpireAt(grantedAt).toISOString()).toBe('2026-05-31T15:00:00.000Z');
  });

  it('uses the JST day of grant, not the UTC one', () => {
    // 08:00 JST on 1 June is still 31 May in UTC.
    expect(pointsExpireAt(new Date('2025-05-31T23:00:00Z')).toISOString()).toBe('2026-05-31T15:00:00.000Z');
  });

  it.each([
    ['2026-05-31T14:59:59.999Z', true, 'the last millisecond of 31 May JST'],
    ['2026-05-31T15:00:00.000Z', false, 'midnight starting 1 June JST'],
    ['2025-06-01T01:29:59.999Z', false, 'before the grant'],
    ['2025-06-01T01:30:00.000Z', true, 'at the grant'],
  ])('at %s usable is %s (%s)', (now, usable) => {
    expect(pointsUsableAt(grantedAt, new Date(now))).toBe(usable);
  });
});
