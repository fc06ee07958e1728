import { createHash, createHmac } from 'node:crypto';
import type { IsoDate } from '@kumamoto/domain';
import type { ParsedCertificate } from './certificate.ts';

/**
 * Two keys that tie a verified identity to an account without the individual number (R-ID-3).
 *
 * bindingKey: this certificate (issuer + serial, unique by RFC 5280). It changes whenever the
 * card's signature certificate does: renewal every 5 years, a new card, and a move or a name
 * change (the certificate is revoked and reissued when the four items change). Because it is
 * issuer + serial, a revocation sweep can recompute it from a CRL's entries.
 *
 * personKey: the person across certificates, for the renewed-card case. HMAC over the
 * normalized name and birth date with a server secret, so a leaked table cannot be tested
 * against a list of names and dates. It is a hint, never proof: two people can share a name
 * and a birth date, and a name can change. Use it to offer "sign in to your existing account
 * to update it" (R-ID-1), never to merge accounts on its own.
 */
export function certificateBindingKey(certificate: ParsedCertificate): string {
  const issuer = Buffer.from(certificate.issuerKey, 'hex');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(issuer.length);
  const digest = createHash('sha256')
    .update(length)
    .update(issuer)
    .update(certificate.serial)
    .digest('base64url');
  return `jpki-cert:v1:${digest}`;
}

export function personKey(secret: string, name: string, birthDate: IsoDate): string {
  // An empty or short secret would make this a plain hash that a list of names can reverse.
  if (secret.length < 16) throw new Error('the JPKI person key secret must be at least 16 characters');
  const digest = createHmac('sha256', secret)
    .update(`jpki-person:v1\u0000${normalizeName(name)}\u0000${birthDate}`)
    .digest('base64url');
  return `jpki-person:v1:${digest}`;
}

/** Full-width and half-width forms alike, spaces (full-width ones included) dropped. */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, '');
}
