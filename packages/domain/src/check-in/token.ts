import { fromBase64Url, toBase64Url } from './base64url.ts';

/**
 * The check-in token the organizer's QR code carries (R-PT-1, issue 6): which activity, which
 * 30-second window, and an Ed25519 signature by the server. Compact binary, so the QR code
 * stays coarse enough to read at arm's length:
 *
 *   byte 0       format version (1)
 *   bytes 1–16   activity id (a UUID, as 16 bytes)
 *   bytes 17–20  window number, unsigned big-endian
 *   bytes 21–84  Ed25519 signature over `checkInSigningBytes(payload)`
 *
 * written as unpadded base64url: 114 characters. Signing and verifying happen on the server
 * (node:crypto); this side only builds and reads bytes, so the web can read a token it scanned.
 */
export interface CheckInTokenPayload {
  /** Lower-case UUID. */
  activityId: string;
  window: number;
}

const version = 1;
const payloadLength = 21;
export const ed25519SignatureLength = 64;
const tokenLength = payloadLength + ed25519SignatureLength;

/**
 * A fixed label in front of what is signed, so that a signature made for a check-in can never
 * pass as one for anything else the same key signs (certificates use their own label).
 */
const signingLabel = new TextEncoder().encode('kumamoto-app/check-in-token/v1\n');

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxWindow = 2 ** 32 - 1;

/** The exact bytes the server signs (and verifies) for a token. */
export function checkInSigningBytes(payload: CheckInTokenPayload): Uint8Array {
  const bytes = new Uint8Array(signingLabel.length + payloadLength);
  bytes.set(signingLabel);
  bytes.set(payloadBytes(payload), signingLabel.length);
  return bytes;
}

/** The token text for a payload and its signature. */
export function encodeCheckInToken(payload: CheckInTokenPayload, signature: Uint8Array): string {
  if (signature.length !== ed25519SignatureLength) throw new RangeError('an Ed25519 signature is 64 bytes');
  const bytes = new Uint8Array(tokenLength);
  bytes.set(payloadBytes(payload));
  bytes.set(signature, payloadLength);
  return toBase64Url(bytes);
}

export type DecodedCheckInToken =
  | { ok: true; payload: CheckInTokenPayload; signature: Uint8Array; signingBytes: Uint8Array }
  | { ok: false; reason: 'token_malformed' };

/**
 * Reads a token. `ok` says only that it is well formed: the server must still verify
 * `signature` over `signingBytes` with its public key, then the window and the activity.
 */
export function decodeCheckInToken(token: string): DecodedCheckInToken {
  const bytes = fromBase64Url(token.trim());
  if (!bytes || bytes.length !== tokenLength || bytes[0] !== version)
    return { ok: false, reason: 'token_malformed' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payload = { activityId: uuidFromBytes(bytes.subarray(1, 17)), window: view.getUint32(17) };
  return {
    ok: true,
    payload,
    signature: bytes.slice(payloadLength),
    signingBytes: checkInSigningBytes(payload),
  };
}

/** The kind of check-in codes among scan codes: `checkin:K7M2QX`, `/scan/checkin/<token>`. */
export const checkInScanKind = 'checkin';

/**
 * Where check-in URLs live: under the scanner's `scanPathPrefix` ('/scan/'), written out here
 * so that scan-payload.ts can import this module without an import cycle.
 */
export const checkInScanPath = `/scan/${checkInScanKind}/`;

/** The URL the QR code encodes, so that a phone's own camera opens the app at the scanner. */
export function checkInScanUrl(origin: string, token: string): string {
  return `${origin.replace(/\/+$/, '')}${checkInScanPath}${token}`;
}

function payloadBytes({ activityId, window }: CheckInTokenPayload): Uint8Array {
  if (!uuidPattern.test(activityId)) throw new RangeError('an activity id is a UUID');
  if (!Number.isInteger(window) || window < 0 || window > maxWindow)
    throw new RangeError('window out of range');
  const bytes = new Uint8Array(payloadLength);
  bytes[0] = version;
  const hex = activityId.replace(/-/g, '');
  for (let i = 0; i < 16; i++) bytes[1 + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  new DataView(bytes.buffer).setUint32(17, window);
  return bytes;
}

function uuidFromBytes(bytes: Uint8Array): string {
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
