import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeIcsText, foldIcsLine, icsCalendar, type IcsEvent } from './ics.ts';

const festival: IcsEvent = {
  uid: 'activity-0b7e@kumamoto-app.example',
  stamp: new Date('2026-02-01T00:00:00.123Z'),
  start: new Date('2026-02-18T10:00:00+09:00'),
  end: new Date('2026-02-18T18:00:00+09:00'),
  summary: '【〇〇校区】地域を盛り上げよう! 〇〇祭り当日運営ボランティア',
  description: '飲み物、軍手、タオルは各自で持参\n連絡先: ●●(096-123-4567); 当日受付',
  location: '熊本市役所, 熊本市中央区手取本町1-1',
  url: 'https://kumamoto-app.example/volunteer/activities/0b7e',
  geo: { lat: 32.8031, lng: 130.7079 },
};

/** RFC 5545 section 3.1: a CRLF followed by one space or tab is removed to unfold. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/gu, '');
const octets = (text: string) => Buffer.byteLength(text, 'utf8');
/** The reverse of escapeIcsText, as a calendar reader does it. */
const unescape = (text: string) =>
  text.replace(/\\([\\;,nN])/gu, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('icsCalendar (RFC 5545)', () => {
  const ics = icsCalendar(festival);
  const lines = unfold(ics).split('\r\n');

  it('is a VCALENDAR with one VEVENT in Japan time, ending every line with CRLF', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/u);
    expect(lines.slice(0, 5)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Kumamoto City//Kumamoto App//JA',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
    ]);
    expect(lines).toContain('TZID:Asia/Tokyo');
    expect(lines).toContain('TZOFFSETTO:+0900');
    expect(lines).toContain('UID:activity-0b7e@kumamoto-app.example');
    expect(lines).toContain('DTSTAMP:20260201T000000Z');
    expect(lines).toContain('DTSTART;TZID=Asia/Tokyo:20260218T100000');
    expect(lines).toContain('DTEND;TZID=Asia/Tokyo:20260218T180000');
    expect(lines).toContain('SUMMARY:【〇〇校区】地域を盛り上げよう! 〇〇祭り当日運営ボランティア');
    expect(lines).toContain('LOCATION:熊本市役所\\, 熊本市中央区手取本町1-1');
    expect(lines).toContain(
      'DESCRIPTION:飲み物、軍手、タオルは各自で持参\\n連絡先: ●●(096-123-4567)\\; 当日受付',
    );
    expect(lines).toContain('URL:https://kumamoto-app.example/volunteer/activities/0b7e');
    expect(lines).toContain('GEO:32.803100;130.707900');
    expect(lines.slice(-3)).toEqual(['END:VEVENT', 'END:VCALENDAR', '']);
  });

  it('defines the time zone before the event that uses it', () => {
    expect(lines.indexOf('END:VTIMEZONE')).toBeLessThan(lines.indexOf('BEGIN:VEVENT'));
  });

  it('leaves out what is absent, and marks a cancelled event', () => {
    const bare = unfold(
      icsCalendar({ ...festival, geo: null, url: undefined, location: '', status: 'CANCELLED', sequence: 2 }),
    );
    expect(bare).not.toMatch(/^(GEO|URL|LOCATION):/mu);
    expect(bare).toMatch(/^STATUS:CANCELLED\r$/mu);
    expect(bare).toMatch(/^SEQUENCE:2\r$/mu);
  });

  it('refuses a link that is not http(s), since a URI value is not escaped', () => {
    expect(() => icsCalendar({ ...festival, url: 'javascript:alert(1)' })).toThrow();
  });

  it('folds long Japanese lines at 75 octets without splitting a character', () => {
    const bytes = Buffer.from(ics, 'utf8');
    const strict = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let i = 0; i < bytes.length - 1; i += 1) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(start, i);
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => strict.decode(line)).not.toThrow();
        start = i + 2;
      }
    }
    // The Japanese summary (8 + 3 × 35 octets) did need folding.
    expect(ics).toMatch(/SUMMARY:[^\r]*\r\n /u);
  });
});

describe('escapeIcsText', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(escapeIcsText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters TEXT may not hold, keeping tabs', () => {
    expect(escapeIcsText('a\u0000b\u0007c\td\u007F')).toBe('abc\td');
  });

  it('is undone by a reader’s unescaping', () => {
    const text = fc.string({ unit: fc.constantFrom('a', '清', '\\', ';', ',', '\n', ' ', 'n', '😀') });
    fc.assert(
      fc.property(text, (value) => {
        expect(unescape(escapeIcsText(value))).toBe(value);
      }),
    );
  });
});

describe('foldIcsLine', () => {
  it('leaves a short line alone', () => {
    expect(foldIcsLine('SUMMARY:清掃')).toBe('SUMMARY:清掃');
  });

  it('breaks 75-octet chunks, continuation lines starting with one space', () => {
    const folded = foldIcsLine(`SUMMARY:${'清'.repeat(40)}`);
    const parts = folded.split('\r\n');
    // 8 ASCII octets + 22 kanji = 74 octets; a 23rd kanji would make 77.
    expect(parts[0]).toBe(`SUMMARY:${'清'.repeat(22)}`);
    expect(parts[1]).toBe(` ${'清'.repeat(18)}`);
  });

  it('unfolds back to the same text, never over 75 octets, never splitting a character', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 200 });
    const japanese = fc.string({
      unit: fc.constantFrom('あ', '漢', '𠮷', '👍🏽', 'a', ' ', 'é'),
      maxLength: 400,
    });
    fc.assert(
      fc.property(fc.oneof(anyText, japanese), (text) => {
        const line = `DESCRIPTION:${escapeIcsText(text)}`;
        const folded = foldIcsLine(line);
        expect(unfold(folded)).toBe(line);
        const physical = folded.split('\r\n');
        physical.forEach((part, index) => {
          expect(octets(part)).toBeLessThanOrEqual(75);
          if (index > 0) expect(part.startsWith(' ')).toBe(true);
          // A surrogate pair (an emoji, 𠮷) split in two would leave halves on both sides.
          if (line.isWellFormed()) expect(part.isWellFormed()).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});
