/**
 * iCalendar (RFC 5545) for "add to calendar": one VEVENT in a VCALENDAR, times in Japan with
 * their own VTIMEZONE so that every calendar app shows the activity at the right local time.
 */
export interface IcsEvent {
  /** Globally unique and stable for the activity, so a re-download updates, not duplicates. */
  uid: string;
  /** When this file was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** An absolute http(s) link back to the activity page. */
  url?: string;
  geo?: { lat: number; lng: number } | null;
  /** A cancelled activity tells calendars that already hold it to mark it so. */
  status?: 'CONFIRMED' | 'CANCELLED';
  /** Raised on every change the organizer makes, so calendars take the newer version. */
  sequence?: number;
}

export const icsContentType = 'text/calendar; charset=utf-8';
const tzid = 'Asia/Tokyo';
const jstOffsetMs = 9 * 60 * 60 * 1000;

/** Japan has had no daylight saving since 1951, so one STANDARD rule describes the zone. */
const tokyoTimeZone = [
  'BEGIN:VTIMEZONE',
  `TZID:${tzid}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0900',
  'TZOFFSETTO:+0900',
  'TZNAME:JST',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The whole .ics file: folded lines, each ended by CRLF (RFC 5545 section 3.1). */
export function icsCalendar(event: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kumamoto City//Kumamoto App//JA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...tokyoTimeZone,
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${utcDateTime(event.stamp)}`,
    `DTSTART;TZID=${tzid}:${tokyoDateTime(event.start)}`,
    `DTEND;TZID=${tzid}:${tokyoDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    ...optionalLine('LOCATION', event.location, escapeIcsText),
    ...optionalLine('DESCRIPTION', event.description, escapeIcsText),
    ...optionalLine('URL', event.url, icsUri),
    ...(event.geo ? [`GEO:${icsFloat(event.geo.lat)};${icsFloat(event.geo.lng)}`] : []),
    ...(event.status ? [`STATUS:${event.status}`] : []),
    ...(event.sequence !== undefined ? [`SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldIcsLine(line)}\r\n`).join('');
}

function optionalLine(name: string, value: string | undefined, encode: (value: string) => string): string[] {
  return value === undefined || value === '' ? [] : [`${name}:${encode(value)}`];
}

/**
 * A TEXT value (section 3.3.11): backslash, semicolon and comma are escaped, every kind of
 * line break becomes "\n", and other control characters, which TEXT may not contain, go.
 */
export function escapeIcsText(text: string): string {
  return (
    text
      .replace(/\\/gu, '\\\\')
      .replace(/;/gu, '\\;')
      .replace(/,/gu, '\\,')
      .replace(/\r\n|\r|\n/gu, '\\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000A-\u001F\u007F]/gu, '')
  );
}

/** A URI value is not escaped, so only a plain absolute http(s) URL is let through. */
function icsUri(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RangeError('an .ics URL must be http(s)');
  return url.href;
}

function icsFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError('a GEO coordinate must be a finite number');
  return value.toFixed(6);
}

/** 20250218T010000Z */
function utcDateTime(instant: Date): string {
  return `${basicFormat(instant)}Z`;
}

/** 20250218T100000: the wall-clock time in Japan, read with TZID=Asia/Tokyo. */
function tokyoDateTime(instant: Date): string {
  return basicFormat(new Date(instant.getTime() + jstOffsetMs));
}

function basicFormat(shifted: Date): string {
  return shifted
    .toISOString()
    .replace(/\.\d{3}Z$/u, '')
    .replace(/[-:]/gu, '');
}

const maxLineOctets = 75;

/** UTF-8 length of one code point (a lone surrogate is sent as U+FFFD, three octets). */
function utf8Octets(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so that no line is longer than 75 octets of UTF-8, not counting the
 * CRLF (section 3.1). A continuation line starts with one space, which counts toward its 75.
 * Breaks fall between characters (code points), never inside one: Japanese characters take
 * three octets and emoji four, and a split one would turn into garbage in strict readers.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char);
    if (octets + size > maxLineOctets) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}
