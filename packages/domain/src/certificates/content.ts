import { jstDate } from '../jst.ts';
import type { Locale } from '../locale.ts';
import { formatEnglishDate, formatWareki } from '../wareki.ts';

/**
 * What an activity certificate states (R-PT-10, issue 6). The PDF in Japanese and in English,
 * and the public verification page, are all drawn from this one record, and its signature
 * (`certificateSigningBytes`) covers every field, so none can be changed unnoticed.
 */
export interface CertificateContent {
  serial: string;
  /** As on the My Number Card (R-ID-1). */
  holderName: string;
  activityTitle: string;
  groupName: string;
  place: string;
  /** Planned start and end of the activity; its date is the JST date of the start. */
  startsAt: Date;
  endsAt: Date;
  /** When it was issued: at check-in, or later by the city after an app fault (FAQ Q3). */
  issuedAt: Date;
}

/** Minutes of activity, from its start and end times. */
export function activityDurationMinutes(startsAt: Date, endsAt: Date): number {
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
  if (!(minutes > 0)) throw new RangeError('an activity ends after it starts');
  return minutes;
}

/** Hours of activity as a number (2.5), for totals and statistics. */
export function activityHours(startsAt: Date, endsAt: Date): number {
  return activityDurationMinutes(startsAt, endsAt) / 60;
}

/** 2時間30分 / 2 hours 30 minutes; whole hours and minutes only as needed. */
export function formatDuration(minutes: number, locale: Locale): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (locale === 'ja')
    return `${hours > 0 ? `${hours}時間` : ''}${rest > 0 || hours === 0 ? `${rest}分` : ''}`;
  const parts = [
    hours > 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '',
    rest > 0 || hours === 0 ? `${rest} ${rest === 1 ? 'minute' : 'minutes'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** The certificate's date and time lines, ready to print, in Japan time. */
export interface CertificateDisplay {
  /** 令和7年6月1日 / 1 June 2025 */
  date: string;
  /** 10:00〜12:00 / 10:00–12:00 (JST); an end past midnight says so. */
  time: string;
  /** 2時間 / 2 hours */
  duration: string;
  /** The issue date, the same way as `date`. */
  issuedOn: string;
}

export function certificateDisplay(content: CertificateContent, locale: Locale): CertificateDisplay {
  const formatDate = locale === 'ja' ? formatWareki : formatEnglishDate;
  const nextDay = jstDate(content.endsAt) !== jstDate(content.startsAt);
  const [start, end] = [jstClock(content.startsAt), jstClock(content.endsAt)];
  const time =
    locale === 'ja'
      ? `${start}〜${nextDay ? '翌日' : ''}${end}`
      : `${start}–${end}${nextDay ? ' the next day' : ''} (JST)`;
  return {
    date: formatDate(jstDate(content.startsAt)),
    time,
    duration: formatDuration(activityDurationMinutes(content.startsAt, content.endsAt), locale),
    issuedOn: formatDate(jstDate(content.issuedAt)),
  };
}

/** 09:05 in Japan. */
function jstClock(instant: Date): string {
  const japan = new Date(instant.getTime() + 9 * 3_600_000);
  return `${String(japan.getUTCHours()).padStart(2, '0')}:${String(japan.getUTCMinutes()).padStart(2, '0')}`;
}
