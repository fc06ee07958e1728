import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInFallbackCode, formatCheckInCode, normalizeCheckInCode } from './fallback-code.ts';
import {
  checkInSigningBytes,
  checkInScanUrl,
  decodeCheckInToken,
  encodeCheckInToken,
  type CheckInTokenPayload,
} from './token.ts';
import { checkInTokenRefusal } from './token-check.ts';
import {
  acceptableCheckInWindows,
  checkInWindowEndsAt,
  checkInWindowTiming,
  currentCheckInWindow,
  upcomingCheckInWindows,
} from './window.ts';

// The server's part, done here with node:crypto to prove the bytes work with a real key.
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signToken = (payload: CheckInTokenPayload) =>
  encodeCheckInToken(payload, sign(null, checkInSigningBytes(payload), privateKey));
const verifyToken = (token: string) => {
  const decoded = decodeCheckInToken(token);
  return decoded.ok && verify(null, decoded.signingBytes, publicKey, decoded.signature)
    ? decoded.payload
    : null;
};

const activityId = '0b7c6f9e-3d2a-4e51-9f0a-6c1d2e3f4a5b';
const at = (iso: string) => new Date(iso);

describe('check-in windows (30 s, previous one accepted)', () => {
  const now = at('2026-06-01T01:00:10Z');
  const current = currentCheckInWindow(now);

  it('numbers 30-second windows from the epoch', () => {
    expect(current).toBe(Math.floor(now.getTime() / 30_000));
    expect(currentCheckInWindow(at('2026-06-01T01:00:29.999Z'))).toBe(current);
    expect(currentCheckInWindow(at('2026-06-01T01:00:30Z'))).toBe(current + 1);
    expect(checkInWindowEndsAt(current)).toEqual(at('2026-06-01T01:00:30Z'));
  });

  it('accepts the current and the previous window from a scan, four from typing', () => {
    expect(acceptableCheckInWindows(now)).toEqual([current, current - 1]);
    expect(acceptableCheckInWindows(now, 'typed')).toEqual([current, current - 1, current - 2, current - 3]);
  });

  it.each([
    [0, 'accepted'],
    [-1, 'accepted'],
    [-2, 'expired'],
    [1, 'not_yet_valid'],
  ] as const)('a scanned code of window current%+d is %s', (offset, timing) => {
    expect(checkInWindowTiming(current + offset, now)).toBe(timing);
  });

  it('takes the next window from an organizer clock a few seconds fast', () => {
    expect(checkInWindowTiming(current + 1, at('2026-06-01T01:00:25Z'))).toBe('accepted');
    expect(checkInWindowTiming(current + 1, at('2026-06-01T01:00:24.999Z'))).toBe('not_yet_valid');
  });

  it('lists windows to sign ahead for the organizer screen', () => {
    expect(upcomingCheckInWindows(now, 3)).toEqual([current, current + 1, current + 2]);
  });
});

