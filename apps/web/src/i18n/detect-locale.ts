import { isLocale, pickLocale, type Locale } from '@kumamoto/domain';

/**
 * The language to show: the person's own choice when they made one with the switch,
 * otherwise the first of the browser's languages that we have (ja or en), otherwise Japanese.
 */
export function detectLocale(stored: string | null, browserLanguages: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  return pickLocale(browserLanguages.join(','));
}
