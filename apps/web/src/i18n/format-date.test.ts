import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatTime, formatTimeRange } from './format-date.ts';

describe('dates are shown in Japan time', () => {
  // 23:30 UTC on the 23rd is already the 24th in Kumamoto.
  const instant = '2026-11-23T23:30:00Z';

  test('Japanese style with the weekday', () => {
    expect(formatDate(instant, 'ja')).toBe('2026年11月24日(火)');
    expect(formatDateTime(instant, 'ja')).toBe('2026年11月24日(火) 08:30');
  });

  test('English with the day before the month', () => {
    expect(formatDate(instant, 'en')).toBe('Tue, 24 November 2026');
  });
});

describe('activity times (guide section 12: 📅 2/18(火) 10:00 ~ 18:00)', () => {
  // 00:00 UTC is 9:00 in Kumamoto.
  const start = '2026-12-05T00:00:00Z';
  const end = '2026-12-05T02:00:00Z';

  test('a time without a leading zero, midnight as 0:00', () => {
    expect(formatTime(start, 'ja')).toBe('9:00');
    expect(formatTime('2026-12-05T15:00:00Z', 'ja')).toBe('0:00');
    expect(formatTime('2026-12-05T09:30:00Z', 'en')).toBe('18:30');
  });

  test('one day: the date once, then the two times', () => {
    expect(formatTimeRange(start, end, 'ja')).toBe('2026年12月5日(土) 9:00〜11:00');
    expect(formatTimeRange(start, end, 'en')).toBe('Sat, 5 December 2026, 9:00–11:00');
  });

  test('across midnight in Japan: the end names its own day', () => {
    const late = '2026-12-05T16:00:00Z'; // 1:00 on the 6th in Japan
    expect(formatTimeRange(start, late, 'ja')).toBe('2026年12月5日(土) 9:00〜2026年12月6日(日) 1:00');
    expect(formatTimeRange(start, late, 'en')).toBe(
      'Sat, 5 December 2026, 9:00 – Sun, 6 December 2026, 1:00',
    );
  });
});
