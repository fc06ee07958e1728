import { checkInCodePath, installCodeUrl, parseScanPayload, type ScanPayload } from '@kumamoto/domain';

/**
 * Every scanned or typed code goes to the screen of its kind, at the same path its code URL
 * has: a phone's own camera app and our scanner land on one screen.
 */
export function payloadPath(payload: ScanPayload, origin: string): string {
  switch (payload.kind) {
    case 'install-miniapp':
      return new URL(installCodeUrl(origin, payload.miniAppId)).pathname;
    // The organizer's check-in QR (R-PT-1) and the short code typed from under it.
    case 'checkin':
    case 'checkin-code':
      return checkInCodePath(payload);
  }
}

export type ScanRoute = { ok: true; path: string } | { ok: false; reason: 'unknown_scan_code' };

/** Where a code (URL or short form such as `install:organizer`) should take the person. */
export function routeScannedText(text: string, origin: string): ScanRoute {
  const result = parseScanPayload(text, origin);
  return result.ok ? { ok: true, path: payloadPath(result.payload, origin) } : result;
}
