import { describe, expect, it } from 'vitest';
import { miniApps, homeMiniApps, needsVerification } from './miniapps.ts';
import {
  accessDecision,
  actions,
  can,
  groupRoles,
  isAction,
  miniAppRequirements,
  policy,
  type Action,
  type GroupRole,
  type Subject,
} from './policy.ts';
import { identityLevels, roles, type Role } from './roles.ts';

/** Every caller there can be: signed out, and each identity level × set of city roles × group role. */
function everySubject(): (Subject | null)[] {
  const roleSets: Role[][] = [[]];
  for (const role of roles) for (const set of [...roleSets]) roleSets.push([...set, role]);
  const subjects: (Subject | null)[] = [null];
  for (const identity of identityLevels)
    for (const set of roleSets)
      for (const groupRole of [null, ...groupRoles]) subjects.push({ identity, roles: set, groupRole });
  return subjects;
}
const subjects = everySubject();

/** The kinds of caller the product knows, by name. */
const callers = {
  signedOut: null,
  unverified: { identity: 'unverified', roles: [] },
  verified: { identity: 'verified', roles: [] },
  groupAdmin: { identity: 'verified', roles: [], groupRole: 'admin' },
  groupMember: { identity: 'verified', roles: [], groupRole: 'member' },
  cityReviewer: { identity: 'unverified', roles: ['city_reviewer'] },
  cityAdmin: { identity: 'unverified', roles: ['city_admin'] },
  shopStaff: { identity: 'unverified', roles: ['shop_staff'] },
  shelterStaff: { identity: 'unverified', roles: ['shelter_staff'] },
} satisfies Record<string, Subject | null>;
type Caller = keyof typeof callers;
const callerNames = Object.keys(callers) as Caller[];

const residents: Caller[] = ['unverified', 'verified', 'groupAdmin', 'groupMember'];
const staff: Caller[] = ['cityReviewer', 'cityAdmin', 'shopStaff', 'shelterStaff'];
const signedIn: Caller[] = [...residents, ...staff];
const verifiedResidents: Caller[] = ['verified', 'groupAdmin', 'groupMember'];

/**
 * Written out by hand from PRODUCT.md and the guide, apart from the policy table, so a change
 * to either shows up here: for each action, exactly the callers who may take it.
 */
const expected: Record<Action, Caller[]> = {
  'activity.browse': callerNames,
  'certificate.check': callerNames,
  'account.manage': signedIn,
  'identity.verify': signedIn,
  'miniapp.install': signedIn,
  'activity.apply': signedIn,
  'disaster.register': signedIn,
  'organizer.open': signedIn,
  'points.view': verifiedResidents,
  'points.receive': verifiedResidents,
  'points.exchange': verifiedResidents,
  'certificate.receive': verifiedResidents,
  'organizer.apply': verifiedResidents,
  'organizer.become_member': verifiedResidents,
  'organizer.manage_group': ['groupAdmin'],
  'activity.manage': ['groupAdmin', 'groupMember'],
  'activity.view_participants': ['groupAdmin', 'groupMember'],
  'activity.show_checkin_code': ['groupAdmin', 'groupMember'],
  'city.console': ['cityReviewer', 'cityAdmin'],
  'organizer.review': ['cityReviewer', 'cityAdmin'],
  'statistics.read': ['cityReviewer', 'cityAdmin'],
  'organizer.suspend': ['cityAdmin'],
  'points.grant_exception': ['cityAdmin'],
  'certificate.revoke': ['cityAdmin'],
  'lottery.run': ['cityAdmin'],
  'identity.resolve_conflict': ['cityAdmin'],
  'audit.read': ['cityAdmin'],
  'roles.manage': ['cityAdmin'],
  'school_districts.manage': ['cityAdmin'],
  'shop.redeem': ['shopStaff'],
  'shelter.receive': ['shelterStaff'],
};

