/**
 * Crockford's Base32 alphabet: digits and capitals without I, L, O and U. Codes people read
 * aloud or type (the check-in fallback code, certificate serials) use it because what is
 * shown has no look-alikes, and what is typed is forgiving: lower case, O for 0, and I or L
 * for 1 all read correctly.
 */
export const crockfordAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Upper case, O→0, I/L→1, and spaces and hyphens dropped; null if any other character remains. */
export function normalizeCrockford(input: string): string | null {
  const text = input
    .normalize('NFKC') // full-width ＡＢＣ１２３ from a Japanese keyboard
    .toUpperCase()
    .replace(/[\s\-‐-―−ー]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return [...text].every((char) => crockfordAlphabet.includes(char)) ? text : null;
}

/** `count` characters from the leading bits of `bytes` (5 bits each). */
export function crockfordFromBits(bytes: Uint8Array, count: number): string {
  if (count * 5 > bytes.length * 8) throw new RangeError('not enough bytes for that many characters');
  let text = '';
  for (let c = 0; c < count; c++) {
    let value = 0;
    for (let b = 0; b < 5; b++) {
      const bit = c * 5 + b;
      value = (value << 1) | (((bytes[bit >> 3] ?? 0) >> (7 - (bit & 7))) & 1);
    }
    text += crockfordAlphabet[value];
  }
  return text;
}

/**
 * The Luhn mod 32 check character of a Crockford string. It catches every single wrong
 * character and every swap of two neighbours except 0↔Z ("0Z"/"Z0").
 */
export function crockfordCheckCharacter(text: string): string {
  let sum = 0;
  let factor = 2;
  for (const char of [...text].reverse()) {
    const value = crockfordAlphabet.indexOf(char);
    if (value < 0) throw new RangeError(`not a Crockford character: ${char}`);
    const addend = value * factor;
    sum += Math.floor(addend / 32) + (addend % 32);
    factor = factor === 2 ? 1 : 2;
  }
  return crockfordAlphabet[(32 - (sum % 32)) % 32] as string;
}
