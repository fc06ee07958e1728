import { verify } from 'node:crypto';
import { refuse, type JpkiResult } from './failures.ts';
import type { ParsedCertificate } from './certificate.ts';
import type { ParsedCrl } from './trust.ts';

/** CRL signature algorithms we accept, and the key type each needs. */
const crlAlgorithms: Readonly<Record<string, { hash: string; keyType: 'rsa' | 'ec' }>> = {
  '1.2.840.113549.1.1.11': { hash: 'sha256', keyType: 'rsa' },
  '1.2.840.113549.1.1.12': { hash: 'sha384', keyType: 'rsa' },
  '1.2.840.113549.1.1.13': { hash: 'sha512', keyType: 'rsa' },
  '1.2.840.10045.4.3.2': { hash: 'sha256', keyType: 'ec' },
  '1.2.840.10045.4.3.3': { hash: 'sha384', keyType: 'ec' },
};

/**
 * Every certificate on the path below the configured CA must be covered by a CRL from its
 * issuer that the issuer's key signed, that is current at `now`, and that does not list it.
 *
 * A stale CRL (nextUpdate passed) is refused as `crl_stale`: revocation status is then
 * unknown, and the JPKI signature certificate is revoked exactly when the four items change
 * (moving house, a new name), so accepting it could record an old address as verified.
 * The fix is operational (fetch CRLs on time), and the reason tells the operator so.
 */
export function checkRevocation(
  path: readonly ParsedCertificate[],
  crls: readonly ParsedCrl[],
  now: Date,
): JpkiResult<object> {
  for (let index = 0; index < path.length - 1; index += 1) {
    const subject = path[index];
    const issuer = path[index + 1];
    if (subject === undefined || issuer === undefined) break;
    const applicable = crls.filter((crl) => covers(crl, subject));
    const signed = applicable.filter((crl) => signedBy(crl, issuer));
    if (signed.length === 0) return refuse(applicable.length > 0 ? 'crl_signature_invalid' : 'crl_missing');
    const latest = signed.reduce((a, b) => (b.thisUpdate.getTime() > a.thisUpdate.getTime() ? b : a));
    if (latest.thisUpdate.getTime() > now.getTime()) return refuse('crl_not_yet_valid');
    if (latest.nextUpdate === undefined || latest.nextUpdate.getTime() < now.getTime())
      return refuse('crl_stale');
    if (latest.revoked.has(subject.serial)) return refuse('certificate_revoked');
  }
  return { ok: true };
}

/** Same issuer, and for a partitioned CRL, the partition the certificate points to. */
function covers(crl: ParsedCrl, certificate: ParsedCertificate): boolean {
  if (!crl.usable || crl.issuerKey !== certificate.issuerKey) return false;
  if (crl.scope.onlyUserCerts && certificate.isCa) return false;
  if (crl.scope.onlyCaCerts && !certificate.isCa) return false;
  const points = crl.scope.distributionPoints;
  return points === undefined || [...points].some((point) => certificate.crlDistributionPoints.has(point));
}

function signedBy(crl: ParsedCrl, issuer: ParsedCertificate): boolean {
  const algorithm = crlAlgorithms[crl.algorithm];
  const key = issuer.x509.publicKey;
  if (algorithm === undefined || key.asymmetricKeyType !== algorithm.keyType) return false;
  if (issuer.keyUsage !== undefined && !issuer.keyUsage.has('crlSign')) return false;
  try {
    return verify(algorithm.hash, crl.tbs, key, crl.signature);
  } catch {
    return false;
  }
}
