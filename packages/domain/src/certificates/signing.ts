import { fromBase64Url, toBase64Url } from '../check-in/base64url.ts';
import { ed25519SignatureLength } from '../check-in/token.ts';
import type { CertificateContent } from './content.ts';

/**
 * A fixed label in front of what is signed, so that a certificate signature can never pass as
 * a check-in token's (or the reverse), even under one key.
 */
const signingLabel = 'kumamoto-app/certificate/v1\n';

/**
 * The exact bytes the server signs with Ed25519 when it issues a certificate, and verifies
 * when the public page is asked about it (R-PT-10): every field printed on the certificate, in a
 * fixed order, as a JSON array of strings (one spelling for any text, whatever it contains),
 * with instants as ISO 8601 UTC. The strings are signed exactly as stored; the date in 和暦,
 * the times and the hours are all derived from the signed instants.
 */
export function certificateSigningBytes(content: CertificateContent): Uint8Array {
  const fields = [
    content.serial,
    content.holderName,
    content.activityTitle,
    content.groupName,
    content.place,
    content.startsAt.toISOString(),
    content.endsAt.toISOString(),
    content.issuedAt.toISOString(),
  ];
  return new TextEncoder().encode(signingLabel + JSON.stringify(fields));
}

/**
 * The URL the certificate's QR code encodes: the public verification page with the serial and
 * the signature. Holding the signature is what lets the page show the name and activity.
 */
export function certificateVerificationUrl(origin: string, serial: string, signature: Uint8Array): string {
  if (signature.length !== ed25519SignatureLength) throw new RangeError('an Ed25519 signature is 64 bytes');
  return `${origin.replace(/\/+$/, '')}/verify/${serial}?s=${toBase64Url(signature)}`;
}

/** The signature from the page's `s` parameter; null when absent or not a signature. */
export function parseVerificationSignature(param: string | null | undefined): Uint8Array | null {
  const bytes = param ? fromBase64Url(param) : null;
  return bytes && bytes.length === ed25519SignatureLength ? bytes : null;
}
