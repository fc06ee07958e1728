import { normalizeCheckInCode } from './check-in/fallback-code.ts';
import { parseCheckInScan, type CheckInScan } from './check-in/scan.ts';
import { checkInScanKind } from './check-in/token.ts';
import { findMiniApp, type MiniAppId } from './miniapps.ts';

/**
 * What a scanned QR code (or a typed code) means. One scanner routes every kind; later
 * kinds (shelter pass, coupon) join this union. Check-in (R-PT-1): the organizer's rotating
 * QR URL, or the six characters typed from under it.
 */
export type ScanPayload = { kind: 'install-miniapp'; miniAppId: MiniAppId } | CheckInScan;

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
  const checkIn = parseCheckInScan(trimmed, appOrigin);
  if (checkIn) return { ok: true, payload: checkIn };
  const path = codePath(trimmed, appOrigin);
  if (path === null) return { ok: false, reason: 'unknown_scan_code' };
  const [kind, value, ...rest] = path.split('/');
  if (kind === 'install' && value !== undefined) {
    const app = findMiniApp(value.toLowerCase());
    if (app) return { ok: true, payload: { kind: 'install-miniapp', miniAppId: app.id } };
  }
  // A typed check-in code as the scanner routes it: `/scan/checkin/K7M2QX` (see checkInCodePath).
  if (kind === checkInScanKind && value !== undefined && rest.length === 0) {
    const code = normalizeCheckInCode(value);
    if (code) return { ok: true, payload: { kind: 'checkin-code', code } };
  }
  return { ok: false, reason: 'unknown_scan_code' };
}

/**
 * The app path a check-in code is shown at: the QR token's own URL path, and for a typed code
 * the same place with the six characters instead of the token (a token is 114 characters,
 * so the two never meet). Both reach the one result screen.
 */
export function checkInCodePath(payload: CheckInScan): string {
  const value = payload.kind === 'checkin' ? payload.token : payload.code;
  return `${scanPathPrefix}${checkInScanKind}/${value}`;
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
