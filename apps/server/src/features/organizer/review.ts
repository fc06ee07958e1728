import {
  normalizeDetails,
  type ApplicationDraft,
  type ApplicationStatus,
  type LifecycleActor,
  type RegisteredDetails,
} from '@kumamoto/domain';
import { and, asc, count, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  organizerApplications,
  organizerEvents,
  organizerGroups,
  organizerMembers,
  users,
} from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { sendNotice, type Outbox } from './notices.ts';
import { applicationView } from './applications.ts';
import { decide, lifecycleState, lockApplication, nameOf } from './lifecycle-io.ts';

export const queuePageSize = 20;

/** Applications waiting for the city by default (R-ORG-5: about a week). */
const awaitingReview: ApplicationStatus[] = ['submitted', 'resubmitted'];

/**
 * The review queue: filter by state, category and age (handed in at least `minAgeDays` ago),
 * oldest first, paged. Group names and categories only: no personal data, so not audited.
 */
export async function reviewQueue(
  db: Database,
  input: { statuses?: ApplicationStatus[]; category?: string; minAgeDays?: number; page: number; now: Date },
) {
  const conditions: SQL[] = [inArray(organizerApplications.status, input.statuses ?? awaitingReview)];
  if (input.category) conditions.push(eq(organizerApplications.category, input.category));
  if (input.minAgeDays !== undefined) {
    const before = new Date(input.now.getTime() - input.minAgeDays * 24 * 60 * 60 * 1000);
    conditions.push(lte(organizerApplications.submittedAt, before));
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: organizerApplications.id,
        status: organizerApplications.status,
        category: organizerApplications.category,
        details: organizerApplications.details,
        round: organizerApplications.round,
        submittedAt: organizerApplications.submittedAt,
        updatedAt: organizerApplications.updatedAt,
      })
      .from(organizerApplications)
      .where(where)
      .orderBy(asc(organizerApplications.submittedAt), asc(organizerApplications.id))
      .limit(queuePageSize)
      .offset((input.page - 1) * queuePageSize),
    db.select({ value: count() }).from(organizerApplications).where(where),
  ]);
  return {
    items: rows.map(({ details, ...row }) => ({ ...row, name: nameOf(details) })),
    total: total?.value ?? 0,
    page: input.page,
    pageSize: queuePageSize,
  };
}

/**
 * A reviewer opens an application: its personal data (representative, contact, applicant) is
 * shown, so the view is an audit event in the same transaction (R-PRIV-1, issue 4 item 8).
 */
export async function openForReview(
  db: Database,
  input: { id: string; actorUserId: string; actor: LifecycleActor; now: Date; requestId: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(organizerApplications).where(eq(organizerApplications.id, input.id));
    if (!row || row.status === 'draft') throw new AppError('not_found');
    const [applicant] = await tx
      .select({ id: users.id, displayName: users.displayName, identity: users.identityLevel })
      .from(users)
      .where(eq(users.id, row.applicantUserId));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.application.viewed',
      subjectType: 'organizer_application',
      subjectId: row.id,
      details: { status: row.status, round: row.round },
      requestId: input.requestId,
    });
    const view = await applicationView(tx, row, input.actor, input.now);
    return { ...view, applicant: applicant ?? null };
  });
}

/**
 * Approve (R-ORG-5): the group is created with the submitted details, the applicant becomes its
 * administrator, rights run to 31 March of this fiscal year (R-ORG-6), the applicant is told.
 * The row lock makes a second, simultaneous approval find the application already approved.
 */
export async function approveApplication(
  db: Database,
  input: {
    id: string;
    actorUserId: string;
    actor: LifecycleActor;
    reason?: string;
    now: Date;
    requestId: string;
    outbox?: Outbox;
  },
): Promise<{ groupId: string }> {
  return db.transaction(async (tx) => {
    const row = await lockApplication(tx, input.id);
    if (!row) throw new AppError('not_found');
    const { state } = decide(lifecycleState(row, null), 'application.approve', input.actor, {
      now: input.now,
      reason: input.reason,
    });
    if (!state.group) throw new AppError('internal');
    const { declaration: _declaration, ...registered } = row.details as unknown as ApplicationDraft;
    const details: RegisteredDetails = normalizeDetails(registered);
    await tx
      .update(organizerApplications)
      .set({ status: state.application, updatedAt: input.now })
      .where(eq(organizerApplications.id, row.id));
    const [group] = await tx
      .insert(organizerGroups)
      .values({
        applicationId: row.id,
        details: details as unknown as Record<string, unknown>,
        status: state.group.status,
        rightsEnd: state.group.rightsEnd,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .returning({ id: organizerGroups.id });
    if (!group) throw new AppError('internal');
    await tx
      .insert(organizerMembers)
      .values({ groupId: group.id, userId: row.applicantUserId, role: 'admin', joinedAt: input.now });
    const reason = input.reason?.trim() || null;
    await tx.insert(organizerEvents).values({
      applicationId: row.id,
      groupId: group.id,
      event: 'application.approve',
      round: row.round,
      actorUserId: input.actorUserId,
      reason,
      occurredAt: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.application.approve',
      subjectType: 'organizer_application',
      subjectId: row.id,
      reason,
      details: {
        from: row.status,
        to: state.application,
        groupId: group.id,
        rightsEnd: state.group.rightsEnd,
      },
      requestId: input.requestId,
    });
    await sendNotice(tx, input.outbox, {
      userId: row.applicantUserId,
      kind: 'organizer.application_approved',
      params: { groupName: details.name, rightsEnd: state.group.rightsEnd },
      link: `/organizer?group=${group.id}`,
    });
    return { groupId: group.id };
  });
}

/** Return with a written reason (required); the applicant edits and resubmits (R-ORG-5). */
export async function returnApplication(
  db: Database,
  input: {
    id: string;
    actorUserId: string;
    actor: LifecycleActor;
    reason?: string;
    now: Date;
    requestId: string;
    outbox?: Outbox;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await lockApplication(tx, input.id);
    if (!row) throw new AppError('not_found');
    const { state } = decide(lifecycleState(row, null), 'application.return', input.actor, {
      now: input.now,
      reason: input.reason,
    });
    const reason = input.reason?.trim() ?? '';
    await tx
      .update(organizerApplications)
      .set({ status: state.application, updatedAt: input.now })
      .where(eq(organizerApplications.id, row.id));
    await tx.insert(organizerEvents).values({
      applicationId: row.id,
      event: 'application.return',
      round: row.round,
      actorUserId: input.actorUserId,
      reason,
      occurredAt: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.application.return',
      subjectType: 'organizer_application',
      subjectId: row.id,
      reason,
      details: { from: row.status, to: state.application, round: row.round },
      requestId: input.requestId,
    });
    await sendNotice(tx, input.outbox, {
      userId: row.applicantUserId,
      kind: 'organizer.application_returned',
      params: { groupName: nameOf(row.details) },
      link: `/organizer?application=${row.id}`,
    });
  });
}
