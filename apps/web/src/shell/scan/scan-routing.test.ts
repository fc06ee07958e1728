import { checkInScanUrl, encodeCheckInToken } from '@kumamoto/domain';
import { describe, expect, test } from 'vitest';
import { routeScannedText } from './scan-routing.ts';

const origin = 'https://app.example.jp';

describe('routing a scanned code', () => {
  test('an install URL and its short form go to the same confirmation screen', () => {
    const expected = { ok: true, path: '/scan/install/organizer' };
    expect(routeScannedText(`${origin}/scan/install/organizer`, origin)).toEqual(expected);
    expect(routeScannedText('  install:organizer\n', origin)).toEqual(expected);
    expect(routeScannedText('INSTALL:organizer', origin)).toEqual(expected);
  });

  test('codes of other sites or unknown mini-apps are refused', () => {
    const refused = { ok: false, reason: 'unknown_scan_code' };
    expect(routeScannedText('https://evil.example/scan/install/organizer', origin)).toEqual(refused);
    expect(routeScannedText('install:nothing', origin)).toEqual(refused);
    expect(routeScannedText('hello', origin)).toEqual(refused);
    expect(routeScannedText('', origin)).toEqual(refused);
  });
});

describe('routing a check-in code (R-PT-1)', () => {
  const token = encodeCheckInToken(
    { activityId: '0b7c6f9e-3d2a-4e51-9f0a-6c1d2e3f4a5b', window: 59_000_000 },
    new Uint8Array(64).fill(3),
  );

  test("the organizer's QR URL goes to its own path, as when the phone's camera opens it", () => {
    expect(routeScannedText(checkInScanUrl(origin, token), origin)).toEqual({
      ok: true,
      path: `/scan/checkin/${token}`,
    });
  });

  test('the typed fallback code is accepted in the forms people type it', () => {
    const expected = { ok: true, path: '/scan/checkin/K7M2QX' };
    for (const typed of ['K7M-2QX', ' k7m 2qx ', 'ｋ７ｍ２ｑｘ', 'checkin:k7m-2qx'])
      expect(routeScannedText(typed, origin)).toEqual(expected);
  });

  test('a check-in URL of another site is refused', () => {
    expect(routeScannedText(checkInScanUrl('https://evil.example', token), origin)).toEqual({
      ok: false,
      reason: 'unknown_scan_code',
    });
  });
});
