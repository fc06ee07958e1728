import { constants, verify } from 'node:crypto';
import { readJpkiAttributes, type JpkiAttributes } from './attributes.ts';
import { checkSignatureKeyUsage, checkValidity, buildPath } from './chain.ts';
import { challengeMessage, isChallengeShaped } from './challenge.ts';
import { parseCertificate, type ParsedCertificate } from './certificate.ts';
import { singleDer, type PemOrDer } from './der.ts';
import { refuse, type JpkiResult } from './failures.ts';
import { certificateBindingKey, personKey } from './keys.ts';
import { checkRevocation } from './revocation.ts';
import type { JpkiTrust } from './trust.ts';

/** What a native wrapper or a PC card reader sends after the card signed the challenge. */
export interface JpkiProof {
  /** The signature certificate (署名用電子証明書), PEM or DER. */
  certificate: PemOrDer;
  /** CA certificates the client includes; trusted only if they chain to a configured CA. */
  intermediates?: readonly PemOrDer[];
  /** RSASSA-PKCS1-v1_5 with SHA-256 over challengeMessage(challenge), as the card makes it. */
  signature: Uint8Array;
  challenge: string;
}

/** The four items (R-ID-1) and the keys to find the account; no certificate bytes. */
export interface JpkiIdentity extends JpkiAttributes {
  bindingKey: string;
  personKey: string;
  /** When this certificate lapses: the account may ask for a fresh proof by then. */
  certificateExpiresAt: Date;
}

export interface VerifyJpkiOptions {
  trust: JpkiTrust;
  now: Date;
  personKeySecret: string;
}

const maxIntermediates = 4;
const maxSignatureBytes = 1024;
const minModulusBits = 2048;

/**
 * Checks a card's answer to a challenge: the signature over the challenge with the
 * certificate's key, the chain to a configured CA, validity dates, revocation by a current
 * CRL, key usage, then reads the four items. The challenge must already have been consumed
 * (see verify-challenge-response.ts). Pure apart from CPU: no I/O, `now` is given.
 */
export function verifyJpkiProof(
  proof: JpkiProof,
  options: VerifyJpkiOptions,
): JpkiResult<{ identity: JpkiIdentity }> {
  const leafDer = singleDer(proof.certificate, 'CERTIFICATE');
  const leaf = leafDer && parseCertificate(leafDer);
  if (!leaf || !isChallengeShaped(proof.challenge)) return refuse('input_malformed');
  const key = leaf.x509.publicKey;
  if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < minModulusBits) {
    return refuse('unsupported_key');
  }
  if (!signatureVerifies(leaf, proof)) return refuse('signature_invalid');

  const intermediates = parseIntermediates(proof.intermediates ?? []);
  if (!intermediates) return refuse('input_malformed');
  const path = buildPath(leaf, intermediates, options.trust.anchors);
  if (!path) return refuse('untrusted_chain');
  for (const check of [
    () => checkValidity(path, options.now),
    () => checkSignatureKeyUsage(leaf),
    () => checkRevocation(path, options.trust.crls, options.now),
  ]) {
    const result = check();
    if (!result.ok) return result;
  }

  const read = readJpkiAttributes(leaf.asn);
  if (!read.ok) return read;
  const { attributes } = read;
  return {
    ok: true,
    identity: {
      ...attributes,
      bindingKey: certificateBindingKey(leaf),
      personKey: personKey(options.personKeySecret, attributes.name, attributes.birthDate),
      certificateExpiresAt: leaf.notAfter,
    },
  };
}

function signatureVerifies(leaf: ParsedCertificate, proof: JpkiProof): boolean {
  if (proof.signature.byteLength === 0 || proof.signature.byteLength > maxSignatureBytes) return false;
  try {
    const key = { key: leaf.x509.publicKey, padding: constants.RSA_PKCS1_PADDING };
    return verify('sha256', challengeMessage(proof.challenge), key, proof.signature);
  } catch {
    return false;
  }
}

function parseIntermediates(inputs: readonly PemOrDer[]): ParsedCertificate[] | undefined {
  if (inputs.length > maxIntermediates) return undefined;
  const parsed: ParsedCertificate[] = [];
  for (const input of inputs) {
    const der = singleDer(input, 'CERTIFICATE');
    const certificate = der && parseCertificate(der);
    if (!certificate) return undefined;
    parsed.push(certificate);
  }
  return parsed;
}
