import { createHash, randomBytes } from 'node:crypto';
import {
  acceptInvitation,
  availableTransitions,
  canCreateActivities,
  canInvite,
  canRevokeInvitation,
  effectiveGroupStatus,
  handOverAdministrator,
  invitationExpiresAt,
  invitationState,
  removeMember,
  rightsPhase,
  type ErrorCode,
  type GroupRole,
  type IdentityLevel,
  type IsoDate,
  type LifecycleActor,
  type MemberRefusal,
  type Membership,
} from '@kumamoto/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  organizerApplications,
  organizerGroups,
  organizerInvitations,
  organizerMembers,
  users,
} from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import {
  latestRequests,
  lifecycleState,
  lockGroup,
  nameOf,
  organizerSettings,
  type Db,
  type GroupRow,
  type Transaction,
} from './lifecycle-io.ts';
import type { DetailsOut } from './schemas.ts';

const codeByRefusal: Record<MemberRefusal, ErrorCode> = {
  not_administrator: 'forbidden',
  group_suspended: 'organizer_group_suspended',
  group_ended: 'organizer_group_ended',
  member_limit_reached: 'organizer_member_limit',
  invitation_used: 'organizer_invitation_used',
  invitation_revoked: 'organizer_invitation_revoked',
  invitation_expired: 'organizer_invitation_expired',
  not_verified: 'verification_required',
  already_member: 'organizer_already_member',
  not_a_member: 'organizer_not_a_member',
  cannot_remove_administrator: 'organizer_cannot_remove_admin',
};

function check<T extends { ok: true } | { ok: false; reason: MemberRefusal }>(
  result: T,
): Extract<T, { ok: true }> {
  if (!result.ok) throw new AppError(codeByRefusal[(result as { reason: MemberRefusal }).reason]);
  return result as Extract<T, { ok: true }>;
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function membershipsOf(db: Db, groupId: string): Promise<Membership[]> {
  const rows = await db
    .select({ userId: organizerMembers.userId, role: organizerMembers.role })
    .from(organizerMembers)
    .where(eq(organizerMembers.groupId, groupId));
  return rows;
}

/** The signed-in caller's role in the group; signed out or not in it: null (for the policy). */
export async function callerRole(
  db: Db,
  groupId: string,
  userId: string | undefined,
): Promise<GroupRole | null> {
  return userId ? groupRoleOf(db, groupId, userId) : null;
}

/** A person's role in the group (none: null). */
export async function groupRoleOf(db: Db, groupId: string, userId: string): Promise<GroupRole | null> {
  const [row] = await db
    .select({ role: organizerMembers.role })
    .from(organizerMembers)
    .where(and(eq(organizerMembers.groupId, groupId), eq(organizerMembers.userId, userId)));
  return row?.role ?? null;
}

async function groupOr404(db: Db, groupId: string): Promise<GroupRow> {
  const [group] = await db.select().from(organizerGroups).where(eq(organizerGroups.id, groupId));
  if (!group) throw new AppError('not_found');
  return group;
}

async function lockedGroupOr404(tx: Transaction, groupId: string): Promise<GroupRow> {
  const group = await lockGroup(tx, groupId);
  if (!group) throw new AppError('not_found');
  return group;
}

/**
 * A group as its administrator or a member sees it: details, standing (lapse derived from the
 * clock, R-ORG-6), members and the lifecycle actions open to them.
 */
export async function groupView(db: Db, groupId: string, actor: LifecycleActor, now: Date) {
  const group = await groupOr404(db, groupId);
  const [application] = await db
    .select({ status: organizerApplications.status })
    .from(organizerApplications)
    .where(eq(organizerApplications.id, group.applicationId));
  const requests = await latestRequests(db, group.id);
  const members = await db
    .select({
      userId: organizerMembers.userId,
      role: organizerMembers.role,
      displayName: users.displayName,
      joinedAt: organizerMembers.joinedAt,
    })
    .from(organizerMembers)
    .innerJoin(users, eq(users.id, organizerMembers.userId))
    .where(eq(organizerMembers.groupId, group.id))
    .orderBy(asc(organizerMembers.joinedAt));
  const facts = { status: group.status, rightsEnd: group.rightsEnd as IsoDate };
  const state = lifecycleState({ status: application?.status ?? 'approved' }, group, requests);
  const creation = canCreateActivities({ ...facts, changePending: state.change === 'pending' }, now);
  return {
    id: group.id,
    applicationId: group.applicationId,
    details: group.details as unknown as DetailsOut,
    status: group.status,
    effectiveStatus: effectiveGroupStatus(facts, now),
    rightsEnd: group.rightsEnd,
    rightsPhase: rightsPhase(facts.rightsEnd, now, organizerSettings),
    canCreateActivities: creation.ok,
    activityRefusal: creation.ok ? null : creation.reason,
    memberLimit: organizerSettings.memberLimit,
    members,
    requests: { change: state.change, renewal: state.renewal, termination: state.termination },
    actions: availableTransitions(state, actor, { now, settings: organizerSettings })
      .filter((rule) => rule.subject !== 'application')
      .map((rule) => ({ event: rule.event, reason: rule.reason })),
  };
}

export async function myGroups(db: Database, userId: string, now: Date) {
  const rows = await db
    .select({ groupId: organizerMembers.groupId, role: organizerMembers.role })
    .from(organizerMembers)
    .where(eq(organizerMembers.userId, userId));
  return Promise.all(
    rows.map(async (row) => ({
      role: row.role,
      ...(await groupView(db, row.groupId, row.role === 'admin' ? 'group_admin' : 'group_member', now)),
    })),
  );
}

/**
 * R-ORG-7: the administrator invites by link / QR. The token is 32 random bytes; only its
 * SHA-256 is stored, so the database alone cannot be used to join.
 */
export async function createInvitation(
  db: Database,
  input: { groupId: string; actorUserId: string; now: Date; requestId: string },
): Promise<{ token: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const group = await lockedGroupOr404(tx, input.groupId);
    check(
      canInvite({
        groupStatus: group.status,
        memberships: await membershipsOf(tx, group.id),
        actorId: input.actorUserId,
        settings: organizerSettings,
      }),
    );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = invitationExpiresAt(input.now, organizerSettings);
    const [row] = await tx
      .insert(organizerInvitations)
      .values({
        groupId: group.id,
        tokenHash: hashInvitationToken(token),
        createdByUserId: input.actorUserId,
        createdAt: input.now,
        expiresAt,
      })
      .returning({ id: organizerInvitations.id });
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.invitation.created',
      subjectType: 'organizer_group',
      subjectId: group.id,
      details: { invitationId: row?.id, expiresAt: expiresAt.toISOString() },
      requestId: input.requestId,
    });
    return { token, expiresAt };
  });
}

