import type { GroupRole } from '../policy.ts';
import type { IdentityLevel } from '../roles.ts';
import type { GroupStatus } from './lifecycle-states.ts';
import type { OrganizerSettings } from './settings.ts';

/**
 * R-ORG-7 and operating rules 5(2)(3): the applicant becomes the group's one administrator
 * (R-ORG-5); the administrator adds about three members, all verified residents, and keeps
 * the list current. Pure: each function returns the memberships to store, or why not.
 */
export interface Membership {
  userId: string;
  /** `admin`: the administrator (管理者); as in the access policy's group roles. */
  role: GroupRole;
}

/** An invitation link / QR: usable once, until it expires or the administrator revokes it. */
export interface Invitation {
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export const memberRefusals = [
  'not_administrator',
  'group_suspended',
  'group_ended',
  'member_limit_reached',
  'invitation_used',
  'invitation_revoked',
  'invitation_expired',
  'not_verified',
  'already_member',
  'not_a_member',
  'cannot_remove_administrator',
] as const;
export type MemberRefusal = (typeof memberRefusals)[number];

export type MemberCheck = { ok: true } | { ok: false; reason: MemberRefusal };
export type MemberResult = { ok: true; memberships: Membership[] } | { ok: false; reason: MemberRefusal };

type Settings = Pick<OrganizerSettings, 'memberLimit'>;

export function administratorOf(memberships: readonly Membership[]): string | null {
  return memberships.find((membership) => membership.role === 'admin')?.userId ?? null;
}

/** Members besides the administrator: what the limit counts. */
export function memberCount(memberships: readonly Membership[]): number {
  return memberships.filter((membership) => membership.role === 'member').length;
}

export function invitationExpiresAt(
  createdAt: Date,
  settings: Pick<OrganizerSettings, 'invitationValidHours'>,
): Date {
  return new Date(createdAt.getTime() + settings.invitationValidHours * 60 * 60 * 1000);
}

/**
 * Suspended or ended groups add no one and hand nothing over. A lapsed group may: it keeps its
 * people ready for the renewal (R-ORG-6).
 */
function openForChanges(status: GroupStatus): MemberCheck {
  return status === 'active' ? { ok: true } : { ok: false, reason: `group_${status}` };
}

/** May `actorId` issue an invitation? Only the administrator, and only while there is room. */
export function canInvite(input: {
  groupStatus: GroupStatus;
  memberships: readonly Membership[];
  actorId: string;
  settings: Settings;
}): MemberCheck {
  if (administratorOf(input.memberships) !== input.actorId) return { ok: false, reason: 'not_administrator' };
  const open = openForChanges(input.groupStatus);
  if (!open.ok) return open;
  return memberCount(input.memberships) >= input.settings.memberLimit
    ? { ok: false, reason: 'member_limit_reached' }
    : { ok: true };
}

/** Whether the invitation itself can still be used at `now`. */
export function invitationState(invitation: Invitation, now: Date): MemberCheck {
  if (invitation.usedAt) return { ok: false, reason: 'invitation_used' };
  if (invitation.revokedAt) return { ok: false, reason: 'invitation_revoked' };
  if (now.getTime() >= invitation.expiresAt.getTime()) return { ok: false, reason: 'invitation_expired' };
  return { ok: true };
}

/**
 * A resident accepts an invitation. The limit is checked here, at acceptance, so that a fourth
 * member is refused however many invitations were handed out. The caller marks it used.
 */
export function acceptInvitation(input: {
  invitation: Invitation;
  invitee: { userId: string; identity: IdentityLevel };
  groupStatus: GroupStatus;
  memberships: readonly Membership[];
  now: Date;
  settings: Settings;
}): MemberResult {
  const usable = invitationState(input.invitation, input.now);
  if (!usable.ok) return usable;
  if (input.invitee.identity !== 'verified') return { ok: false, reason: 'not_verified' };
  const open = openForChanges(input.groupStatus);
  if (!open.ok) return open;
  if (input.memberships.some((membership) => membership.userId === input.invitee.userId)) {
    return { ok: false, reason: 'already_member' };
  }
  if (memberCount(input.memberships) >= input.settings.memberLimit) {
    return { ok: false, reason: 'member_limit_reached' };
  }
  return { ok: true, memberships: [...input.memberships, { userId: input.invitee.userId, role: 'member' }] };
}

/** Only the administrator may revoke an unused invitation. */
export function canRevokeInvitation(input: {
  invitation: Invitation;
  memberships: readonly Membership[];
  actorId: string;
}): MemberCheck {
  if (administratorOf(input.memberships) !== input.actorId) return { ok: false, reason: 'not_administrator' };
  if (input.invitation.usedAt) return { ok: false, reason: 'invitation_used' };
  if (input.invitation.revokedAt) return { ok: false, reason: 'invitation_revoked' };
  return { ok: true };
}

/**
 * The administrator removes a member, or a member leaves. The administrator cannot leave
 * without first handing the role over, so a group always has one.
 */
export function removeMember(input: {
  groupStatus: GroupStatus;
  memberships: readonly Membership[];
  actorId: string;
  userId: string;
}): MemberResult {
  if (input.groupStatus === 'ended') return { ok: false, reason: 'group_ended' };
  const target = input.memberships.find((membership) => membership.userId === input.userId);
  const isAdministrator = administratorOf(input.memberships) === input.actorId;
  if (!isAdministrator && input.actorId !== input.userId) return { ok: false, reason: 'not_administrator' };
  if (!target) return { ok: false, reason: 'not_a_member' };
  if (target.role === 'admin') return { ok: false, reason: 'cannot_remove_administrator' };
  return { ok: true, memberships: input.memberships.filter((membership) => membership !== target) };
}

/**
 * The administrator hands the role to a member (who must still be verified); the former
 * administrator stays on as a member, so the count is unchanged.
 */
export function handOverAdministrator(input: {
  groupStatus: GroupStatus;
  memberships: readonly Membership[];
  actorId: string;
  to: { userId: string; identity: IdentityLevel };
}): MemberResult {
  if (administratorOf(input.memberships) !== input.actorId) return { ok: false, reason: 'not_administrator' };
  const open = openForChanges(input.groupStatus);
  if (!open.ok) return open;
  const target = input.memberships.find((membership) => membership.userId === input.to.userId);
  if (!target || target.role !== 'member') return { ok: false, reason: 'not_a_member' };
  if (input.to.identity !== 'verified') return { ok: false, reason: 'not_verified' };
  return {
    ok: true,
    memberships: input.memberships.map((membership) => {
      if (membership.userId === input.to.userId) return { ...membership, role: 'admin' };
      if (membership.userId === input.actorId) return { ...membership, role: 'member' };
      return membership;
    }),
  };
}
