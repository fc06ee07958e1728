import {
  checkInSigningBytes,
  checkInTokenRefusal,
  decodeCheckInToken,
  encodeCheckInToken,
  type CheckInCodeRefusalReason,
  type CheckInEntry,
  type CheckInTokenPayload,
} from '@kumamoto/domain';
import { signingKey, type SigningKey } from '../../platform/signing-keys.ts';

/** The two keys a check-in uses: one signs the rotating QR tokens, the other the certificates. */
export interface CheckInKeys {
  checkIn: SigningKey;
  certificate: SigningKey;
}

const keysBySecret = new Map<string, CheckInKeys>();

/** The keys derived from SIGNING_KEY_SECRET, derived once per process. */
export function checkInKeys(secret: string): CheckInKeys {
  let keys = keysBySecret.get(secret);
  if (!keys) {
    keys = { checkIn: signingKey(secret, 'check-in'), certificate: signingKey(secret, 'certificate') };
    keysBySecret.set(secret, keys);
  }
  return keys;
}

/**
 * Ed25519 signatures are deterministic, so the token of one activity and window is always the
 * same: keep the recent ones instead of signing again for every poll of the organizer's screen
 * and every typed code. Bounded; cleared whole when full (it refills in one window).
 */
const tokenCache = new Map<string, string>();
const tokenCacheLimit = 20_000;

/** The signed token the organizer's QR code shows for `activityId` in `window` (R-PT-1). */
export function checkInToken(key: SigningKey, activityId: string, window: number): string {
  const id = activityId.toLowerCase();
  const cacheKey = `${id}:${window}`;
  const cached = tokenCache.get(cacheKey);
  if (cached) return cached;
  const payload: CheckInTokenPayload = { activityId: id, window };
  const token = encodeCheckInToken(payload, key.sign(checkInSigningBytes(payload)));
  remember(cacheKey, token);
  return token;
}

function remember(cacheKey: string, token: string): void {
  if (tokenCache.size >= tokenCacheLimit) tokenCache.clear();
  tokenCache.set(cacheKey, token);
}

export type TokenCheck =
  | { ok: true; payload: CheckInTokenPayload }
  | {
      ok: false;
      reason: CheckInCodeRefusalReason;
      /** Only when the signature held: the activity the token really was for. */
      activityId: string | null;
      /** What the token claimed, for the audit record of a forged one. */
      claimedActivityId: string | null;
    };

/**
 * A scanned token: well formed, signed by our key, and of an accepted window (the current one
 * and the one before, briefly: domain `checkInWindowTiming`), and for the expected activity when
 * the resident scanned from one activity's page.
 */
export function checkToken(
  key: SigningKey,
  token: string,
  now: Date,
  options: { entry?: CheckInEntry; expectedActivityId?: string } = {},
): TokenCheck {
  const decoded = decodeCheckInToken(token);
  if (!decoded.ok) return { ok: false, reason: decoded.reason, activityId: null, claimedActivityId: null };
  const { payload } = decoded;
  // Ed25519 signing is deterministic: the one token our key makes for this activity and window
  // is the one issued (and cached) for the screen. The same token scanned by thirty phones is
  // verified once; anything else goes through the full signature check.
  const cacheKey = `${payload.activityId}:${payload.window}`;
  // (Base64url here has one spelling per byte string, so the trimmed text is the token.)
  const text = token.trim();
  const known = tokenCache.get(cacheKey) === text;
  if (!known && !key.verify(decoded.signingBytes, decoded.signature))
    return {
      ok: false,
      reason: 'token_signature_invalid',
      activityId: null,
      claimedActivityId: payload.activityId,
    };
  if (!known) remember(cacheKey, text);
  const refusal = checkInTokenRefusal(payload, now, options);
  if (refusal)
    return {
      ok: false,
      reason: refusal,
      activityId: payload.activityId,
      claimedActivityId: payload.activityId,
    };
  return { ok: true, payload };
}
