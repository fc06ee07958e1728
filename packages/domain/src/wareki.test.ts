import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from './jst.ts';
import { addDays } from './points/calendar.ts';
import { formatEnglishDate, formatWareki, warekiYear } from './wareki.ts';

describe('formatWareki (R-PT-10 certificate date)', () => {
  it.each([
    ['2025-06-01', '令和7年6月1日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-12-31', '令和元年12月31日'],
    ['2020-01-01', '令和2年1月1日'],
    ['2019-04-30', '平成31年4月30日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1926-12-24', '大正15年12月24日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1912-07-29', '明治45年7月29日'],
    ['1873-01-01', '明治6年1月1日'],
    ['2024-02-29', '令和6年2月29日'],
  ])('%s is %s', (date, expected) => {
    expect(formatWareki(date as IsoDate)).toBe(expected);
  });

  it('refuses dates before Japan took the Gregorian calendar, and non-dates', () => {
    expect(() => formatWareki('1872-12-31')).toThrow(RangeError);
    expect(() => formatWareki('20250601' as IsoDate)).toThrow(RangeError);
  });

  it("agrees with ICU's Japanese calendar on every day from 1873", () => {
    const icu = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
      timeZone: 'UTC',
      era: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    });
    const anyDay = fc.integer({ min: 0, max: 200 * 366 }).map((n) => addDays('1873-01-01', n));
    fc.assert(
      fc.property(anyDay, (date) => {
        expect(formatWareki(date)).toBe(icu.format(new Date(date)).replace(/(\D)1年/, '$1元年'));
      }),
      { numRuns: 500 },
    );
  });

  it('names the era in English too', () => {
    expect(warekiYear('2025-06-01')).toMatchObject({ era: { name: { en: 'Reiwa' } }, year: 7 });
  });
});

describe('formatEnglishDate (English certificate)', () => {
  it.each([
    ['2025-06-01', '1 June 2025'],
    ['2026-12-31', '31 December 2026'],
    ['2024-02-29', '29 February 2024'],
  ])('%s is %s', (date, expected) => {
    expect(formatEnglishDate(date as IsoDate)).toBe(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => formatEnglishDate('2025-13-01')).toThrow(RangeError);
  });
});
