import { createHash } from 'node:crypto';
import { normalizeDetails, rightsEndForApproval, type ApplicationDraft } from '@kumamoto/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  organizerApplications,
  organizerDocuments,
  organizerEvents,
  organizerGroups,
  organizerMembers,
  users,
} from '../../db/schema.ts';
import { normalizedGroupName } from './applications.ts';
import type { Transaction } from './lifecycle-io.ts';

const samplePdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const day = 24 * 60 * 60 * 1000;

async function sampleDocument(tx: Transaction, ownerUserId: string, fileName: string, now: Date) {
  const [row] = await tx
    .insert(organizerDocuments)
    .values({
      ownerUserId,
      fileName,
      mediaType: 'application/pdf',
      size: samplePdf.length,
      sha256: createHash('sha256').update(samplePdf).digest('hex'),
      content: samplePdf,
      createdAt: now,
    })
    .returning({ id: organizerDocuments.id });
  if (!row) throw new Error('demo document not stored');
  return { id: row.id, fileName, mediaType: 'application/pdf', size: samplePdf.length };
}

async function sampleDraft(
  tx: Transaction,
  ownerUserId: string,
  name: string,
  now: Date,
): Promise<ApplicationDraft> {
  return normalizeDetails({
    category: 'machizukuri_committee',
    name,
    representative: '委員長 熊本 一郎',
    address: '熊本県熊本市中央区手取本町1-1',
    overview: '校区の清掃活動と防災訓練を行う。会員約80名。',
    website: '',
    phone: '096-328-2477',
    email: '',
    activityFields: ['environment', 'disaster_prevention'],
    trackRecord: '毎月第1日曜日に校区内の清掃（約40名参加）。',
    officerList: await sampleDocument(tx, ownerUserId, '役員名簿.pdf', now),
    bylaws: await sampleDocument(tx, ownerUserId, '会則.pdf', now),
    declaration: true,
  });
}

/**
 * Demo data for issue 4: an approved group (administrator `organizer-admin`, member
 * `organizer-member`), a pending application and a returned one (both by `resident`).
 * Idempotent: nothing is added once the demo group exists. Call after the personas are seeded.
 */
export async function seedOrganizerDemo(db: Database, { now = new Date() } = {}): Promise<boolean> {
  const personas = await db
    .select({ id: users.id, persona: users.persona })
    .from(users)
    .where(inArray(users.persona, ['organizer-admin', 'organizer-member', 'resident', 'city-reviewer']));
  const idOf = (key: string) => personas.find((row) => row.persona === key)?.id;
  const admin = idOf('organizer-admin');
  const member = idOf('organizer-member');
  const resident = idOf('resident');
  const reviewer = idOf('city-reviewer');
  if (!admin || !member || !resident || !reviewer) return false;
  const existing = await db
    .select({ id: organizerApplications.id })
    .from(organizerApplications)
    .where(eq(organizerApplications.applicantUserId, admin));
  if (existing.length > 0) return false;

  await db.transaction(async (tx) => {
    const application = async (
      applicant: string,
      name: string,
      status: 'submitted' | 'returned' | 'approved',
      submittedAt: Date,
    ) => {
      const details = await sampleDraft(tx, applicant, name, submittedAt);
      const [row] = await tx
        .insert(organizerApplications)
        .values({
          applicantUserId: applicant,
          status,
          details: details as unknown as Record<string, unknown>,
          normalizedName: normalizedGroupName(name),
          category: details.category,
          round: 1,
          createdAt: submittedAt,
          updatedAt: submittedAt,
          submittedAt,
        })
        .returning({ id: organizerApplications.id });
      if (!row) throw new Error('demo application not stored');
      await tx.insert(organizerEvents).values([
        {
          applicationId: row.id,
          event: 'application.create',
          round: 0,
          actorUserId: applicant,
          occurredAt: submittedAt,
        },
        {
          applicationId: row.id,
          event: 'application.submit',
          round: 1,
          actorUserId: applicant,
          occurredAt: submittedAt,
        },
      ]);
      return { id: row.id, details };
    };

    // The approved group, its administrator (R-ORG-5) and one member (R-ORG-7).
    const approvedAt = new Date(now.getTime() - 30 * day);
    const approved = await application(
      admin,
      '水前寺校区まちづくり委員会',
      'approved',
      new Date(approvedAt.getTime() - 7 * day),
    );
    const { declaration: _declaration, ...registered } = approved.details;
    const [group] = await tx
      .insert(organizerGroups)
      .values({
        applicationId: approved.id,
        details: registered,
        status: 'active',
        rightsEnd: rightsEndForApproval(approvedAt),
        createdAt: approvedAt,
        updatedAt: approvedAt,
      })
      .returning({ id: organizerGroups.id });
    if (!group) throw new Error('demo group not stored');
    await tx.insert(organizerEvents).values({
      applicationId: approved.id,
      groupId: group.id,
      event: 'application.approve',
      round: 1,
      actorUserId: reviewer,
      occurredAt: approvedAt,
    });
    await tx.insert(organizerMembers).values([
      { groupId: group.id, userId: admin, role: 'admin', joinedAt: approvedAt },
      { groupId: group.id, userId: member, role: 'member', joinedAt: approvedAt },
    ]);

    // A pending application and a returned one, for the review queue.
    await application(resident, '手取地区防犯パトロール隊', 'submitted', new Date(now.getTime() - 3 * day));
    const returned = await application(
      resident,
      '熊本城周辺清掃ボランティア会',
      'returned',
      new Date(now.getTime() - 10 * day),
    );
    await tx.insert(organizerEvents).values({
      applicationId: returned.id,
      event: 'application.return',
      round: 1,
      actorUserId: reviewer,
      reason: '会則の写真が読み取れません。もう一度撮影して添付してください。',
      occurredAt: new Date(now.getTime() - 8 * day),
    });
  });
  return true;
}
