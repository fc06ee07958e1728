import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniApps } from './miniapps.ts';
import { checkInScanUrl, encodeCheckInToken } from './check-in/token.ts';
import {
  checkInCodePath,
  installCodeUrl,
  installShortCode,
  parseScanPayload,
  scanPathPrefix,
} from './scan-payload.ts';

const origin = 'https://app.city.kumamoto.jp';

describe('parseScanPayload', () => {
  it.each(miniApps.map((app) => app.id))('reads the install URL and short code for %s', (id) => {
    const expected = { ok: true, payload: { kind: 'install-miniapp', miniAppId: id } };
    expect(parseScanPayload(installCodeUrl(origin, id), origin)).toEqual(expected);
    expect(parseScanPayload(installShortCode(id), origin)).toEqual(expected);
  });

  it('tolerates what people paste: spaces, capitals, a trailing slash', () => {
    expect(parseScanPayload(`  ${origin}/scan/install/organizer/ \n`, origin)).toMatchObject({ ok: true });
    expect(parseScanPayload('INSTALL:ORGANIZER', origin)).toMatchObject({ ok: true });
  });

  it.each([
    ['another site', 'https://evil.example/scan/install/organizer'],
    ['a look-alike host', 'https://app.city.kumamoto.jp.evil.example/scan/install/organizer'],
    ['another path', `${origin}/volunteer`],
    ['an unknown mini-app', `${origin}/scan/install/casino`],
    ['an unknown kind', 'pay:organizer'],
    ['plain text', 'こんにちは'],
    ['empty', ''],
  ])('refuses %s', (_name, text) => {
    expect(parseScanPayload(text, origin)).toEqual({ ok: false, reason: 'unknown_scan_code' });
  });

  it('never throws, whatever is scanned', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseScanPayload(text, origin);
        expect(typeof result.ok).toBe('boolean');
      }),
    );
  });
});

describe('parseScanPayload: check-in codes (R-PT-1)', () => {
  const activityId = '0b7c6f9e-3d2a-4e51-9f0a-6c1d2e3f4a5b';
  const token = encodeCheckInToken({ activityId, window: 59_000_000 }, new Uint8Array(64).fill(9));

  it("reads the organizer's QR URL as a check-in with its token", () => {
    expect(parseScanPayload(checkInScanUrl(origin, token), origin)).toEqual({
      ok: true,
      payload: { kind: 'checkin', token, activityId },
    });
  });

  it.each(['K7M-2QX', 'k7m2qx', 'ｋ７ｍ－２ｑｘ', 'checkin:K7M2QX', `${origin}/scan/checkin/K7M2QX`])(
    'reads the typed fallback code %j',
    (typed) => {
      expect(parseScanPayload(typed, origin)).toEqual({
        ok: true,
        payload: { kind: 'checkin-code', code: 'K7M2QX' },
      });
    },
  );

  it('routes both forms to a path that reads back as the same payload', () => {
    for (const text of [checkInScanUrl(origin, token), 'K7M-2QX']) {
      const first = parseScanPayload(text, origin);
      if (!first.ok || first.payload.kind === 'install-miniapp') throw new Error('not a check-in');
      const path = checkInCodePath(first.payload);
      expect(path.startsWith(scanPathPrefix)).toBe(true);
      expect(parseScanPayload(`${origin}${path}`, origin)).toEqual(first);
    }
  });

  it.each([
    ['a check-in URL on another site', checkInScanUrl('https://evil.example', token)],
    ['a damaged token', `${origin}/scan/checkin/${token.slice(0, -4)}`],
    ['a code in a longer path', `${origin}/scan/checkin/K7M2QX/extra`],
    ['a code of the wrong length', 'K7M2Q'],
    ['a code with a letter never used', 'K7M2QU'],
  ])('refuses %s', (_name, text) => {
    expect(parseScanPayload(text, origin)).toEqual({ ok: false, reason: 'unknown_scan_code' });
  });
});
