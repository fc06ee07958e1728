import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeIndividualNumber } from './individual-number.ts';

const fullWidth = (digits: string) =>
  digits.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const twelveDigits = fc.stringMatching(/^[0-9]{12}$/);
const noDigits = fc.string().map((s) => s.replace(/[0-9０-９]/g, 'x'));

describe('looksLikeIndividualNumber (R-ID-3)', () => {
  it.each([
    ['123456789012', true],
    ['１２３４５６７８９０１２', true],
    ['1234 5678 9012', true],
    ['1234-5678-9012', true],
    ['１２３４－５６７８－９０１２', true],
    ['1234　5678　9012', true],
    ['個人番号は1234 - 5678 - 9012です', true],
    ['1234567890123', true],
    ['12345678901', false],
    ['熊本県熊本市中央区手取本町1番1号', false],
    ['〒860-8601 熊本市中央区手取本町1-1', false],
    ['096-328-2111', false],
    ['1234-5678 号室 9012', false],
    ['熊本\u3000花子', false],
    ['', false],
  ])('%s → %s', (text, expected) => {
    expect(looksLikeIndividualNumber(text)).toBe(expected);
  });

  it('catches any 12 digits, half- or full-width, plain or in 4-4-4 groups, inside any text', () => {
    const grouped = (d: string, separator: string) =>
      [d.slice(0, 4), d.slice(4, 8), d.slice(8)].join(separator);
    const format = fc.constantFrom(
      (d: string) => d,
      (d: string) => fullWidth(d),
      (d: string) => grouped(d, ' '),
      (d: string) => grouped(d, '-'),
      (d: string) => fullWidth(grouped(d, '－')),
    );
    fc.assert(
      fc.property(noDigits, twelveDigits, format, noDigits, (before, digits, shape, after) => {
        expect(looksLikeIndividualNumber(`${before}${shape(digits)}${after}`)).toBe(true);
      }),
    );
  });

  it('never flags text whose digit runs are shorter than 12, even with separators', () => {
    const shortRun = fc.stringMatching(/^[0-9]{1,5}$/);
    fc.assert(
      fc.property(fc.array(shortRun, { maxLength: 6 }), (runs) => {
        // A letter between runs breaks them: only separators join digits.
        expect(looksLikeIndividualNumber(runs.join('番'))).toBe(false);
      }),
    );
  });
});
