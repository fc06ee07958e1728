import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  activityDurationMinutes,
  activityHours,
  certificateDisplay,
  formatDuration,
  type CertificateContent,
} from './content.ts';
import { certificateSerial, parseCertificateSerial } from './serial.ts';
import {
  certificateSigningBytes,
  certificateVerificationUrl,
  parseVerificationSignature,
} from './signing.ts';
import {
  certificateVerification,
  comparableName,
  type CertificateRecord,
  type VerificationFacts,
} from './verification.ts';

const content: CertificateContent = {
  serial: certificateSerial(2025, new Uint8Array([9, 8, 7, 6, 5])),
  holderName: '熊本 花子',
  activityTitle: '【白川校区】白川河川敷の清掃活動',
  groupName: '白川校区まちづくり委員会',
  place: '白川河川敷（代継橋下）',
  startsAt: new Date('2025-06-01T09:00:00+09:00'),
  endsAt: new Date('2025-06-01T11:30:00+09:00'),
  issuedAt: new Date('2025-06-01T11:25:00+09:00'),
};

describe('hours from start and end (R-PT-10)', () => {
  it('counts minutes and hours', () => {
    expect(activityDurationMinutes(content.startsAt, content.endsAt)).toBe(150);
    expect(activityHours(content.startsAt, content.endsAt)).toBe(2.5);
  });

  it('refuses an activity that ends before it starts', () => {
    expect(() => activityDurationMinutes(content.endsAt, content.startsAt)).toThrow(RangeError);
    expect(() => activityDurationMinutes(content.startsAt, content.startsAt)).toThrow(RangeError);
  });

  it.each([
    [150, '2時間30分', '2 hours 30 minutes'],
    [120, '2時間', '2 hours'],
    [60, '1時間', '1 hour'],
    [45, '45分', '45 minutes'],
    [61, '1時間1分', '1 hour 1 minute'],
  ])('%i minutes read %s / %s', (minutes, ja, en) => {
    expect(formatDuration(minutes, 'ja')).toBe(ja);
    expect(formatDuration(minutes, 'en')).toBe(en);
  });
});

describe('certificateDisplay', () => {
  it('prints the date in 和暦 in Japanese', () => {
    expect(certificateDisplay(content, 'ja')).toEqual({
      date: '令和7年6月1日',
      time: '09:00〜11:30',
      duration: '2時間30分',
      issuedOn: '令和7年6月1日',
    });
  });

  it('prints an unambiguous date in English', () => {
    expect(certificateDisplay(content, 'en')).toEqual({
      date: '1 June 2025',
      time: '09:00–11:30 (JST)',
      duration: '2 hours 30 minutes',
      issuedOn: '1 June 2025',
    });
  });

  it('uses the JST date and says when an activity ends after midnight', () => {
    const night = {
      ...content,
      startsAt: new Date('2025-06-01T22:00:00+09:00'), // 13:00 UTC, same date either way
      endsAt: new Date('2025-06-02T01:00:00+09:00'),
    };
    expect(certificateDisplay(night, 'ja')).toMatchObject({
      date: '令和7年6月1日',
      time: '22:00〜翌日01:00',
    });
    expect(certificateDisplay(night, 'en').time).toBe('22:00–01:00 the next day (JST)');
    const early = { ...content, startsAt: new Date('2025-06-01T07:00:00+09:00') }; // 31 May in UTC
    expect(certificateDisplay(early, 'en').date).toBe('1 June 2025');
  });
});

