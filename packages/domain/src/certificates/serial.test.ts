import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crockfordAlphabet } from '../check-in/crockford.ts';
import { certificateSerial, parseCertificateSerial } from './serial.ts';

describe('certificate serial numbers (R-PT-10)', () => {
  it('reads KMA-year-XXXX-XXXX', () => {
    expect(certificateSerial(2026, randomBytes(5))).toMatch(
      /^KMA-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/,
    );
  });

  it('takes 35 random bits and a check character', () => {
    expect(certificateSerial(2026, new Uint8Array(5))).toBe(
      'KMA-2026-0000-000' + luhnMod32ByHand('2026' + '0000000'),
    );
    expect(certificateSerial(2026, new Uint8Array(5).fill(0xff)).slice(9, 18)).toMatch(/^ZZZZ-ZZZ/);
  });

  it('parses every serial it makes, back to itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2024, max: 2099 }),
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        (year, random) => {
          const serial = certificateSerial(year, random);
          expect(parseCertificateSerial(serial)).toEqual({ ok: true, serial, year });
        },
      ),
    );
  });

  it('reads a serial as people type it', () => {
    const serial = certificateSerial(2026, new Uint8Array([1, 2, 3, 4, 5]));
    const typed = ` ${serial.toLowerCase().replace(/-/g, ' ')} `;
    expect(parseCertificateSerial(typed)).toMatchObject({ ok: true, serial });
    expect(parseCertificateSerial(serial.replace(/0/g, 'O'))).toMatchObject({ ok: true, serial });
    const fullWidth = serial.replace(/[A-Z0-9-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect(parseCertificateSerial(fullWidth)).toMatchObject({ ok: true, serial });
  });

  it('tells a mistyped serial by its check character', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 5, maxLength: 5 }),
        fc.integer({ min: 9, max: 17 }),
        fc.constantFrom(...crockfordAlphabet),
        (random, at, char) => {
          const serial = certificateSerial(2026, random);
          fc.pre(serial[at] !== '-' && serial[at] !== char);
          const typo = serial.slice(0, at) + char + serial.slice(at + 1);
          expect(parseCertificateSerial(typo)).toEqual({ ok: false, reason: 'serial_check_failed' });
        },
      ),
    );
    const serial = certificateSerial(2026, new Uint8Array(5).fill(7));
    expect(parseCertificateSerial(serial.replace('2026', '2025'))).toEqual({
      ok: false,
      reason: 'serial_check_failed',
    });
  });

  it.each([
    '',
    'KMA-2026',
    'ABC-2026-0000-0000',
    'KMA-2026-0000-00000',
    'KMA-2026-UUUU-UUUU',
    'https://evil.example',
  ])('refuses %j as no serial', (input) => {
    expect(parseCertificateSerial(input)).toEqual({ ok: false, reason: 'serial_malformed' });
  });

  it('refuses a bad year or too few random bytes', () => {
    expect(() => certificateSerial(26, randomBytes(5))).toThrow(RangeError);
    expect(() => certificateSerial(2026, randomBytes(4))).toThrow(RangeError);
  });
});

function luhnMod32ByHand(text: string): string {
  // Luhn mod 32 of all zeros apart from the year, worked independently of the code under test.
  let sum = 0;
  [...text].reverse().forEach((char, i) => {
    const addend = crockfordAlphabet.indexOf(char) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(addend / 32) + (addend % 32);
  });
  return crockfordAlphabet[(32 - (sum % 32)) % 32]!;
}
