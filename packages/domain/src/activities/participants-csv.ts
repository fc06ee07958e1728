import type { Locale, Localized } from '../locale.ts';
import { genderLabels, type ParticipantView } from './participants.ts';

const headers: Record<'name' | 'age' | 'gender', Localized> = {
  name: { ja: '氏名', en: 'Name' },
  age: { ja: '年齢', en: 'Age' },
  gender: { ja: '性別', en: 'Gender' },
};

/**
 * The participant list as CSV for the organizer (R-ID-4: name, age, gender only). UTF-8 with
 * a byte order mark so that Excel opens Japanese correctly, CRLF line ends (RFC 4180).
 */
export function participantsCsv(participants: readonly ParticipantView[], locale: Locale): string {
  const rows = [
    [headers.name[locale], headers.age[locale], headers.gender[locale]],
    ...participants.map((p) => [
      p.name,
      p.age === null ? '' : String(p.age),
      p.gender ? genderLabels[p.gender][locale] : '',
    ]),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * Quotes a field when needed, and defuses spreadsheet formulas: a display name is chosen by
 * the resident, and "=HYPERLINK(…)" typed as a name must reach the organizer's Excel as text,
 * not as a formula (CSV injection). A leading apostrophe makes Excel treat it as text.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
