import { describe, expect, it } from 'vitest';
import { formatBirthDate } from './format-birth-date.ts';

describe('formatBirthDate', () => {
  it('writes the Gregorian date with the era year in Japanese', () => {
    expect(formatBirthDate('1996-04-12', 'ja')).toBe('1996年4月12日（平成8年）');
    expect(formatBirthDate('2019-05-01', 'ja')).toBe('2019年5月1日（令和元年）');
    expect(formatBirthDate('1958-07-15', 'ja')).toBe('1958年7月15日（昭和33年）');
  });

  it('writes day, month, year in English, never shifted by the time zone', () => {
    expect(formatBirthDate('1996-04-12', 'en')).toBe('12 April 1996');
    expect(formatBirthDate('2000-01-01', 'en')).toBe('1 January 2000');
  });
});
