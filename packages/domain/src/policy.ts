import type { IdentityLevel, Role } from './roles.ts';

/**
 * Who may do what: the one access policy (issue 3 part 6). The server authorizes every
 * protected route with it, the mini-app registry takes its identity levels and roles from it,
 * and the web explains a refusal with its reason. Pure: no I/O, no clock.
 *
 * Group state (a suspended or lapsed group, a pending change application: R-ORG-8, R-ORG-10)
 * and "is this my activity" are checks on the data, made by the use-case after the policy
 * has said the person holds the right kind of role.
 */

/**
 * Roles inside one organizer group (R-ORG-5, R-ORG-7): the approved applicant is its
 * administrator, who adds about three members. Per group, so they come with the group
 * a request is about, not with the person.
 */
export const groupRoles = ['admin', 'member'] as const;
export type GroupRole = (typeof groupRoles)[number];

/**
 * How far a caller must have come: `public` needs nothing (signed out is fine), `signed_in`
 * any resident with an account (unverified too, R-ID-2), `verified` a resident whose identity
 * the My Number Card has proven (R-ID-2).
 */
export const accessLevels = ['public', 'signed_in', 'verified'] as const;
export type AccessLevel = (typeof accessLevels)[number];

export interface Rule {
  access: AccessLevel;
  /**
   * Who, beyond the access level: holders of one of these city-wide roles or of one of these
   * roles in the group concerned. Both empty: every caller at the access level.
   */
  roles: readonly Role[];
  groupRoles: readonly GroupRole[];
}

const everyone = { roles: [], groupRoles: [] } as const;
const cityStaff = ['city_reviewer', 'city_admin'] as const;

/**
 * The table: every action, and who may take it. City staff, shop staff and shelter staff work
 * on accounts the city grants the role to; the role is the trust, so their actions need no
 * card verification of their own. Organizer administrators and members must be verified
 * (R-ORG-4, R-ORG-7).
 */
