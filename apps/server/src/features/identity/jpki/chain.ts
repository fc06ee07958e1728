import { refuse, type JpkiResult } from './failures.ts';
import type { ParsedCertificate } from './certificate.ts';

/** JPKI issues signature certificates straight from its CA; a few levels leave room to spare. */
const maxDepth = 4;

/**
 * A path from the leaf to one configured CA: leaf, intermediates..., anchor. Each step needs
 * the issuer's name to match and its key to verify the signature; a certificate that was
 * altered (say, a forged name) or issued by an unknown CA finds no path. Intermediates
 * come from the client and earn no trust of their own: they must be CAs and chain on.
 */
export function buildPath(
  leaf: ParsedCertificate,
  intermediates: readonly ParsedCertificate[],
  anchors: readonly ParsedCertificate[],
): ParsedCertificate[] | undefined {
  const search = (path: ParsedCertificate[]): ParsedCertificate[] | undefined => {
    const current = path[path.length - 1];
    if (current === undefined || path.length > maxDepth + 1) return undefined;
    for (const anchor of anchors) {
      if (issuedBy(current, anchor)) return [...path, anchor];
    }
    for (const candidate of intermediates) {
      if (path.some((seen) => seen.der === candidate.der) || !mayIssue(candidate)) continue;
      if (!issuedBy(current, candidate)) continue;
      const found = search([...path, candidate]);
      if (found) return found;
    }
    return undefined;
  };
  if (leaf.unhandledCriticalExtension) return undefined;
  return search([leaf]);
}

function issuedBy(subject: ParsedCertificate, issuer: ParsedCertificate): boolean {
  try {
    return subject.issuerKey === issuer.subjectKey && subject.x509.verify(issuer.x509.publicKey);
  } catch {
    return false;
  }
}

function mayIssue(ca: ParsedCertificate): boolean {
  return (
    ca.isCa && !ca.unhandledCriticalExtension && (ca.keyUsage === undefined || ca.keyUsage.has('keyCertSign'))
  );
}

/** Every certificate on the path, the configured CA included, must be valid at `now`. */
export function checkValidity(path: readonly ParsedCertificate[], now: Date): JpkiResult<object> {
  for (const certificate of path) {
    if (now.getTime() < certificate.notBefore.getTime()) return refuse('certificate_not_yet_valid');
    if (now.getTime() > certificate.notAfter.getTime()) return refuse('certificate_expired');
  }
  return { ok: true };
}

/**
 * The JPKI signature certificate's keyUsage is digitalSignature + nonRepudiation (critical).
 * Requiring both tells it from the user-authentication certificate (digitalSignature only),
 * which carries no identity items anyway; a CA certificate is never a person.
 */
export function checkSignatureKeyUsage(leaf: ParsedCertificate): JpkiResult<object> {
  const usage = leaf.keyUsage;
  if (leaf.isCa || !usage?.has('digitalSignature') || !usage.has('nonRepudiation')) {
    return refuse('key_usage_invalid');
  }
  return { ok: true };
}
