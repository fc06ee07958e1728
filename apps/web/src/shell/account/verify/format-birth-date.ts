import type { IsoDate, Locale } from '@kumamoto/domain';

const gregorian = {
  ja: new Intl.DateTimeFormat('ja-JP', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
};
const eraYear = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
  timeZone: 'UTC',
  era: 'long',
  year: 'numeric',
});

/**
 * A date of birth as Japanese documents write it: 1996年4月12日（平成8年）, with the era year
 * many older residents know their birth by; 12 April 1996 in English. No weekday, and no time
 * zone shift: it is a calendar date, not an instant.
 */
export function formatBirthDate(date: IsoDate, locale: Locale): string {
  const instant = new Date(`${date}T00:00:00Z`);
  if (locale === 'en') return gregorian.en.format(instant);
  return `${gregorian.ja.format(instant)}（${eraYear.format(instant)}）`;
}
