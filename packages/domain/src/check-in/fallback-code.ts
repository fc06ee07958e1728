import { crockfordFromBits, normalizeCrockford } from './crockford.ts';
import { decodeCheckInToken } from './token.ts';

/**
 * The short code the organizer's screen shows under the QR code, for a phone whose camera
 * cannot read it (issue 6): six characters, taken from the first 30 bits of the token's
 * signature. Only the holder of the signing key can produce a signature, so only the server
 * can produce the code; it changes with every window, like the QR code.
 *
 * A typed code names no activity: the server recomputes the codes of today's open activities
 * for the accepted windows (`acceptableCheckInWindows(now, 'typed')`) and finds the match.
 */
export const checkInCodeLength = 6;

/** The code for a token, e.g. 'K7M2QX'. */
export function checkInFallbackCode(token: string): string {
  const decoded = decodeCheckInToken(token);
  if (!decoded.ok) throw new RangeError('not a check-in token');
  return crockfordFromBits(decoded.signature, checkInCodeLength);
}

/** As shown on the organizer's screen, in two halves to read more easily: 'K7M-2QX'. */
export function formatCheckInCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/**
 * What a resident typed, as a code: case, spaces, hyphens, full-width letters and the
 * look-alikes O/0 and I/L/1 do not matter. Null if it cannot be a code at all.
 */
export function normalizeCheckInCode(input: string): string | null {
  const code = normalizeCrockford(input);
  return code !== null && code.length === checkInCodeLength ? code : null;
}
