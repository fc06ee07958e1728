import { randomToken } from '../../../platform/tokens.ts';
import {
  hanako,
  jpkiAttributes,
  makeCertificate,
  makeCrl,
  rsaKeyPair,
  signChallenge,
  toPem,
  usage,
  type CardHolder,
  type CertificateSpec,
  type CrlSpec,
  type KeyPair,
} from './test-pki.ts';
import { prepareJpkiTrust, type JpkiTrust } from './trust.ts';
import type { JpkiProof, VerifyJpkiOptions } from './verify-certificate.ts';

/** Test-only: one CA, one card, one stranger key, and builders with sensible defaults. */
export const testNow = new Date('2026-05-01T00:00:00Z');
export const at = (days: number): Date => new Date(testNow.getTime() + days * 86_400_000);
export const caName = 'JPKI Test Signature CA';

export interface TestPki {
  root: KeyPair;
  card: KeyPair;
  stranger: KeyPair;
  rootDer: Uint8Array;
  leaf(spec?: Partial<CertificateSpec> & { holder?: CardHolder }): Uint8Array;
  crl(spec?: Partial<CrlSpec>): Uint8Array;
  trust(crls?: readonly Uint8Array[], anchors?: readonly Uint8Array[]): JpkiTrust;
  proof(
    certificate: Uint8Array | string,
    options?: { signer?: KeyPair; intermediates?: Uint8Array[] },
  ): JpkiProof;
  options(trust?: JpkiTrust, now?: Date): VerifyJpkiOptions;
}

export async function makeTestPki(): Promise<TestPki> {
  const [root, card, stranger] = await Promise.all([rsaKeyPair(), rsaKeyPair(), rsaKeyPair()]);
  const rootDer = makeCertificate({
    subject: caName,
    issuer: caName,
    publicKey: root.publicKey,
    signingKey: root.privateKey,
    serial: 1,
    notBefore: at(-365),
    notAfter: at(3650),
    ca: true,
    keyUsage: usage.ca,
  });
  const pki: TestPki = {
    root,
    card,
    stranger,
    rootDer,
    leaf: ({ holder = hanako, ...spec } = {}) =>
      makeCertificate({
        subject: 'card-holder',
        issuer: caName,
        publicKey: card.publicKey,
        signingKey: root.privateKey,
        serial: 100,
        notBefore: at(-30),
        notAfter: at(5 * 365),
        keyUsage: usage.signature,
        otherNames: jpkiAttributes(holder),
        ...spec,
      }),
    crl: (spec = {}) =>
      makeCrl({
        issuer: caName,
        signingKey: root.privateKey,
        thisUpdate: at(-1),
        nextUpdate: at(1),
        ...spec,
      }),
    trust: (crls = [pki.crl()], anchors = [rootDer]) =>
      prepareJpkiTrust({
        anchors: anchors.map((der) => toPem(der, 'CERTIFICATE')),
        crls: crls.map((der) => toPem(der, 'X509 CRL')),
      }),
    proof: (certificate, { signer = card, intermediates } = {}) => {
      const challenge = randomToken();
      return {
        certificate,
        signature: signChallenge(signer.privateKey, challenge),
        challenge,
        ...(intermediates === undefined ? {} : { intermediates }),
      };
    },
    options: (trust = pki.trust(), now = testNow) => ({
      trust,
      now,
      personKeySecret: 'test-person-key-secret',
    }),
  };
  return pki;
}