describe('access policy: who may do what', () => {
  it('has an expectation for every action and no others', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });

  it.each(actions)('%s: exactly the expected kinds of caller may', (action) => {
    const allowed = callerNames.filter((name) => can(callers[name], action));
    expect(allowed).toEqual(expected[action]);
  });

  it('lets an unverified resident apply to activities but gives no points, certificates or organizer roles (R-ID-2)', () => {
    const unverified = callers.unverified;
    expect(can(unverified, 'activity.apply')).toBe(true);
    for (const action of [
      'points.receive',
      'certificate.receive',
      'organizer.apply',
      'organizer.become_member',
    ] as const) {
      expect(accessDecision(unverified, action)).toEqual({ allowed: false, reason: 'verification_required' });
    }
  });

  it('never lets an unverified caller take a verified-only action, whatever roles they hold (R-ID-2)', () => {
    for (const subject of subjects)
      for (const action of actions)
        if (policy[action].access === 'verified' && subject?.identity !== 'verified')
          expect(can(subject, action), `${action} for ${JSON.stringify(subject)}`).toBe(false);
  });

  it('keeps group rights inside the group: an administrator elsewhere is nobody here (R-ORG-7)', () => {
    const verified = { identity: 'verified', roles: [] } as const;
    expect(accessDecision({ ...verified, groupRole: null }, 'activity.manage')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(accessDecision({ ...verified, groupRole: 'member' }, 'organizer.manage_group')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(can({ ...verified, groupRole: 'admin' }, 'organizer.manage_group')).toBe(true);
    // City staff roles do not stand in for a group role.
    expect(can({ identity: 'verified', roles: [...roles] }, 'activity.manage')).toBe(false);
  });

  it('asks an unverified group role holder to verify (R-ORG-7: members must be verified)', () => {
    expect(
      accessDecision({ identity: 'unverified', roles: [], groupRole: 'member' }, 'activity.manage'),
    ).toEqual({
      allowed: false,
      reason: 'verification_required',
    });
  });
});

describe('access policy: reasons', () => {
  it('asks a signed-out caller to sign in for everything but public actions', () => {
    for (const action of actions) {
      const decision = accessDecision(null, action);
      if (policy[action].access === 'public') expect(decision).toEqual({ allowed: true });
      else expect(decision).toEqual({ allowed: false, reason: 'sign_in_required' });
    }
  });

  it('reports a missing role before verification: verifying would not help', () => {
    expect(accessDecision(callers.unverified, 'audit.read')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
    expect(accessDecision(callers.unverified, 'activity.manage')).toEqual({
      allowed: false,
      reason: 'role_required',
    });
  });

  it('gives a reason for every refusal, and it matches the rule', () => {
    for (const subject of subjects)
      for (const action of actions) {
        const decision = accessDecision(subject, action);
        expect(decision.allowed).toBe(can(subject, action));
        if (decision.allowed) continue;
        const rule = policy[action];
        switch (decision.reason) {
          case 'sign_in_required':
            expect(subject).toBeNull();
            break;
          case 'role_required':
            expect(rule.roles.length + rule.groupRoles.length).toBeGreaterThan(0);
            break;
          case 'verification_required':
            expect(rule.access).toBe('verified');
            expect(subject?.identity).toBe('unverified');
            break;
        }
      }
  });
});

describe('access policy: shape', () => {
  it('never takes a right away for verifying, or for a further role (monotonic; an administrator has every member right)', () => {
    const rank = (groupRole: GroupRole | null | undefined) =>
      ['none', 'member', 'admin'].indexOf(groupRole ?? 'none');
    const atLeast = (more: Subject, less: Subject) =>
      (more.identity === 'verified' || less.identity === 'unverified') &&
      less.roles.every((role) => more.roles.includes(role)) &&
      rank(more.groupRole) >= rank(less.groupRole);
    const signedIn = subjects.filter((subject): subject is Subject => subject !== null);
    let compared = 0;
    for (const less of signedIn)
      for (const more of signedIn) {
        if (!atLeast(more, less)) continue;
        compared++;
        for (const action of actions)
          if (can(less, action))
            expect(can(more, action), `${action}: ${JSON.stringify(more)} vs ${JSON.stringify(less)}`).toBe(
              true,
            );
      }
    expect(compared).toBeGreaterThan(signedIn.length);
  });

  it('signing in never takes a right away', () => {
    for (const action of actions)
      if (can(null, action)) for (const subject of subjects) expect(can(subject, action)).toBe(true);
  });

  it('names only city-wide roles and group roles that exist', () => {
    for (const action of actions) {
      for (const role of policy[action].roles) expect(roles).toContain(role);
      for (const role of policy[action].groupRoles) expect(groupRoles).toContain(role);
    }
  });

  it('recognises its own action names only', () => {
    expect(isAction('points.receive')).toBe(true);
    expect(isAction('points.steal')).toBe(false);
    expect(isAction('toString')).toBe(false);
  });
});

describe('access policy and the mini-app registry agree', () => {
  it.each(miniApps.map((app) => [app.id, app] as const))(
    '%s takes its identity level and roles from its action',
    (_id, app) => {
      const { identity, roles: needed } = miniAppRequirements(app.action);
      expect(app.identity).toBe(identity);
      expect(app.roles).toEqual(needed);
    },
  );

  it('shows a tile and opens it exactly when the policy allows, for every signed-in caller', () => {
    for (const subject of subjects) {
      if (!subject || subject.groupRole) continue;
      const viewer = { identity: subject.identity, roles: subject.roles, installed: ['organizer' as const] };
      const shown = new Set(homeMiniApps(viewer).map((app) => app.id));
      for (const app of miniApps) {
        const decision = accessDecision(subject, app.action);
        const usable = shown.has(app.id) && !needsVerification(app, viewer);
        expect(usable, `${app.id} for ${JSON.stringify(subject)}`).toBe(decision.allowed);
        // A tile the policy refuses only for want of verification still shows, and explains.
        if (!decision.allowed && decision.reason === 'verification_required')
          expect(shown.has(app.id)).toBe(true);
      }
    }
  });
});
