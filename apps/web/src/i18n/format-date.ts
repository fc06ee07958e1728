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

const timeFormatters = new Map<Locale, Intl.DateTimeFormat>();

/** A time of day in Japan time without a leading zero: 9:00, 18:30 (the guide's own style). */
export function formatTime(value: Date | string, locale: Locale): string {
  let cached = timeFormatters.get(locale);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone,
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    timeFormatters.set(locale, cached);
  }
  return cached.format(new Date(value));
}

/**
 * When an activity takes place, in Japan time: 2026年12月5日(土) 9:00〜11:00 /
 * Sat, 5 December 2026, 9:00–11:00. The end's date is written only when it falls on
 * another day in Japan.
 */
export function formatTimeRange(start: Date | string, end: Date | string, locale: Locale): string {
  const startDate = formatDate(start, locale);
  const endDate = formatDate(end, locale);
  const endPart = endDate === startDate ? formatTime(end, locale) : `${endDate} ${formatTime(end, locale)}`;
  return locale === 'ja'
    ? `${startDate} ${formatTime(start, locale)}〜${endPart}`
    : endDate === startDate
      ? `${startDate}, ${formatTime(start, locale)}–${endPart}`
      : `${startDate}, ${formatTime(start, locale)} – ${endDate}, ${formatTime(end, locale)}`;
}
