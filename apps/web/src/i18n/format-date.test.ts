import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime } from './format-date.ts';

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
