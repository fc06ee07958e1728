import { crockfordCheckCharacter, crockfordFromBits, normalizeCrockford } from '../check-in/crockford.ts';

/**
 * Certificate serial numbers (R-PT-10): KMA-2026-7QXM-4HDR.
 *
 *   KMA     the app
 *   2026    year of issue (JST), so a reader sees at once how old it is
 *   7QXM4HD 35 random bits, Crockford Base32 (no I, L, O, U): easy to read out and type
 *   R       check character (Luhn mod 32 over year and random part): a mistyped serial is
 *           told apart from a forged one without a lookup
 *
 * The serial is printed and is not secret: the verification page shows a certificate only to
 * someone who also holds its signature (the QR code) or the holder's name, so guessing serials
 * reveals nothing. 35 bits make collisions rare; the database's unique key refuses the rest
 * and the server draws again.
 */
export const certificateSerialPrefix = 'KMA';
export const certificateSerialRandomBytes = 5;
const randomChars = 7;

/** A serial from the year of issue and at least 5 random bytes (node:crypto randomBytes on the server). */
export function certificateSerial(year: number, random: Uint8Array): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError('year must have four digits');
  if (random.length < certificateSerialRandomBytes) throw new RangeError('need 5 random bytes');
  const body = crockfordFromBits(random, randomChars);
  const check = crockfordCheckCharacter(`${year}${body}`);
  const code = body + check;
  return `${certificateSerialPrefix}-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}

export type ParsedSerial =
  | { ok: true; serial: string; year: number }
  | { ok: false; reason: 'serial_malformed' | 'serial_check_failed' };

/**
 * Reads a serial as printed or as a person typed it (any case, spaces or hyphens anywhere,
 * full-width characters, O for 0, I or L for 1) into its canonical form.
 */
export function parseCertificateSerial(input: string): ParsedSerial {
  const text = normalizeCrockford(input);
  // normalizeCrockford has already refused any character outside the alphabet.
  const match = text === null ? null : /^KMA(\d{4})([0-9A-Z]{8})$/.exec(text);
  if (!match) return { ok: false, reason: 'serial_malformed' };
  const [, year = '', code = ''] = match;
  if (crockfordCheckCharacter(year + code.slice(0, randomChars)) !== code.slice(randomChars))
    return { ok: false, reason: 'serial_check_failed' };
  return {
    ok: true,
    serial: `${certificateSerialPrefix}-${year}-${code.slice(0, 4)}-${code.slice(4)}`,
    year: Number(year),
  };
}
