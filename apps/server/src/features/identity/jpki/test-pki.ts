import { generateKeyPair, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { AsnConvert, AsnParser, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  CertificateList,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  Extension,
  Extensions,
  GeneralName,
  IssuingDistributionPoint,
  KeyUsage,
  Name,
  OtherName,
  RelativeDistinguishedName,
  RevokedCertificate,
  SubjectAlternativeName,
  SubjectPublicKeyInfo,
  TBSCertList,
  TBSCertificate,
  Time,
  Validity,
  Version,
} from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { jpkiOtherNames } from './attributes.ts';
import { challengeMessage } from './challenge.ts';

/**
 * Test-only: a tiny CA that makes JPKI-shaped certificates and CRLs with keys generated in
 * the test run, so no key material is committed. Keys are the slow part: make few, reuse.
 */
export interface KeyPair {
  publicKey: KeyObject;
  privateKey: KeyObject;
}

export async function rsaKeyPair(): Promise<KeyPair> {
  return promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
}

const sha256WithRsa = () => new AlgorithmIdentifier({ algorithm: '1.2.840.113549.1.1.11', parameters: null });

export function dn(commonName: string): Name {
  const cn = new AttributeTypeAndValue({
    type: '2.5.4.3',
    value: new AttributeValue({ utf8String: commonName }),
  });
  const country = new AttributeTypeAndValue({
    type: '2.5.4.6',
    value: new AttributeValue({ printableString: 'JP' }),
  });
  return new Name([new RelativeDistinguishedName([country]), new RelativeDistinguishedName([cn])]);
}

/** digitalSignature 1, nonRepudiation 2, keyCertSign 32, cRLSign 64 (KeyUsageFlags). */
export const usage = { signature: 1 | 2, authentication: 1, ca: 32 | 64 } as const;

export interface CertificateSpec {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  serial: number;
  notBefore: Date;
  notAfter: Date;
  ca?: boolean;
  keyUsage?: number;
  otherNames?: readonly (readonly [oid: string, value: Uint8Array])[];
  crlDistributionPoint?: string;
  /** Adds a critical extension of this OID that no verifier here understands. */
  unknownCriticalExtension?: string;
}

export function makeCertificate(spec: CertificateSpec): Uint8Array {
  const extensions: Extension[] = [];
  if (spec.ca !== undefined)
    extensions.push(extension('2.5.29.19', true, new BasicConstraints({ cA: spec.ca })));
  if (spec.keyUsage !== undefined) extensions.push(extension('2.5.29.15', true, new KeyUsage(spec.keyUsage)));
  if (spec.otherNames) {
    const names = spec.otherNames.map(
      ([typeId, value]) =>
        new GeneralName({ otherName: new OtherName({ typeId, value: toArrayBuffer(value) }) }),
    );
    extensions.push(extension('2.5.29.17', false, new SubjectAlternativeName(names)));
  }
  if (spec.crlDistributionPoint !== undefined) {
    const point = new DistributionPoint({
      distributionPoint: new DistributionPointName({ fullName: [uri(spec.crlDistributionPoint)] }),
    });
    extensions.push(extension('2.5.29.31', false, new CRLDistributionPoints([point])));
  }
  if (spec.unknownCriticalExtension !== undefined) {
    const nullValue = new OctetString(Uint8Array.from([0x05, 0x00]));
    extensions.push(
      new Extension({ extnID: spec.unknownCriticalExtension, critical: true, extnValue: nullValue }),
    );
  }
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serialBytes(spec.serial),
    signature: sha256WithRsa(),
    issuer: dn(spec.issuer),
    validity: new Validity({ notBefore: spec.notBefore, notAfter: spec.notAfter }),
    subject: dn(spec.subject),
    subjectPublicKeyInfo: AsnParser.parse(
      spec.publicKey.export({ type: 'spki', format: 'der' }),
      SubjectPublicKeyInfo,
    ),
    extensions: new Extensions(extensions),
  });
  const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbs)), spec.signingKey);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: sha256WithRsa(),
    signatureValue: toArrayBuffer(signature),
  });
  return new Uint8Array(AsnConvert.serialize(certificate));
}

export interface CrlSpec {
  issuer: string;
  signingKey: KeyObject;
  thisUpdate: Date;
  nextUpdate?: Date;
  revoked?: readonly number[];
  /** Makes it a partitioned CRL covering only certificates that point to this URI. */
  partition?: string;
}

export function makeCrl(spec: CrlSpec): Uint8Array {
  const revoked = (spec.revoked ?? []).map(
    (serial) =>
      new RevokedCertificate({
        userCertificate: serialBytes(serial),
        revocationDate: new Time(spec.thisUpdate),
      }),
  );
  const crlExtensions =
    spec.partition === undefined
      ? undefined
      : [
          extension(
            '2.5.29.28',
            true,
            new IssuingDistributionPoint({
              distributionPoint: new DistributionPointName({ fullName: [uri(spec.partition)] }),
            }),
          ),
        ];
  const tbs = new TBSCertList({
    version: Version.v2,
    signature: sha256WithRsa(),
    issuer: dn(spec.issuer),
    thisUpdate: new Time(spec.thisUpdate),
    ...(spec.nextUpdate === undefined ? {} : { nextUpdate: new Time(spec.nextUpdate) }),
    ...(revoked.length === 0 ? {} : { revokedCertificates: revoked }),
    ...(crlExtensions === undefined ? {} : { crlExtensions }),
  });
  const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbs)), spec.signingKey);
  const crl = new CertificateList({
    tbsCertList: tbs,
    signatureAlgorithm: sha256WithRsa(),
    signature: toArrayBuffer(signature),
  });
  return new Uint8Array(AsnConvert.serialize(crl));
}

/** An otherName value as JPKI encodes it: one DER UTF8String. */
export function utf8(value: string): Uint8Array {
  return new Uint8Array(new asn1js.Utf8String({ value }).toBER());
}

export interface CardHolder {
  name?: string;
  gender?: string;
  birthDate?: string;
  address?: string;
  nameSubstitutes?: string;
  addressSubstitutes?: string;
}

/** The SAN entries of a JPKI signature certificate; leave a field out to omit it. */
export function jpkiAttributes(holder: CardHolder): [string, Uint8Array][] {
  return jpkiOtherNames.flatMap(({ oid, field }) => {
    const value = holder[field];
    return value === undefined ? [] : [[oid, utf8(value)] as [string, Uint8Array]];
  });
}

export const hanako: CardHolder = {
  name: '熊本\u3000花子',
  gender: '2',
  birthDate: '419900401', // 平成 (era 4), 1990-04-01
  address: '熊本県熊本市中央区手取本町1番1号',
  nameSubstitutes: '00000',
  addressSubstitutes: '0'.repeat(18),
};

export function signChallenge(privateKey: KeyObject, challenge: string): Uint8Array {
  return new Uint8Array(sign('sha256', challengeMessage(challenge), privateKey));
}

export function toPem(der: Uint8Array, label: 'CERTIFICATE' | 'X509 CRL'): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}

function extension(extnID: string, critical: boolean, value: object): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });
}

function uri(value: string): GeneralName {
  return new GeneralName({ uniformResourceIdentifier: value });
}

function serialBytes(serial: number): ArrayBuffer {
  return toArrayBuffer(Buffer.from([0x01, (serial >> 8) & 0xff, serial & 0xff]));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
