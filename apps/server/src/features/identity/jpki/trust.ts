import { AsnConvert, AsnParser } from '@peculiar/asn1-schema';
import {
  CertificateList,
  IssuingDistributionPoint,
  id_ce_issuingDistributionPoint,
} from '@peculiar/asn1-x509';
import { hex, parseCertificate, serialHex, type ParsedCertificate } from './certificate.ts';
import { derBlocks, type PemOrDer } from './der.ts';

/**
 * What the city configures: the JPKI signing CA certificates it trusts and the CRLs it has
 * fetched. Parsed once (a CRL can be large) and rebuilt whenever a fresh CRL arrives.
 * A bad configuration throws: that is an operator error found at boot, not a refusal.
 */
export interface JpkiTrustConfig {
  anchors: readonly PemOrDer[];
  crls: readonly PemOrDer[];
}

export interface JpkiTrust {
  anchors: readonly ParsedCertificate[];
  crls: readonly ParsedCrl[];
}

export interface ParsedCrl {
  issuerKey: string;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  revoked: ReadonlySet<string>;
  tbs: Uint8Array;
  signature: Uint8Array;
  algorithm: string;
  /** False for CRL kinds this module does not interpret (delta, indirect, by-reason, unknown critical). */
  usable: boolean;
  /** From issuingDistributionPoint: the partition this CRL covers, if it is partitioned. */
  scope: {
    distributionPoints: ReadonlySet<string> | undefined;
    onlyUserCerts: boolean;
    onlyCaCerts: boolean;
  };
}

export function prepareJpkiTrust(config: JpkiTrustConfig): JpkiTrust {
  const anchors = config.anchors.flatMap((input) => derBlocks(input, 'CERTIFICATE')).map(parseCertificate);
  if (anchors.length === 0 || anchors.some((anchor) => anchor === undefined || !anchor.isCa)) {
    throw new Error('JPKI trust anchors must be one or more CA certificates (PEM or DER)');
  }
  const crls = config.crls.flatMap((input) => derBlocks(input, 'X509 CRL')).map(parseCrl);
  if (crls.some((crl) => crl === undefined)) throw new Error('a configured JPKI CRL does not parse');
  return { anchors: anchors as ParsedCertificate[], crls: crls as ParsedCrl[] };
}

const deltaCrlIndicator = '2.5.29.27';
const handledCrlExtensions = new Set([id_ce_issuingDistributionPoint, '2.5.29.20', '2.5.29.35']);

export function parseCrl(der: Uint8Array): ParsedCrl | undefined {
  try {
    const crl = AsnParser.parse(der, CertificateList);
    const tbs = crl.tbsCertList;
    if (crl.tbsCertListRaw === undefined) return undefined;
    const extensions = tbs.crlExtensions ?? [];
    const idpValue = extensions.find((e) => e.extnID === id_ce_issuingDistributionPoint)?.extnValue;
    const idp = idpValue === undefined ? undefined : AsnParser.parse(idpValue, IssuingDistributionPoint);
    const fullNames = idp?.distributionPoint?.fullName;
    const usable =
      crl.signatureAlgorithm.isEqual(tbs.signature) &&
      !extensions.some(
        (e) => e.extnID === deltaCrlIndicator || (e.critical && !handledCrlExtensions.has(e.extnID)),
      ) &&
      !(idp?.indirectCRL ?? false) &&
      !(idp?.onlyContainsAttributeCerts ?? false) &&
      idp?.onlySomeReasons === undefined &&
      idp?.distributionPoint?.nameRelativeToCRLIssuer === undefined;
    return {
      issuerKey: hex(AsnConvert.serialize(tbs.issuer)),
      thisUpdate: tbs.thisUpdate.getTime(),
      nextUpdate: tbs.nextUpdate?.getTime(),
      revoked: new Set((tbs.revokedCertificates ?? []).map((entry) => serialHex(entry.userCertificate))),
      tbs: new Uint8Array(crl.tbsCertListRaw),
      signature: new Uint8Array(crl.signature),
      algorithm: crl.signatureAlgorithm.algorithm,
      usable,
      scope: {
        distributionPoints: fullNames && new Set(fullNames.map((name) => hex(AsnConvert.serialize(name)))),
        onlyUserCerts: idp?.onlyContainsUserCerts ?? false,
        onlyCaCerts: idp?.onlyContainsCACerts ?? false,
      },
    };
  } catch {
    return undefined;
  }
}
