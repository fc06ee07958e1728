import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanPathPrefix } from '../scan-payload.ts';
import { parseCheckInScan } from './scan.ts';
import { checkInScanPath, checkInScanUrl, encodeCheckInToken } from './token.ts';

const origin = 'https://app.city.kumamoto.jp';
const activityId = '0b7c6f9e-3d2a-4e51-9f0a-6c1d2e3f4a5b';
const token = encodeCheckInToken({ activityId, window: 59_000_000 }, new Uint8Array(64).fill(7));

describe('parseCheckInScan (R-PT-1)', () => {
  it("lives under the scanner's path, so a phone camera opens the app's scanner", () => {
    expect(checkInScanPath.startsWith(scanPathPrefix)).toBe(true);
  });

  it('reads the check-in URL the organizer shows', () => {
    expect(parseCheckInScan(checkInScanUrl(origin, token), origin)).toEqual({
      kind: 'checkin',
      token,
      activityId,
    });
    expect(parseCheckInScan(` ${checkInScanUrl(origin, token)}/ \n`, origin)).toMatchObject({
      kind: 'checkin',
    });
  });

  it.each(['K7M2QX', 'k7m-2qx', ' K7M 2QX ', 'ｋ７ｍ２ｑｘ', 'checkin:K7M-2QX', 'K7M2QX'.replace('0', 'O')])(
    'reads the typed code %j',
    (typed) => {
      expect(parseCheckInScan(typed, origin)).toEqual({ kind: 'checkin-code', code: 'K7M2QX' });
    },
  );

  it.each([
    ['a damaged token', `${origin}/scan/checkin/${token.slice(0, -3)}`],
    ['a check-in URL on another site', checkInScanUrl('https://evil.example', token)],
    ['a look-alike host', checkInScanUrl('https://app.city.kumamoto.jp.evil.example', token)],
    ['an install code', `${origin}/scan/install/organizer`],
    ['a code one character short', 'K7M2Q'],
    ['a code with a letter that is never used', 'K7M2QU'],
    ['empty', ''],
  ])('ignores %s', (_name, text) => {
    expect(parseCheckInScan(text, origin)).toBeNull();
  });

  it('never throws, whatever is scanned', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseCheckInScan(text, origin);
      }),
    );
  });
});
