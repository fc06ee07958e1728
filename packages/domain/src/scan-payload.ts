import { findMiniApp, type MiniAppId } from './miniapps.ts';

/**
 * What a scanned QR code (or a typed code) means. One scanner routes every kind; later
 * kinds (activity check-in, shelter pass, coupon) join this union.
 */
export type ScanPayload = { kind: 'install-miniapp'; miniAppId: MiniAppId };

export type ScanResult = { ok: true; payload: ScanPayload } | { ok: false; reason: 'unknown_scan_code' };

/** Path prefix of every code URL, so that a phone's own camera opens the app at the scanner. */
export const scanPathPrefix = '/scan/';

/** The text an install QR encodes: a URL on this app. */
export function installCodeUrl(origin: string, miniAppId: MiniAppId): string {
  return `${origin.replace(/\/+$/, '')}${scanPathPrefix}install/${miniAppId}`;
}

/** The short form a person can type when the camera cannot read the code. */
export function installShortCode(miniAppId: MiniAppId): string {
  return `install:${miniAppId}`;
}

/**
 * Reads a scanned or typed code. URLs are accepted only on this app's own origin, so a
 * look-alike code pointing elsewhere is refused rather than followed.
 */
export function parseScanPayload(text: string, appOrigin: string): ScanResult {
  const trimmed = text.trim();
  const path = codePath(trimmed, appOrigin);
  if (path === null) return { ok: false, reason: 'unknown_scan_code' };
  const [kind, value] = path.split('/');
  if (kind === 'install' && value !== undefined) {
    const app = findMiniApp(value.toLowerCase());
    if (app) return { ok: true, payload: { kind: 'install-miniapp', miniAppId: app.id } };
  }
  return { ok: false, reason: 'unknown_scan_code' };
}

/** `install/organizer` from either the URL form or the short `install:organizer` form. */
function codePath(text: string, appOrigin: string): string | null {
  const short = /^([a-z]+):([a-z0-9-]+)$/i.exec(text);
  if (short) return `${short[1]?.toLowerCase()}/${short[2]}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.origin !== new URL(appOrigin).origin || !url.pathname.startsWith(scanPathPrefix)) return null;
  return url.pathname.slice(scanPathPrefix.length).replace(/\/+$/, '');
}