export const policy = {
  // Residents
  /** Search and read public activities (R-ACT-3); the volunteer mini-app. */
  'activity.browse': { access: 'public', ...everyone },
  /** A third party checks a certificate serial online (beyond: R-PT-10). */
  'certificate.check': { access: 'public', ...everyone },
  /** Own account: language, e-mail, sign-in methods, sessions, notifications, deletion. */
  'account.manage': { access: 'signed_in', ...everyone },
  /** Verify (or re-verify after moving) with the My Number Card (R-ID-1). */
  'identity.verify': { access: 'signed_in', ...everyone },
  /** Keep a mini-app added by install code on the account (guide 05). */
  'miniapp.install': { access: 'signed_in', ...everyone },
  /** Apply to an activity; an unverified resident may, with a self-declared profile (R-ID-2, R-ACT-3). */
  'activity.apply': { access: 'signed_in', ...everyone },
  /** Register own and household information for shelter reception (R-DIS-1). */
  'disaster.register': { access: 'signed_in', ...everyone },
  /** Open the organizer mini-app: its guidance, own groups and applications (guide 05, 06). */
  'organizer.open': { access: 'signed_in', ...everyone },
  /** The points mini-app: balance, history, expiry, rank (R-ID-2, guide: card required). */
  'points.view': { access: 'verified', ...everyone },
  /** Receive points by scanning the check-in code (R-PT-1, R-PT-3). */
  'points.receive': { access: 'verified', ...everyone },
  /** Exchange points for lottery tickets and e-coupons (R-PT-7, R-PT-8). */
  'points.exchange': { access: 'verified', ...everyone },
  /** Receive and show activity certificates (R-PT-1, R-PT-10). */
  'certificate.receive': { access: 'verified', ...everyone },
  /** Apply to register an organizer group, or resubmit it (R-ORG-4, R-ORG-5). */
  'organizer.apply': { access: 'verified', ...everyone },
  /** Be added to a group as a member: checked on the person added (R-ORG-7). */
  'organizer.become_member': { access: 'verified', ...everyone },
  // Organizer groups: the role is the caller's role in the group the request is about.
  /** Members, change, renewal and termination applications of the group (R-ORG-6 … R-ORG-9). */
  'organizer.manage_group': { access: 'verified', roles: [], groupRoles: ['admin'] },
  /** Create, edit, cancel the group's activities and send notices (R-ACT-1 … R-ACT-5). */
  'activity.manage': { access: 'verified', roles: [], groupRoles: ['admin', 'member'] },
  /** Participants' name, age and gender only (R-ID-4). */
  'activity.view_participants': { access: 'verified', roles: [], groupRoles: ['admin', 'member'] },
  /** Show the code that grants points and certificates on the day (R-PT-1, R-PT-2). */
  'activity.show_checkin_code': { access: 'verified', roles: [], groupRoles: ['admin', 'member'] },
  // City staff
  /** Open the city console (beyond). */
  'city.console': { access: 'signed_in', roles: cityStaff, groupRoles: [] },
  /** Approve or return organizer applications (R-ORG-5). */
  'organizer.review': { access: 'signed_in', roles: cityStaff, groupRoles: [] },
  /** Statistics without personal data (beyond). */
  'statistics.read': { access: 'signed_in', roles: cityStaff, groupRoles: [] },
  /** Suspend, resume or end a group (R-ORG-10). */
  'organizer.suspend': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Issue points and a certificate by hand after an app fault (R-PT-2). */
  'points.grant_exception': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Revoke a certificate issued in error. */
  'certificate.revoke': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Run the city's lottery (R-PT-7). */
  'lottery.run': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Resolve a card already bound to another account (issue 3 part 3). */
  'identity.resolve_conflict': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Read the audit log (R-PRIV-1). */
  'audit.read': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Grant and withdraw staff roles. */
  'roles.manage': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  /** Load the school district table (issue 3 part 5). */
  'school_districts.manage': { access: 'signed_in', roles: ['city_admin'], groupRoles: [] },
  // Sponsor shops and shelters
  /** Redeem e-coupons at a sponsor shop (R-PT-8, beyond). */
  'shop.redeem': { access: 'signed_in', roles: ['shop_staff'], groupRoles: [] },
  /** Receive evacuees at a shelter from their registered information (R-DIS-1). */
  'shelter.receive': { access: 'signed_in', roles: ['shelter_staff'], groupRoles: [] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof policy;
export const actions = Object.keys(policy) as Action[];

/** Actions nobody needs to sign in for. */
export type PublicAction = {
  [A in Action]: (typeof policy)[A]['access'] extends 'public' ? A : never;
}[Action];
/** Actions that need a signed-in caller: the ones a server route authorizes. */
export type SignedInAction = Exclude<Action, PublicAction>;

export function isAction(value: string): value is Action {
  return Object.hasOwn(policy, value);
}

/**
 * The caller: how far their identity is proven, their city-wide roles, and — for group
 * actions — their role in the group the request is about (none when not in it).
 */
export interface Subject {
  identity: IdentityLevel;
  roles: readonly Role[];
  groupRole?: GroupRole | null;
}

/** Why not, so the web can say what to do: sign in, verify with the card, or ask for the role. */
export const denialReasons = ['sign_in_required', 'role_required', 'verification_required'] as const;
export type DenialReason = (typeof denialReasons)[number];

export type Decision = { allowed: true } | { allowed: false; reason: DenialReason };

/**
 * Decides one action for one caller (`null`: signed out). The reasons come in the order a
 * person can act on them: sign in first; a missing role is not something verifying fixes,
 * so it is reported before verification.
 */
export function accessDecision(subject: Subject | null, action: Action): Decision {
  const rule: Rule = policy[action];
  if (rule.access === 'public') return { allowed: true };
  if (!subject) return { allowed: false, reason: 'sign_in_required' };
  if (!holdsRole(subject, rule)) return { allowed: false, reason: 'role_required' };
  if (rule.access === 'verified' && subject.identity !== 'verified') {
    return { allowed: false, reason: 'verification_required' };
  }
  return { allowed: true };
}

/** Whether the caller may take the action. */
export function can(subject: Subject | null, action: Action): boolean {
  return accessDecision(subject, action).allowed;
}

function holdsRole(subject: Subject, rule: Rule): boolean {
  if (rule.roles.length === 0 && rule.groupRoles.length === 0) return true;
  if (rule.roles.some((role) => subject.roles.includes(role))) return true;
  const groupRole = subject.groupRole ?? null;
  return groupRole !== null && rule.groupRoles.includes(groupRole);
}

/**
 * What the mini-app registry needs to know of an action: the identity level that opens it
 * (public and signed-in both count as `unverified`: a signed-out browser uses the same tiles)
 * and the city-wide roles of which one is needed.
 */
export function miniAppRequirements(action: Action): {
  action: Action;
  identity: IdentityLevel;
  roles: readonly Role[];
} {
  const rule: Rule = policy[action];
  return { action, identity: rule.access === 'verified' ? 'verified' : 'unverified', roles: rule.roles };
}