export async function listInvitations(db: Database, groupId: string) {
  return db
    .select({
      id: organizerInvitations.id,
      createdAt: organizerInvitations.createdAt,
      expiresAt: organizerInvitations.expiresAt,
      usedAt: organizerInvitations.usedAt,
      revokedAt: organizerInvitations.revokedAt,
    })
    .from(organizerInvitations)
    .where(eq(organizerInvitations.groupId, groupId))
    .orderBy(asc(organizerInvitations.createdAt));
}

export async function revokeInvitation(
  db: Database,
  input: { groupId: string; invitationId: string; actorUserId: string; now: Date; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await lockedGroupOr404(tx, input.groupId);
    const [invitation] = await tx
      .select()
      .from(organizerInvitations)
      .where(
        and(eq(organizerInvitations.id, input.invitationId), eq(organizerInvitations.groupId, group.id)),
      );
    if (!invitation) throw new AppError('not_found');
    check(
      canRevokeInvitation({
        invitation,
        memberships: await membershipsOf(tx, group.id),
        actorId: input.actorUserId,
      }),
    );
    await tx
      .update(organizerInvitations)
      .set({ revokedAt: input.now })
      .where(eq(organizerInvitations.id, invitation.id));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.invitation.revoked',
      subjectType: 'organizer_group',
      subjectId: group.id,
      details: { invitationId: invitation.id },
      requestId: input.requestId,
    });
  });
}

async function invitationByToken(db: Db, token: string) {
  const [row] = await db
    .select()
    .from(organizerInvitations)
    .where(eq(organizerInvitations.tokenHash, hashInvitationToken(token)));
  if (!row) throw new AppError('organizer_invitation_invalid');
  return row;
}

