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