describe('check-in token', () => {
  const payload = { activityId, window: currentCheckInWindow(at('2026-06-01T01:00:10Z')) };

  it('round-trips and verifies with a real Ed25519 key', () => {
    const token = signToken(payload);
    expect(token).toMatch(/^[A-Za-z0-9_-]{114}$/);
    expect(verifyToken(token)).toEqual(payload);
  });

  it('reads back any activity and window', () => {
    fc.assert(
      fc.property(
        fc.uuid(),
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (id, window, sig) => {
          const decoded = decodeCheckInToken(encodeCheckInToken({ activityId: id, window }, sig));
          expect(decoded).toMatchObject({
            ok: true,
            payload: { activityId: id.toLowerCase(), window },
            signature: sig,
          });
        },
      ),
    );
  });

  it('fails verification when any byte is changed (tampered activity, window or signature)', () => {
    const token = signToken(payload);
    const bytes = Buffer.from(token, 'base64url');
    for (const index of [1, 16, 20, 21, 84]) {
      const tampered = Buffer.from(bytes);
      tampered[index]! ^= 1;
      expect(verifyToken(tampered.toString('base64url'))).toBeNull();
    }
  });

  it('signs under its own label, so a bare-payload signature does not verify', () => {
    const bare = checkInSigningBytes(payload).slice(-21);
    const token = encodeCheckInToken(payload, sign(null, bare, privateKey));
    expect(verifyToken(token)).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['cut short', signToken(payload).slice(0, 100)],
    ['not base64url', '!'.repeat(114)],
    ['another version', Buffer.from([2, ...new Uint8Array(84)]).toString('base64url')],
  ])('refuses a %s token as malformed', (_name, token) => {
    expect(decodeCheckInToken(token)).toEqual({ ok: false, reason: 'token_malformed' });
  });

  it('refuses to build a token for a non-UUID activity or a bad window', () => {
    const sig = new Uint8Array(64);
    expect(() => encodeCheckInToken({ activityId: '42', window: 1 }, sig)).toThrow(RangeError);
    expect(() => encodeCheckInToken({ activityId, window: -1 }, sig)).toThrow(RangeError);
    expect(() => encodeCheckInToken({ activityId, window: 1 }, new Uint8Array(10))).toThrow(RangeError);
  });

  it('lives at /scan/checkin/<token> on the app origin', () => {
    expect(checkInScanUrl('https://app.city.kumamoto.jp/', 'abc')).toBe(
      'https://app.city.kumamoto.jp/scan/checkin/abc',
    );
  });
});

describe('checkInTokenRefusal', () => {
  const now = at('2026-06-01T01:00:10Z');
  const window = currentCheckInWindow(now);

  it('accepts a current token', () => {
    expect(checkInTokenRefusal({ activityId, window }, now)).toBeNull();
    expect(
      checkInTokenRefusal({ activityId, window }, now, { expectedActivityId: activityId.toUpperCase() }),
    ).toBeNull();
  });

  it('refuses a photo passed on a minute later', () => {
    expect(checkInTokenRefusal({ activityId, window }, at('2026-06-01T01:01:10Z'))).toBe('token_expired');
  });

  it('gives a typed code two minutes', () => {
    expect(
      checkInTokenRefusal({ activityId, window }, at('2026-06-01T01:01:40Z'), { entry: 'typed' }),
    ).toBeNull();
    expect(checkInTokenRefusal({ activityId, window }, at('2026-06-01T01:02:00Z'), { entry: 'typed' })).toBe(
      'token_expired',
    );
  });

  it('refuses a window from the future and a token of another activity', () => {
    expect(checkInTokenRefusal({ activityId, window: window + 2 }, now)).toBe('token_not_yet_valid');
    expect(
      checkInTokenRefusal({ activityId, window }, now, {
        expectedActivityId: 'ffffffff-3d2a-4e51-9f0a-6c1d2e3f4a5b',
      }),
    ).toBe('token_other_activity');
  });
});

describe('typed fallback code', () => {
  it('is six unambiguous characters that change with the window', () => {
    const first = checkInFallbackCode(signToken({ activityId, window: 1000 }));
    const second = checkInFallbackCode(signToken({ activityId, window: 1001 }));
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(first).not.toBe(second);
  });

  it('is the leading 30 bits of the signature', () => {
    const token = encodeCheckInToken({ activityId, window: 1 }, new Uint8Array(64).fill(0xff));
    expect(checkInFallbackCode(token)).toBe('ZZZZZZ');
  });

  it('shows in two halves and reads back from what people type', () => {
    expect(formatCheckInCode('K7M2QX')).toBe('K7M-2QX');
    expect(normalizeCheckInCode(' k7m 2qx ')).toBe('K7M2QX');
    expect(normalizeCheckInCode('K7M-2QX')).toBe('K7M2QX');
    expect(normalizeCheckInCode('ｋ７ｍ２ｑｘ')).toBe('K7M2QX');
    expect(normalizeCheckInCode('K7M2Q')).toBeNull();
    expect(normalizeCheckInCode('K7M2QXX')).toBeNull();
  });

  it('refuses to derive a code from something that is not a token', () => {
    expect(() => checkInFallbackCode('nope')).toThrow(RangeError);
  });
});
