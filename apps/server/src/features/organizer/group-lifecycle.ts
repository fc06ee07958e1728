import {
  checkChangeApplication,
  diffRegisteredDetails,
  lifecycleEvents,
  rightsPhase,
  type IsoDate,
  type LifecycleActor,
  type LifecycleEvent,
  type LifecycleRule,
  type RegisteredDetails,
  type Role,
} from '@kumamoto/domain';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  organizerAnnouncements,
  organizerApplications,
  organizerEvents,
  organizerGroups,
  organizerMembers,
  organizerRequests,
} from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { sendNotice, type Outbox } from './notices.ts';
import type { DraftInput } from './applications.ts';
import { resolveDetails } from './applications.ts';
import {
  cityActor,
  decide,
  latestRequests,
  lifecycleState,
  lockGroup,
  nameOf,
  organizerSettings,
  type Db,
  type GroupRow,
  type Transaction,
} from './lifecycle-io.ts';

/** Events a group's administrator sends (R-ORG-6, R-ORG-8, R-ORG-9). */
export const groupSideEvents = [
  'change.submit',
  'change.resubmit',
  'change.withdraw',
  'renewal.submit',
  'renewal.resubmit',
  'renewal.withdraw',
  'termination.request',
  'termination.withdraw',
] as const satisfies readonly LifecycleEvent[];

/** Events the city sends: reviews (R-ORG-5 … R-ORG-9) and sanctions (R-ORG-10). */
export const citySideEvents = [
  'change.approve',
  'change.return',
  'renewal.approve',
  'renewal.return',
  'termination.complete',
  'group.suspend',
  'group.resume',
  'group.end',
] as const satisfies readonly LifecycleEvent[];

export type GroupEvent = (typeof groupSideEvents)[number] | (typeof citySideEvents)[number];

export function isGroupEvent(value: string): value is GroupEvent {
  return (lifecycleEvents as readonly string[]).includes(value) && !value.startsWith('application.');
}

async function groupActor(db: Db, groupId: string, userId: string, roles: readonly Role[], city: boolean) {
  if (city) return cityActor(roles) ?? 'other_resident';
  const [row] = await db
    .select({ role: organizerMembers.role })
    .from(organizerMembers)
    .where(and(eq(organizerMembers.groupId, groupId), eq(organizerMembers.userId, userId)));
  if (!row) return null;
  return row.role === 'admin' ? 'group_admin' : 'group_member';
}

async function stateOf(tx: Db, group: GroupRow) {
  const [application] = await tx
    .select({ status: organizerApplications.status })
    .from(organizerApplications)
    .where(eq(organizerApplications.id, group.applicationId));
  const requests = await latestRequests(tx, group.id);
  return { requests, state: lifecycleState({ status: application?.status ?? 'approved' }, group, requests) };
}

/** Who hears of it (issue 4 item 7): the rule's audience, in the inbox. */
async function audience(tx: Transaction, groupId: string, rule: LifecycleRule): Promise<string[]> {
  if (rule.notify === 'nobody' || rule.notify === 'applicant') return [];
  const rows = await tx
    .select({ userId: organizerMembers.userId, role: organizerMembers.role })
    .from(organizerMembers)
    .where(eq(organizerMembers.groupId, groupId));
  return rows.filter((row) => rule.notify === 'all_members' || row.role === 'admin').map((row) => row.userId);
}

/**
 * One lifecycle event on a group or one of its requests, decided by the domain's table and
 * stored with its history row, audit event and notifications in one transaction. The group
 * row is locked, so two events on one group are decided one after the other.
 */