describe('certificate signature (R-PT-10: authentic and unchanged)', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signature = sign(null, certificateSigningBytes(content), privateKey);
  const verifies = (changed: CertificateContent) =>
    verify(null, certificateSigningBytes(changed), publicKey, signature);

  it('verifies the content it was made for', () => {
    expect(verifies(content)).toBe(true);
  });

  it.each<[string, Partial<CertificateContent>]>([
    ['the name', { holderName: '熊本 太郎' }],
    ['the activity', { activityTitle: '別の活動' }],
    ['the group', { groupName: '別の団体' }],
    ['the place', { place: '熊本城' }],
    ['the date', { startsAt: new Date('2025-06-02T09:00:00+09:00') }],
    ['the end time (and so the hours)', { endsAt: new Date('2025-06-01T15:30:00+09:00') }],
    ['the issue time', { issuedAt: new Date('2025-06-02T11:25:00+09:00') }],
    ['the serial', { serial: certificateSerial(2025, new Uint8Array(5)) }],
  ])('fails when %s is changed', (_name, change) => {
    expect(verifies({ ...content, ...change })).toBe(false);
  });

  it('cannot be confused by text that looks like a field separator', () => {
    const a = certificateSigningBytes({ ...content, holderName: 'A","B', activityTitle: 'C' });
    const b = certificateSigningBytes({ ...content, holderName: 'A', activityTitle: 'B","C' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('puts serial and signature in the QR URL, and reads the signature back', () => {
    const url = certificateVerificationUrl('https://app.city.kumamoto.jp/', content.serial, signature);
    expect(url).toMatch(
      new RegExp(`^https://app\\.city\\.kumamoto\\.jp/verify/${content.serial}\\?s=[A-Za-z0-9_-]{86}$`),
    );
    expect(parseVerificationSignature(new URL(url).searchParams.get('s'))).toEqual(new Uint8Array(signature));
  });

  it.each([null, '', 'abc', '!'.repeat(86)])('reads no signature from %j', (param) => {
    expect(parseVerificationSignature(param)).toBeNull();
  });
});

describe('certificateVerification: the page states', () => {
  const signature = new Uint8Array(64).fill(3);
  const record: CertificateRecord = { content, signature, revocation: null };
  const facts: VerificationFacts = {
    serial: parseCertificateSerial(content.serial),
    evidence: { kind: 'signature', signature },
    record,
    recordSignatureValid: true,
  };

  it('confirms an authentic certificate from its QR code', () => {
    expect(certificateVerification(facts)).toEqual({ state: 'authentic', certificate: content });
  });

  it('confirms from a paper copy with the holder name, however it is spaced', () => {
    const evidence = { kind: 'holder_name', name: '熊本　花子' } as const;
    expect(certificateVerification({ ...facts, evidence })).toMatchObject({ state: 'authentic' });
  });

  it('says a revoked certificate is revoked, with the reason', () => {
    const revocation = {
      at: new Date('2025-07-01T10:00:00+09:00'),
      reason: '不正な読み取りが確認されたため',
    };
    expect(certificateVerification({ ...facts, record: { ...record, revocation } })).toEqual({
      state: 'revoked',
      certificate: content,
      revokedAt: revocation.at,
      reason: revocation.reason,
    });
  });

  it.each<[string, Partial<VerificationFacts>, string]>([
    ['a serial nobody issued', { record: null }, 'no_such_serial'],
    [
      'a forged signature',
      { evidence: { kind: 'signature', signature: new Uint8Array(64) } },
      'evidence_mismatch',
    ],
    ['the wrong name', { evidence: { kind: 'holder_name', name: '熊本 太郎' } }, 'evidence_mismatch'],
    [
      'stored data that no longer matches its signature',
      { recordSignatureValid: false },
      'record_signature_invalid',
    ],
  ])('answers unknown for %s, without revealing which', (_name, change, cause) => {
    expect(certificateVerification({ ...facts, ...change })).toEqual({ state: 'unknown', cause });
  });

  it('does not reveal a revocation reason to someone without the evidence', () => {
    const revoked = { ...record, revocation: { at: new Date(), reason: 'x' } };
    const guess = { ...facts, record: revoked, evidence: { kind: 'holder_name', name: '誰か' } as const };
    expect(certificateVerification(guess)).toMatchObject({ state: 'unknown' });
  });

  it('points out a mistyped serial', () => {
    const typo = content.serial.slice(0, -1) + (content.serial.endsWith('A') ? 'B' : 'A');
    expect(certificateVerification({ ...facts, serial: parseCertificateSerial(typo) })).toEqual({
      state: 'serial_mistyped',
    });
  });

  it('compares names across width, case and spacing', () => {
    expect(comparableName('ＫＵＭＡＭＯＴＯ　Hanako')).toBe(comparableName('kumamoto hanako'));
    expect(comparableName('熊本 花子')).not.toBe(comparableName('熊本 太郎'));
  });
});
