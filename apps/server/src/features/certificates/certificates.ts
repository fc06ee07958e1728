import {
  canIssuePoints,
  certificateSigningBytes,
  certificateVerification,
  parseCertificateSerial,
  parseVerificationSignature,
  type CertificateContent,
  type CertificateEvidence,
  type CertificateRecord,
  type ErrorCode,
  type GroupRefusal,
  type IsoDate,
} from '@kumamoto/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { activities, certificates, organizerGroups } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { SigningKey } from '../../platform/signing-keys.ts';
import { notify } from '../notifications/store.ts';
import { nameOf } from '../organizer/lifecycle-io.ts';

/**
 * Activity certificates after issue (R-PT-10, issue 6 part 4): the holder's list and PDF, the
 * public verification a school or employer makes, the city's revocation. The check-in
 * transaction issues them (features/check-in/write-check-in.ts).
 */
export type CertificateRow = typeof certificates.$inferSelect;

/** The signed content of a stored certificate; null once the holder deleted the account (no name). */
export function contentOf(row: CertificateRow): CertificateContent | null {
  if (row.holderName === null) return null;
  return {
    serial: row.serial,
    holderName: row.holderName,
    activityTitle: row.activityTitle,
    groupName: row.groupName,
    place: row.place,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    issuedAt: row.issuedAt,
  };
}

export function signatureOf(row: CertificateRow): Uint8Array {
  return new Uint8Array(Buffer.from(row.signature, 'base64url'));
}

/** The person's own certificates, the latest activity first. */
export async function listOwnCertificates(db: Database, userId: string): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificates)
    .where(eq(certificates.userId, userId))
    .orderBy(desc(certificates.startsAt), desc(certificates.issuedAt));
}

/**
 * One of the person's own certificates, to download. Someone else's serial reads as not found
 * (it reveals nothing); a revoked one is refused, so no revoked certificate is printed anew.
 */
export async function ownCertificate(
  db: Database,
  userId: string,
  serialInput: string,
): Promise<{ row: CertificateRow; content: CertificateContent }> {
  const serial = parseCertificateSerial(serialInput);
  if (!serial.ok) throw new AppError('certificate_not_found');
  const [row] = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.serial, serial.serial), eq(certificates.userId, userId)));
  const content = row ? contentOf(row) : null;
  if (!row || !content) throw new AppError('certificate_not_found');
  if (row.revokedAt) throw new AppError('certificate_revoked');
  return { row, content };
}

export type VerificationStatus = 'authentic' | 'revoked' | 'not_found' | 'altered';

export interface VerificationAnswer {
  status: VerificationStatus;
  serial: string;
  /** Only when the visitor holds the evidence (the QR code's signature, or the name as printed). */
  certificate: CertificateContent | null;
  revokedAt: Date | null;
}

/**
 * The public verification page's answer (R-PT-10). The stored fields are verified against their
 * signature on every request, so a row changed in the database reads as `altered`. Without the
 * evidence every other case reads `not_found`, so the page never says whether a serial exists
 * (domain `certificateVerification`). Each answer is audited, with the cause of a refusal.
 */
export async function verifyCertificate(
  db: Database,
  key: SigningKey,
  input: {
    serial: string;
    signature: string | undefined;
    name: string | undefined;
    requestId: string;
  },
): Promise<VerificationAnswer> {
  const serial = parseCertificateSerial(input.serial);
  const [row] = serial.ok
    ? await db.select().from(certificates).where(eq(certificates.serial, serial.serial))
    : [];
  const content = row ? contentOf(row) : null;
  const record: CertificateRecord | null =
    row && content
      ? {
          content,
          signature: signatureOf(row),
          revocation: row.revokedAt ? { at: row.revokedAt, reason: row.revokeReason ?? '' } : null,
        }
      : null;
  const evidence: CertificateEvidence =
    input.signature !== undefined || !input.name
      ? { kind: 'signature', signature: parseVerificationSignature(input.signature) ?? new Uint8Array() }
      : { kind: 'holder_name', name: input.name };
  const outcome = certificateVerification({
    serial,
    evidence,
    record,
    recordSignatureValid: record
      ? key.verify(certificateSigningBytes(record.content), record.signature)
      : false,
  });
  const canonical = serial.ok ? serial.serial : input.serial.trim().slice(0, 40);
  const cause =
    outcome.state === 'unknown'
      ? row && !content
        ? 'holder_deleted'
        : outcome.cause
      : outcome.state === 'serial_mistyped'
        ? 'serial_mistyped'
        : null;
  await recordAudit(db, {
    actorUserId: null,
    action:
      cause === 'record_signature_invalid' ? 'certificate.altered_detected' : 'certificate.verification',
    subjectType: 'certificate',
    subjectId: row?.id ?? null,
    details: { serial: canonical, outcome: outcome.state, cause, evidence: evidence.kind },
    requestId: input.requestId,
  });
  switch (outcome.state) {
    case 'authentic':
      return { status: 'authentic', serial: canonical, certificate: outcome.certificate, revokedAt: null };
    case 'revoked':
      return {
        status: 'revoked',
        serial: canonical,
        certificate: outcome.certificate,
        revokedAt: outcome.revokedAt,
      };
    case 'unknown':
      return {
        status: outcome.cause === 'record_signature_invalid' ? 'altered' : 'not_found',
        serial: canonical,
        certificate: null,
        revokedAt: null,
      };
    case 'serial_mistyped':
      return { status: 'not_found', serial: canonical, certificate: null, revokedAt: null };
  }
}

