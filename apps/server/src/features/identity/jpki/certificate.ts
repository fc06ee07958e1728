import { X509Certificate } from 'node:crypto';
import { AsnConvert, AsnParser } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  CRLDistributionPoints,
  KeyUsage,
  id_ce_basicConstraints,
  id_ce_cRLDistributionPoints,
  id_ce_keyUsage,
  type KeyUsageType,
} from '@peculiar/asn1-x509';

/**
 * One certificate read twice: Node's X509Certificate (OpenSSL) checks signatures, names and
 * keys; the ASN.1 view reads the extensions Node does not expose (key usage bits, the JPKI
 * otherName entries, CRL distribution points). Only this module and its callers see the
 * bytes: nothing here is returned to a caller of verifyJpkiProof (the raw certificate is
 * not kept).
 */
export interface ParsedCertificate {
  x509: X509Certificate;
  asn: Certificate;
  der: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** DER of the issuer Name, hex: compared byte for byte with a CRL's issuer. */
  issuerKey: string;
  subjectKey: string;
  /** The serial number without leading zero bytes, lower-case hex. */
  serial: string;
  isCa: boolean;
  /** undefined when the certificate has no keyUsage extension. */
  keyUsage: ReadonlySet<KeyUsageType> | undefined;
  /** DER hex of each fullName GeneralName in cRLDistributionPoints. */
  crlDistributionPoints: ReadonlySet<string>;
  unhandledCriticalExtension: boolean;
}

/** The extensions this module acts on (or, for policies and key identifiers, may ignore). */
const handledExtensions = new Set([
  '2.5.29.14', // subjectKeyIdentifier
  '2.5.29.15', // keyUsage
  '2.5.29.17', // subjectAltName
  '2.5.29.19', // basicConstraints
  '2.5.29.31', // cRLDistributionPoints
  '2.5.29.32', // certificatePolicies
  '2.5.29.35', // authorityKeyIdentifier
  '2.5.29.37', // extKeyUsage
]);

export const maxCertificateBytes = 16 * 1024;

export function parseCertificate(der: Uint8Array): ParsedCertificate | undefined {
  if (der.byteLength === 0 || der.byteLength > maxCertificateBytes) return undefined;
  try {
    const x509 = new X509Certificate(der);
    const asn = AsnParser.parse(der, Certificate);
    const tbs = asn.tbsCertificate;
    const extensions = tbs.extensions ?? [];
    const extension = (id: string) => extensions.find((e) => e.extnID === id)?.extnValue;
    const keyUsage = extension(id_ce_keyUsage);
    const constraints = extension(id_ce_basicConstraints);
    const points = extension(id_ce_cRLDistributionPoints);
    return {
      x509,
      asn,
      der,
      notBefore: tbs.validity.notBefore.getTime(),
      notAfter: tbs.validity.notAfter.getTime(),
      issuerKey: hex(AsnConvert.serialize(tbs.issuer)),
      subjectKey: hex(AsnConvert.serialize(tbs.subject)),
      serial: serialHex(tbs.serialNumber),
      isCa: constraints !== undefined && AsnParser.parse(constraints, BasicConstraints).cA,
      keyUsage: keyUsage === undefined ? undefined : new Set(AsnParser.parse(keyUsage, KeyUsage).toJSON()),
      crlDistributionPoints: new Set(
        points === undefined
          ? []
          : AsnParser.parse(points, CRLDistributionPoints).flatMap((point) =>
              (point.distributionPoint?.fullName ?? []).map((name) => hex(AsnConvert.serialize(name))),
            ),
      ),
      unhandledCriticalExtension: extensions.some((e) => e.critical && !handledExtensions.has(e.extnID)),
    };
  } catch {
    return undefined;
  }
}

export function hex(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('hex');
}

/** INTEGER content bytes to a canonical key: DER may pad a positive serial with 0x00. */
export function serialHex(serial: ArrayBuffer): string {
  const bytes = new Uint8Array(serial);
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
  return hex(bytes.subarray(start));
}
