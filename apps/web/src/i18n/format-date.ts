import { timeZone, type Locale } from '@kumamoto/domain';

const dateOptions: Intl.DateTimeFormatOptions = {
  timeZone,
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
};
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let cached = formatters.get(key);
  if (!cached) {
    // en-GB writes "Tue, 24 November 2026": day before month, unambiguous for every reader.
    const options = withTime
      ? ({ ...dateOptions, hour: '2-digit', minute: '2-digit' } as const)
      : dateOptions;
    cached = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', options);
    formatters.set(key, cached);
  }
  return cached;
}

/** A calendar date in Japan time: 2026年11月24日(火) / Tue, 24 November 2026. */
export function formatDate(value: Date | string, locale: Locale): string {
  return formatter(locale, false).format(new Date(value));
}

/** Date and time in Japan time: 2026年11月24日(火) 14:05. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return formatter(locale, true).format(new Date(value));
}
