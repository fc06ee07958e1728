import { normalizeCheckInCode } from './fallback-code.ts';
import { checkInScanKind, checkInScanPath, decodeCheckInToken } from './token.ts';

/**
 * A scanned or typed check-in code, in the shape of a scan payload so the one scanner can
 * route it (R-PT-1). The server still verifies the token's signature and time.
 */
export type CheckInScan =
  /** The organizer's rotating QR code: `${origin}/scan/checkin/<token>`. */
  | { kind: 'checkin'; token: string; activityId: string }
  /** The six characters typed from under that QR code when the camera cannot read it. */
  | { kind: 'checkin-code'; code: string };

/**
 * Reads text as a check-in code: the QR URL on this app's own origin (a look-alike host is
 * refused), a bare typed code ('K7M-2QX', any case or width), or 'checkin:K7M2QX'. Null for
 * anything else, so `parseScanPayload` can try it beside its other kinds.
 */
export function parseCheckInScan(text: string, appOrigin: string): CheckInScan | null {
  const trimmed = text.trim();
  const typed = normalizeCheckInCode(trimmed.replace(new RegExp(`^${checkInScanKind}:`, 'i'), ''));
  if (typed) return { kind: 'checkin-code', code: typed };
  const token = tokenFromUrl(trimmed, appOrigin);
  if (token === null) return null;
  const decoded = decodeCheckInToken(token);
  return decoded.ok ? { kind: 'checkin', token, activityId: decoded.payload.activityId } : null;
}

function tokenFromUrl(text: string, appOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.origin !== new URL(appOrigin).origin || !url.pathname.startsWith(checkInScanPath)) return null;
  return url.pathname.slice(checkInScanPath.length).replace(/\/+$/, '');
}
