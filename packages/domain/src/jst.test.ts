import { describe, expect, it } from 'vitest';
import { jstDate, startOfJstDay } from './jst.ts';

describe('JST dates', () => {
  it.each([
    ['2026-03-31T14:59:59.999Z', '2026-03-31'],
    ['2026-03-31T15:00:00.000Z', '2026-04-01'],
    ['2024-02-28T15:00:00.000Z', '2024-02-29'],
    ['2025-12-31T15:00:00.000Z', '2026-01-01'],
  ])('%s is %s in Japan', (instant, date) => {
    expect(jstDate(new Date(instant))).toBe(date);
  });

  it('starts a JST day at 15:00 UTC the day before', () => {
    expect(startOfJstDay('2026-04-01').toISOString()).toBe('2026-03-31T15:00:00.000Z');
  });
});
