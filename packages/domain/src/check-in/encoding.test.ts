import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import {
  crockfordAlphabet,
  crockfordCheckCharacter,
  crockfordFromBits,
  normalizeCrockford,
} from './crockford.ts';

describe('base64url', () => {
  it('matches Node for any bytes and reads back what it wrote', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it.each([
    ['a character outside the alphabet', 'ab+c'],
    ['padding', 'YQ=='],
    ['an impossible length', 'abcde'],
    ['non-zero leftover bits (a second spelling of the same bytes)', 'YR'],
  ])('refuses %s', (_name, text) => {
    expect(fromBase64Url(text)).toBeNull();
  });
});

describe("Crockford's Base32", () => {
  it('has 32 characters without I, L, O or U', () => {
    expect(crockfordAlphabet).toHaveLength(32);
    expect(crockfordAlphabet).not.toMatch(/[ILOU]/);
  });

  it('forgives case, look-alikes, separators and full-width input', () => {
    expect(normalizeCrockford('k7m-2qx')).toBe('K7M2QX');
    expect(normalizeCrockford('O1l i')).toBe('0111');
    expect(normalizeCrockford('ＫＭＡ－２０２６')).toBe('KMA2026');
    expect(normalizeCrockford('ab u')).toBeNull();
    expect(normalizeCrockford('あいう')).toBeNull();
  });

  it('takes characters from the leading bits', () => {
    expect(crockfordFromBits(new Uint8Array([0b00001_000, 0b10_11111_0, 0, 0]), 3)).toBe('12Z');
    expect(() => crockfordFromBits(new Uint8Array(3), 5)).toThrow(RangeError);
  });

  describe('check character (Luhn mod 32)', () => {
    const data = fc
      .array(fc.constantFrom(...crockfordAlphabet), { minLength: 2, maxLength: 12 })
      .map((c) => c.join(''));

    it('catches every single wrong character', () => {
      fc.assert(
        fc.property(data, fc.nat(), fc.constantFrom(...crockfordAlphabet), (text, at, replacement) => {
          const i = at % text.length;
          fc.pre(text[i] !== replacement);
          const typo = text.slice(0, i) + replacement + text.slice(i + 1);
          expect(crockfordCheckCharacter(typo)).not.toBe(crockfordCheckCharacter(text));
        }),
      );
    });

    it('catches every swap of neighbours except 0↔Z', () => {
      fc.assert(
        fc.property(data, fc.nat(), (text, at) => {
          const i = at % (text.length - 1);
          const [a, b] = [text[i]!, text[i + 1]!];
          fc.pre(a !== b && !(new Set([a, b]).has('0') && new Set([a, b]).has('Z')));
          const swapped = text.slice(0, i) + b + a + text.slice(i + 2);
          expect(crockfordCheckCharacter(swapped)).not.toBe(crockfordCheckCharacter(text));
        }),
      );
    });
  });
});
