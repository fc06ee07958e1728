import { randomBytes } from 'node:crypto';
import {
  certificateSerial,
  certificateSerialRandomBytes,
  certificateSigningBytes,
  type CertificateContent,
} from '@kumamoto/domain';
import type { Database } from '../../db/client.ts';
import { attendances, certificates } from '../../db/schema.ts';
import { signingKey } from '../../platform/signing-keys.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { createUser } from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';

export interface IssuedCertificate {
  serial: string;
  /** base64url, as stored and as in the QR code's `s`. */
  signature: string;
  content: CertificateContent;
  userId: string;
  activityId: string;
  groupId: string;
}

/**
 * A certificate as the check-in transaction issues it (features/check-in/write-check-in.ts):
 * an attendance and a certificate row whose fields are signed with the server's certificate
 * key over the domain's `certificateSigningBytes`. For tests of what happens after issue.
 */
export async function issueTestCertificate(
  test: TestApp,
  input: {
    userId?: string;
    holderName?: string;
    activityId?: string;
    activityTitle?: string;
    groupName?: string;
    place?: string;
    startsAt?: Date;
    endsAt?: Date;
    issuedAt?: Date;
  } = {},
): Promise<IssuedCertificate> {
  const { db } = test.database;
  const holderName = input.holderName ?? '熊本 花子';
  const userId = input.userId ?? (await createUser(db, { identity: 'verified', displayName: holderName })).id;
  const startsAt = input.startsAt ?? new Date('2025-06-01T09:00:00+09:00');
  const endsAt = input.endsAt ?? new Date('2025-06-01T11:30:00+09:00');
  let activityId = input.activityId;
  let groupId = '';
  const groupName = input.groupName ?? '白川校区まちづくり委員会';
  if (!activityId) {
    const admin = await createUser(db, { identity: 'verified' });
    ({ groupId } = await createGroup(db, { adminUserId: admin.id, name: groupName }));
    ({ activityId } = await createActivity(db, groupId, {
      title: input.activityTitle ?? '【白川校区】白川河川敷の清掃活動',
      placeName: input.place ?? '白川河川敷（代継橋下）',
      startsAt,
      endsAt,
    }));
  }
  const issuedAt = input.issuedAt ?? new Date(endsAt.getTime() - 5 * 60_000);
  const content: CertificateContent = {
    serial: certificateSerial(2025, randomBytes(certificateSerialRandomBytes)),
    holderName,
    activityTitle: input.activityTitle ?? '【白川校区】白川河川敷の清掃活動',
    groupName,
    place: input.place ?? '白川河川敷（代継橋下）',
    startsAt,
    endsAt,
    issuedAt,
  };
  const signature = await writeSignedCertificate(db, test.config.signingKeySecret, {
    userId,
    activityId,
    content,
  });
  return { serial: content.serial, signature, content, userId, activityId, groupId };
}

/**
 * Writes an attendance and its certificate, signed as the server signs (Ed25519 with
 * `signingKey(secret, 'certificate')` over `certificateSigningBytes`). Returns the signature,
 * base64url. Also used by the browser journey, against the server's own database.
 */
export async function writeSignedCertificate(
  db: Database,
  secret: string,
  input: { userId: string; activityId: string; content: CertificateContent; revokedAt?: Date },
): Promise<string> {
  const { content } = input;
  const signature = Buffer.from(
    signingKey(secret, 'certificate').sign(certificateSigningBytes(content)),
  ).toString('base64url');
  const [attendance] = await db
    .insert(attendances)
    .values({
      activityId: input.activityId,
      userId: input.userId,
      walkIn: false,
      method: 'qr',
      checkedInAt: content.issuedAt,
    })
    .returning({ id: attendances.id });
  if (!attendance) throw new Error('attendance not created');
  await db.insert(certificates).values({
    serial: content.serial,
    attendanceId: attendance.id,
    activityId: input.activityId,
    userId: input.userId,
    holderName: content.holderName,
    activityTitle: content.activityTitle,
    groupName: content.groupName,
    place: content.place,
    startsAt: content.startsAt,
    endsAt: content.endsAt,
    issuedAt: content.issuedAt,
    signature,
    ...(input.revokedAt ? { revokedAt: input.revokedAt, revokeReason: 'テストのため取り消し' } : {}),
  });
  return signature;
}