export async function applyGroupEvent(
  db: Database,
  input: {
    groupId: string;
    event: GroupEvent;
    side: 'group' | 'city';
    actorUserId: string;
    roles: readonly Role[];
    reason?: string;
    details?: DraftInput;
    now: Date;
    requestId: string;
    outbox?: Outbox;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await lockGroup(tx, input.groupId);
    if (!group) throw new AppError('not_found');
    const actor: LifecycleActor | null = await groupActor(
      tx,
      group.id,
      input.actorUserId,
      input.roles,
      input.side === 'city',
    );
    if (!actor) throw new AppError('not_found');
    const { state: before, requests } = await stateOf(tx, group);
    const { rule, state } = decide(before, input.event, actor, { now: input.now, reason: input.reason });
    const reason = input.reason?.trim() || null;
    let requestId: string | null = null;
    let eventDetails: Record<string, unknown> | null = null;

    if (rule.subject === 'application') throw new AppError('organizer_wrong_state');
    if (rule.subject === 'group') {
      await tx
        .update(organizerGroups)
        .set({ status: state.group!.status, updatedAt: input.now })
        .where(eq(organizerGroups.id, group.id));
    } else {
      const kind = rule.subject;
      const latest = requests[kind];
      let proposed: RegisteredDetails | null = null;
      if (input.event === 'change.submit' || input.event === 'change.resubmit') {
        if (!input.details) throw new AppError('validation_failed');
        const details = await resolveDetails(tx, input.actorUserId, input.details, group.details);
        const check = checkChangeApplication(group.details as unknown as RegisteredDetails, details);
        if (check.errors.length > 0) {
          throw new AppError('organizer_application_invalid', {
            fieldErrors: check.errors.map((error) => ({ path: error.field, message: error.code })),
          });
        }
        if (check.changes.length === 0) throw new AppError('organizer_no_changes');
        proposed = check.details;
        eventDetails = { changes: check.changes };
      }
      const opening = rule.from === 'none' || rule.from === 'approved' || rule.from === 'withdrawn';
      if (opening && rule.event !== 'termination.complete') {
        const [created] = await tx
          .insert(organizerRequests)
          .values({
            groupId: group.id,
            kind,
            status: rule.to,
            details: proposed as unknown as Record<string, unknown> | null,
            createdByUserId: input.actorUserId,
            createdAt: input.now,
            updatedAt: input.now,
          })
          .returning({ id: organizerRequests.id });
        requestId = created?.id ?? null;
      } else {
        if (!latest) throw new AppError('organizer_wrong_state');
        requestId = latest.id;
        await tx
          .update(organizerRequests)
          .set({
            status: rule.to,
            updatedAt: input.now,
            ...(proposed ? { details: proposed as unknown as Record<string, unknown> } : {}),
          })
          .where(eq(organizerRequests.id, latest.id));
      }
    }

    for (const effect of rule.effects) {
      if (effect === 'apply_registered_details' && requests.change?.details) {
        await tx
          .update(organizerGroups)
          .set({ details: requests.change.details, updatedAt: input.now })
          .where(eq(organizerGroups.id, group.id));
      }
      if (effect === 'extend_rights' || effect === 'end_group') {
        await tx
          .update(organizerGroups)
          .set({ rightsEnd: state.group!.rightsEnd, status: state.group!.status, updatedAt: input.now })
          .where(eq(organizerGroups.id, group.id));
      }
      if (effect === 'cancel_open_requests') {
        await tx
          .update(organizerRequests)
          .set({ status: 'cancelled', updatedAt: input.now })
          .where(
            and(
              eq(organizerRequests.groupId, group.id),
              inArray(organizerRequests.status, ['pending', 'returned', 'requested']),
            ),
          );
      }
    }

    await tx.insert(organizerEvents).values({
      groupId: group.id,
      requestId,
      event: input.event,
      actorUserId: input.actorUserId,
      reason,
      reasonVisibleToGroup: rule.reasonVisibleToGroup,
      details: eventDetails,
      occurredAt: input.now,
    });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: `organizer.${input.event}`,
      subjectType: 'organizer_group',
      subjectId: group.id,
      reason,
      details: { requestId, actor, from: rule.from, to: rule.to },
      requestId: input.requestId,
    });
    const groupName = nameOf(group.details);
    for (const userId of await audience(tx, group.id, rule)) {
      await sendNotice(tx, input.outbox, {
        userId,
        kind: `organizer.${input.event}`,
        params: { groupName, ...(state.group ? { rightsEnd: state.group.rightsEnd } : {}) },
        link: `/organizer?group=${group.id}`,
      });
    }
  });
}

/**
 * The group's history as one side sees it. The city's internal note on a suspension or
 * resumption is shown to city staff only (issue 4 item 6).
 */
export async function groupHistory(db: Db, groupId: string, side: 'group' | 'city') {
  const rows = await db
    .select()
    .from(organizerEvents)
    .where(eq(organizerEvents.groupId, groupId))
    .orderBy(asc(organizerEvents.occurredAt), asc(organizerEvents.id));
  return rows.map((row) => ({
    event: row.event,
    round: row.round,
    actorUserId: row.actorUserId,
    reason: side === 'city' || row.reasonVisibleToGroup ? row.reason : null,
    details: row.details,
    occurredAt: row.occurredAt,
  }));
}

/** A pending change for reviewers: the differences, item by item (R-ORG-8). */
export async function pendingChangeDiff(db: Db, group: GroupRow) {
  const { change } = await latestRequests(db, group.id);
  if (!change?.details || change.status !== 'pending') return null;
  return diffRegisteredDetails(
    group.details as unknown as RegisteredDetails,
    change.details as unknown as RegisteredDetails,
  );
}

/**
 * No-job announcements (R-ORG-6, issue 4 item 7): when a member opens the organizer app, each
 * of their groups whose renewal window is open (administrators) or whose rights have lapsed
 * (everyone) is announced in the inbox once per rights end. The announcements table's primary
 * key makes it idempotent, however often or concurrently the app is opened.
 */
export async function announceRightsPhases(
  db: Database,
  userId: string,
  now: Date,
  outbox?: Outbox,
): Promise<void> {
  const rows = await db
    .select({ group: organizerGroups, role: organizerMembers.role })
    .from(organizerMembers)
    .innerJoin(organizerGroups, eq(organizerGroups.id, organizerMembers.groupId))
    .where(eq(organizerMembers.userId, userId));
  for (const { group, role } of rows) {
    if (group.status !== 'active') continue;
    const phase = rightsPhase(group.rightsEnd as IsoDate, now, organizerSettings);
    const kind =
      phase === 'lapsed'
        ? 'lapsed'
        : phase === 'renewal_window' && role === 'admin'
          ? 'renewal_window'
          : null;
    if (!kind) continue;
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(organizerAnnouncements)
        .values({ groupId: group.id, userId, kind, rightsEnd: group.rightsEnd, createdAt: now })
        .onConflictDoNothing()
        .returning({ groupId: organizerAnnouncements.groupId });
      if (inserted.length === 0) return;
      await sendNotice(tx, outbox, {
        userId,
        kind: kind === 'lapsed' ? 'organizer.rights_lapsed' : 'organizer.renewal_window',
        params: { groupName: nameOf(group.details), rightsEnd: group.rightsEnd },
        link: `/organizer?group=${group.id}`,
      });
    });
  }
}
