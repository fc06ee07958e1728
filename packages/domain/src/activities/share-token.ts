/**
 * The unguessable part of an unlisted activity's link (URL限定公開). It is a separate random
 * value, not the activity id, so that an id seen elsewhere (a certificate, a check-in code, a
 * log line) does not open an unlisted activity, and so that an organizer can replace a link
 * that spread too far. 16 random bytes (128 bits) in base64url: 22 characters.
 */
export const shareTokenBytes = 16;
const shareTokenPattern = /^[A-Za-z0-9_-]{22}$/u;

/** Encodes random bytes (the caller draws them with crypto.getRandomValues) as a token. */
export function shareTokenFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== shareTokenBytes)
    throw new RangeError(`a share token needs ${shareTokenBytes} random bytes`);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let bits = 0;
  let value = 0;
  let token = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      token += alphabet[(value >> bits) & 63];
    }
    value &= (1 << bits) - 1;
  }
  return bits > 0 ? token + alphabet[(value << (6 - bits)) & 63] : token;
}

/** Whether a string has the shape of a share token: checked before any database lookup. */
export function isShareToken(value: string): boolean {
  return shareTokenPattern.test(value);
}