/** What the invitee sees before accepting: the group's name and whether the link still works. */
export async function previewInvitation(db: Database, token: string, now: Date) {
  const invitation = await invitationByToken(db, token);
  const group = await groupOr404(db, invitation.groupId);
  const usable = invitationState(invitation, now);
  return {
    groupName: nameOf(group.details),
    expiresAt: invitation.expiresAt,
    usable: usable.ok,
    problem: usable.ok ? null : codeByRefusal[usable.reason],
  };
}

/**
 * A verified resident accepts (R-ORG-7). The group row is locked first, so two people racing
 * for the last place are decided one after the other; the invitation is marked used only if
 * still unused (used once, even under a race).
 */
export async function acceptInvitationByToken(
  db: Database,
  input: { token: string; userId: string; identity: IdentityLevel; now: Date; requestId: string },
): Promise<{ groupId: string }> {
  return db.transaction(async (tx) => {
    const found = await invitationByToken(tx, input.token);
    const group = await lockedGroupOr404(tx, found.groupId);
    const [invitation] = await tx
      .select()
      .from(organizerInvitations)
      .where(eq(organizerInvitations.id, found.id))
      .for('update');
    if (!invitation) throw new AppError('organizer_invitation_invalid');
    check(
      acceptInvitation({
        invitation,
        invitee: { userId: input.userId, identity: input.identity },
        groupStatus: group.status,
        memberships: await membershipsOf(tx, group.id),
        now: input.now,
        settings: organizerSettings,
      }),
    );
    const used = await tx
      .update(organizerInvitations)
      .set({ usedAt: input.now, usedByUserId: input.userId })
      .where(and(eq(organizerInvitations.id, invitation.id), isNull(organizerInvitations.usedAt)))
      .returning({ id: organizerInvitations.id });
    if (used.length === 0) throw new AppError('organizer_invitation_used');
    await tx
      .insert(organizerMembers)
      .values({ groupId: group.id, userId: input.userId, role: 'member', joinedAt: input.now });
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'organizer.member.joined',
      subjectType: 'organizer_group',
      subjectId: group.id,
      details: { invitationId: invitation.id },
      requestId: input.requestId,
    });
    return { groupId: group.id };
  });
}

/** The administrator removes a member, or a member leaves (R-ORG-7). */
export async function removeGroupMember(
  db: Database,
  input: { groupId: string; userId: string; actorUserId: string; now: Date; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await lockedGroupOr404(tx, input.groupId);
    check(
      removeMember({
        groupStatus: group.status,
        memberships: await membershipsOf(tx, group.id),
        actorId: input.actorUserId,
        userId: input.userId,
      }),
    );
    await tx
      .delete(organizerMembers)
      .where(and(eq(organizerMembers.groupId, group.id), eq(organizerMembers.userId, input.userId)));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: input.actorUserId === input.userId ? 'organizer.member.left' : 'organizer.member.removed',
      subjectType: 'organizer_group',
      subjectId: group.id,
      details: { userId: input.userId },
      requestId: input.requestId,
    });
  });
}

/** The administrator hands the role to a verified member and stays on as a member. */
export async function handOver(
  db: Database,
  input: { groupId: string; toUserId: string; actorUserId: string; now: Date; requestId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const group = await lockedGroupOr404(tx, input.groupId);
    const [target] = await tx
      .select({ identity: users.identityLevel })
      .from(users)
      .where(eq(users.id, input.toUserId));
    check(
      handOverAdministrator({
        groupStatus: group.status,
        memberships: await membershipsOf(tx, group.id),
        actorId: input.actorUserId,
        to: { userId: input.toUserId, identity: target?.identity ?? 'unverified' },
      }),
    );
    // Demote first: the partial unique index allows one administrator at any moment.
    await tx
      .update(organizerMembers)
      .set({ role: 'member' })
      .where(and(eq(organizerMembers.groupId, group.id), eq(organizerMembers.userId, input.actorUserId)));
    await tx
      .update(organizerMembers)
      .set({ role: 'admin' })
      .where(and(eq(organizerMembers.groupId, group.id), eq(organizerMembers.userId, input.toUserId)));
    await recordAudit(tx, {
      actorUserId: input.actorUserId,
      action: 'organizer.administrator.handed_over',
      subjectType: 'organizer_group',
      subjectId: group.id,
      details: { from: input.actorUserId, to: input.toUserId },
      requestId: input.requestId,
    });
  });
}
