import type { CertificateContent } from './content.ts';
import type { ParsedSerial } from './serial.ts';

/** What the person at the verification page holds besides the serial. */
export type CertificateEvidence =
  /** From the certificate's QR code. */
  | { kind: 'signature'; signature: Uint8Array }
  /** Typed from a paper copy: the holder's name as printed. */
  | { kind: 'holder_name'; name: string };

export interface CertificateRecord {
  content: CertificateContent;
  signature: Uint8Array;
  revocation: { at: Date; reason: string } | null;
}

/**
 * The states of the public verification page (R-PT-10, issue 6). `unknown` reads the same to
 * the visitor whatever the cause, so the page never says whether a serial exists; `cause` is for
 * the server's audit log (a `record_signature_invalid` means stored data was altered).
 */
export type CertificateVerification =
  | { state: 'authentic'; certificate: CertificateContent }
  | { state: 'revoked'; certificate: CertificateContent; revokedAt: Date; reason: string }
  | { state: 'unknown'; cause: 'no_such_serial' | 'evidence_mismatch' | 'record_signature_invalid' }
  /** The check character failed or the text is no serial: most likely a typing mistake. */
  | { state: 'serial_mistyped' };

export interface VerificationFacts {
  serial: ParsedSerial;
  evidence: CertificateEvidence;
  /** The stored certificate with that serial, if any. */
  record: CertificateRecord | null;
  /** Whether `record.signature` verifies over `certificateSigningBytes(record.content)` (checked on the server). */
  recordSignatureValid: boolean;
}

export function certificateVerification(facts: VerificationFacts): CertificateVerification {
  if (!facts.serial.ok) return { state: 'serial_mistyped' };
  const { record } = facts;
  if (!record) return { state: 'unknown', cause: 'no_such_serial' };
  if (!evidenceMatches(facts.evidence, record)) return { state: 'unknown', cause: 'evidence_mismatch' };
  if (!facts.recordSignatureValid) return { state: 'unknown', cause: 'record_signature_invalid' };
  if (record.revocation)
    return {
      state: 'revoked',
      certificate: record.content,
      revokedAt: record.revocation.at,
      reason: record.revocation.reason,
    };
  return { state: 'authentic', certificate: record.content };
}

function evidenceMatches(evidence: CertificateEvidence, record: CertificateRecord): boolean {
  switch (evidence.kind) {
    case 'signature':
      return sameBytes(evidence.signature, record.signature);
    case 'holder_name':
      return comparableName(evidence.name) === comparableName(record.content.holderName);
  }
}

/**
 * A name as typed from paper compares equal to the card's however it is spaced or cased, in
 * full-width or half-width: 熊本(full-width space)花子 = 熊本花子, ＫＵＭＡＭＯＴＯ Hanako = kumamoto hanako.
 */
export function comparableName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