/** A serial typed by city staff, in its canonical form. */
function typedSerial(input: string): string {
  const serial = parseCertificateSerial(input);
  if (!serial.ok) throw new AppError('certificate_serial_invalid');
  return serial.serial;
}

/** A certificate as the city sees it before revoking (audited: it shows the holder's name). */
export async function cityCertificate(
  db: Database,
  input: { serial: string; actorUserId: string; requestId: string },
): Promise<CertificateRow> {
  const serial = typedSerial(input.serial);
  const [row] = await db.select().from(certificates).where(eq(certificates.serial, serial));
  if (!row) throw new AppError('certificate_not_found');
  await recordAudit(db, {
    actorUserId: input.actorUserId,
    action: 'certificate.view',
    subjectType: 'certificate',
    subjectId: row.id,
    details: { serial },
    requestId: input.requestId,
  });
  return row;
}

export const maxRevokeReasonLength = 500;

/**
 * The city revokes a certificate issued in error (policy `certificate.revoke`): with a reason,
 * audited, and the holder told in the inbox, all in one transaction. The verification page
 * then answers `revoked` with the date.
 */
export async function revokeCertificate(
  db: Database,
  input: { serial: string; reason: string; actorUserId: string; now: Date; requestId: string },
): Promise<{ serial: string; revokedAt: Date }> {
  const serial = typedSerial(input.serial);
  const reason = input.reason.trim();
  if (!reason) throw new AppError('certificate_reason_required');
  if ([...reason].length > maxRevokeReasonLength) throw new AppError('certificate_reason_too_long');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: certificates.id, userId: certificates.userId, revokedAt: certificates.revokedAt })
      .from(certificates)
      .where(eq(certificates.serial, serial))
      .for('update');
    if (!row) throw new AppError('certificate_not_found');
    if (row.revokedAt) throw new AppError('certificate_already_revoked');
    const updated = await tx
      .update(certificates)
      .set({ revokedAt: input.now, revokeReason: reason, revokedByUserId: input.actorUserId })
      .where(and(eq(certificates.id, row.id), isNull(certificates.revokedAt)))
      .returning({ id: certificates.id });
    if (updated.length !== 1) throw new AppError('certificate_already_revoked');
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'certificate.revoke',
      subjectType: 'certificate',
      subjectId: row.id,
      reason,
      details: { serial },
      requestId: input.requestId,
    });
    if (row.userId)
      await notify(tx, {
        userId: row.userId,
        kind: 'certificate_revoked',
        params: { serial },
        link: '/points/certificates',
      });
    return { serial, revokedAt: input.now };
  });
}

const codeByGroupRefusal: Record<GroupRefusal, ErrorCode> = {
  lapsed: 'organizer_group_lapsed',
  suspended: 'organizer_group_suspended',
  ended: 'organizer_group_ended',
  change_pending: 'organizer_wrong_state',
};

/** The activity and its group, for access checks and the paper form. */
export async function activityForPaperForm(db: Database, activityId: string) {
  const [row] = await db
    .select({
      activity: {
        id: activities.id,
        title: activities.title,
        placeName: activities.placeName,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
      },
      group: {
        id: organizerGroups.id,
        details: organizerGroups.details,
        status: organizerGroups.status,
        rightsEnd: organizerGroups.rightsEnd,
      },
    })
    .from(activities)
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .where(eq(activities.id, activityId));
  return row ?? null;
}

/**
 * What the paper form prints (R-PT-10): the activity and its group. A group that may not issue
 * points now (suspended, lapsed, ended: R-ORG-10) may not hand out paper certificates either.
 */
export function paperFormContent(
  found: NonNullable<Awaited<ReturnType<typeof activityForPaperForm>>>,
  now: Date,
) {
  const standing = canIssuePoints(
    { status: found.group.status, rightsEnd: found.group.rightsEnd as IsoDate },
    now,
  );
  if (!standing.ok) throw new AppError(codeByGroupRefusal[standing.reason]);
  return {
    activityTitle: found.activity.title,
    groupName: nameOf(found.group.details),
    place: found.activity.placeName,
    startsAt: found.activity.startsAt,
    endsAt: found.activity.endsAt,
  };
}
