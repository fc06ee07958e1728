import type { IsoDate } from './jst.ts';
import type { Localized } from './locale.ts';

/**
 * Japanese era dates (和暦) for documents that schools and employers read in Japanese, such as
 * the activity certificate (R-PT-10, issue 6: 令和7年6月1日). A table rather than
 * Intl's Japanese calendar, so that the PDF on the server and the page in any browser print the
 * same text, and the first year of an era reads 元年 as official documents write it.
 */
export interface Era {
  /** First day of the era (Gregorian). */
  start: IsoDate;
  name: Localized;
}

/**
 * Newest first. Only from 1873 (明治6年): Japan used the lunisolar calendar before then, so an
 * earlier Gregorian date has no simple 和暦 month and day.
 */
export const eras: readonly Era[] = [
  { start: '2019-05-01', name: { ja: '令和', en: 'Reiwa' } },
  { start: '1989-01-08', name: { ja: '平成', en: 'Heisei' } },
  { start: '1926-12-25', name: { ja: '昭和', en: 'Showa' } },
  { start: '1912-07-30', name: { ja: '大正', en: 'Taisho' } },
  { start: '1868-01-25', name: { ja: '明治', en: 'Meiji' } },
];
const earliestSupported = '1873-01-01';

/** The era of a date and the year within it (1 for the first year). */
export function warekiYear(date: IsoDate): { era: Era; year: number } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < earliestSupported)
    throw new RangeError(`和暦 is supported from ${earliestSupported}: ${date}`);
  const era = eras.find((candidate) => candidate.start <= date);
  if (!era) throw new RangeError(`no era for ${date}`);
  return { era, year: Number(date.slice(0, 4)) - Number(era.start.slice(0, 4)) + 1 };
}

/** 令和7年6月1日; the first year of an era is 元年: 令和元年5月1日. */
export function formatWareki(date: IsoDate): string {
  const { era, year } = warekiYear(date);
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${era.name.ja}${year === 1 ? '元' : year}年${month}月${day}日`;
}

const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * The date on the English certificate: 1 June 2025. Day before month, as the app's English
 * screens write dates (en-GB), with the month in words so no reader can take it the wrong way.
 */
export function formatEnglishDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthName = englishMonths[month - 1];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !monthName || day < 1 || day > 31)
    throw new RangeError(`not a date: ${date}`);
  return `${day} ${monthName} ${year}`;
}
