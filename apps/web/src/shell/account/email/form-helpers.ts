import { timeZone, type Locale } from '@kumamoto/domain';

/** A rough check before asking the server (which checks properly): something@something.tld. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** The clock time a code stops working, in Japan time: 14:05. */
export function formatClockTime(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(value));
}

/** Back to where sign-in was asked for; only paths inside this app (as SignInPage does). */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/mypage';
}
