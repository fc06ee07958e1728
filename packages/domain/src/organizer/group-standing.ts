import { rightsExpireAt } from './fiscal-year.ts';
import type { EffectiveGroupStatus, GroupFacts } from './lifecycle-states.ts';

/**
 * What a group may do now. Derived from stored facts and the clock only, so that rights lapse
 * at 00:00 JST on 1 April without a job (R-ORG-6).
 */
export function effectiveGroupStatus(group: GroupFacts, now: Date): EffectiveGroupStatus {
  if (group.status === 'ended') return 'ended';
  if (group.status === 'suspended') return 'suspended';
  return now.getTime() >= rightsExpireAt(group.rightsEnd).getTime() ? 'lapsed' : 'active';
}

export const groupRefusals = ['lapsed', 'suspended', 'ended', 'change_pending'] as const;
export type GroupRefusal = (typeof groupRefusals)[number];

export type GroupPermission = { ok: true } | { ok: false; reason: GroupRefusal };

/** R-ORG-10: a suspended, lapsed or ended group issues no points (checked at each scan). */
export function canIssuePoints(group: GroupFacts, now: Date): GroupPermission {
  const status = effectiveGroupStatus(group, now);
  return status === 'active' ? { ok: true } : { ok: false, reason: status };
}

/**
 * R-ORG-10 as for points, and R-ORG-8: while a change application is pending no new activity
 * may be created (activities already published carry on).
 */
export function canCreateActivities(
  group: GroupFacts & { changePending: boolean },
  now: Date,
): GroupPermission {
  const standing = canIssuePoints(group, now);
  if (!standing.ok) return standing;
  return group.changePending ? { ok: false, reason: 'change_pending' } : { ok: true };
}
