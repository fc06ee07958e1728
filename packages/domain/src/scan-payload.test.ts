import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniApps } from './miniapps.ts';
import { installCodeUrl, installShortCode, parseScanPayload } from './scan-payload.ts';

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
