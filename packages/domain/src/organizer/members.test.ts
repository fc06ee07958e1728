import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptInvitation,
  administratorOf,
  canInvite,
  canRevokeInvitation,
  handOverAdministrator,
  invitationExpiresAt,
  memberCount,
  removeMember,
  type Invitation,
  type Membership,
} from './members.ts';
import { defaultOrganizerSettings } from './settings.ts';

const settings = defaultOrganizerSettings;
const created = new Date('2026-05-01T01:00:00Z');
const invitation: Invitation = {
  createdAt: created,
  expiresAt: invitationExpiresAt(created, settings),
  usedAt: null,
  revokedAt: null,
};
const admin: Membership = { userId: 'admin', role: 'admin' };
const members = (count: number): Membership[] => [
  admin,
  ...Array.from({ length: count }, (_, i) => ({ userId: `m${i}`, role: 'member' as const })),
];
const verified = (userId: string) => ({ userId, identity: 'verified' as const });
const accept = (overrides: Partial<Parameters<typeof acceptInvitation>[0]> = {}) =>
  acceptInvitation({
    invitation,
    invitee: verified('new'),
    groupStatus: 'active',
    memberships: members(2),
    now: new Date('2026-05-02T00:00:00Z'),
    settings,
    ...overrides,
  });

describe('invitations (R-ORG-7)', () => {
  it('expire after the configured time (default 7 days)', () => {
    expect(invitation.expiresAt.toISOString()).toBe('2026-05-08T01:00:00.000Z');
  });

  it('only the administrator invites, while the group is open and has room', () => {
    const base = { groupStatus: 'active' as const, memberships: members(2), actorId: 'admin', settings };
    expect(canInvite(base)).toEqual({ ok: true });
    expect(canInvite({ ...base, actorId: 'm0' })).toEqual({ ok: false, reason: 'not_administrator' });
    expect(canInvite({ ...base, memberships: members(3) })).toEqual({
      ok: false,
      reason: 'member_limit_reached',
    });
    expect(canInvite({ ...base, groupStatus: 'suspended' })).toEqual({
      ok: false,
      reason: 'group_suspended',
    });
    expect(canInvite({ ...base, groupStatus: 'ended' })).toEqual({ ok: false, reason: 'group_ended' });
    expect(canInvite({ ...base, memberships: members(5), settings: { memberLimit: 6 } })).toEqual({
      ok: true,
    });
  });

  it('adds a verified resident as a member', () => {
    expect(accept()).toEqual({ ok: true, memberships: [...members(2), { userId: 'new', role: 'member' }] });
  });

  it.each([
    [
      'used twice',
      { invitation: { ...invitation, usedAt: new Date('2026-05-01T02:00:00Z') } },
      'invitation_used',
    ],
    [
      'revoked',
      { invitation: { ...invitation, revokedAt: new Date('2026-05-01T02:00:00Z') } },
      'invitation_revoked',
    ],
    ['at its expiry', { now: invitation.expiresAt }, 'invitation_expired'],
    [
      'by an unverified resident',
      { invitee: { userId: 'new', identity: 'unverified' as const } },
      'not_verified',
    ],
    ['for a suspended group', { groupStatus: 'suspended' as const }, 'group_suspended'],
    ['for an ended group', { groupStatus: 'ended' as const }, 'group_ended'],
    ['by a member', { invitee: verified('m1') }, 'already_member'],
    ['by the administrator', { invitee: verified('admin') }, 'already_member'],
    ['as a fourth member', { memberships: members(3) }, 'member_limit_reached'],
  ])('refuses acceptance %s', (_name, overrides, reason) => {
    expect(accept(overrides)).toEqual({ ok: false, reason });
  });

  it('is usable up to the millisecond before expiry', () => {
    expect(accept({ now: new Date(invitation.expiresAt.getTime() - 1) }).ok).toBe(true);
  });

  it('only the administrator revokes, and only an unused one', () => {
    const memberships = members(1);
    expect(canRevokeInvitation({ invitation, memberships, actorId: 'admin' })).toEqual({ ok: true });
    expect(canRevokeInvitation({ invitation, memberships, actorId: 'm0' })).toEqual({
      ok: false,
      reason: 'not_administrator',
    });
    const used = { ...invitation, usedAt: created };
    expect(canRevokeInvitation({ invitation: used, memberships, actorId: 'admin' })).toEqual({
      ok: false,
      reason: 'invitation_used',
    });
  });

  it('never lets the members exceed the limit, whatever is accepted', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(fc.nat({ max: 9 }), { maxLength: 12 }),
        (limit, invitees) => {
          let memberships = members(0);
          for (const invitee of invitees) {
            const result = accept({
              invitee: verified(`u${invitee}`),
              memberships,
              settings: { memberLimit: limit },
            });
            if (result.ok) memberships = result.memberships;
          }
          expect(memberCount(memberships)).toBeLessThanOrEqual(limit);
          expect(new Set(memberships.map((m) => m.userId)).size).toBe(memberships.length);
        },
      ),
    );
  });
});

describe('removing members and handing over (R-ORG-7, operating rules 5(3))', () => {
  const base = { groupStatus: 'active' as const, memberships: members(2) };

  it('the administrator removes a member; a member may leave', () => {
    expect(removeMember({ ...base, actorId: 'admin', userId: 'm0' })).toEqual({
      ok: true,
      memberships: [admin, { userId: 'm1', role: 'member' }],
    });
    expect(removeMember({ ...base, actorId: 'm1', userId: 'm1' }).ok).toBe(true);
  });

  it.each([
    ['a member removing another', 'm0', 'm1', 'not_administrator'],
    ['a stranger', 'stranger', 'm1', 'not_administrator'],
    ['the administrator removing themself', 'admin', 'admin', 'cannot_remove_administrator'],
    ['someone not in the group', 'admin', 'stranger', 'not_a_member'],
  ])('refuses %s', (_name, actorId, userId, reason) => {
    expect(removeMember({ ...base, actorId, userId })).toEqual({ ok: false, reason });
  });

  it('refuses removal from an ended group', () => {
    expect(removeMember({ ...base, groupStatus: 'ended', actorId: 'admin', userId: 'm0' })).toEqual({
      ok: false,
      reason: 'group_ended',
    });
  });

  it('hands the administrator role to a member, who swaps places with the former administrator', () => {
    const result = handOverAdministrator({ ...base, actorId: 'admin', to: verified('m1') });
    expect(result).toEqual({
      ok: true,
      memberships: [
        { userId: 'admin', role: 'member' },
        { userId: 'm0', role: 'member' },
        { userId: 'm1', role: 'admin' },
      ],
    });
    if (result.ok) {
      expect(administratorOf(result.memberships)).toBe('m1');
      expect(memberCount(result.memberships)).toBe(2);
    }
  });

  it.each([
    ['by a member', { actorId: 'm0', to: verified('m1') }, 'not_administrator'],
    ['to someone outside the group', { actorId: 'admin', to: verified('stranger') }, 'not_a_member'],
    ['to themself', { actorId: 'admin', to: verified('admin') }, 'not_a_member'],
    [
      'to a member no longer verified',
      { actorId: 'admin', to: { userId: 'm0', identity: 'unverified' as const } },
      'not_verified',
    ],
    [
      'while suspended',
      { actorId: 'admin', to: verified('m0'), groupStatus: 'suspended' as const },
      'group_suspended',
    ],
  ])('refuses a handover %s', (_name, input, reason) => {
    expect(handOverAdministrator({ ...base, ...input })).toEqual({ ok: false, reason });
  });
});
