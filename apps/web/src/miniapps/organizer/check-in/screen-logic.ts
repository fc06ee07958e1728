import { checkInWindowSeconds } from '@kumamoto/domain';

/**
 * A code stays accepted one window after its own (domain check-in/window.ts): while polling
 * fails, the last code shown is good until then, and no longer.
 */
export function codeStillAccepted(windowEndsAt: string | null, now: number): boolean {
  if (windowEndsAt === null) return false;
  return now < new Date(windowEndsAt).getTime() + checkInWindowSeconds * 1000;
}

/** Refusal groups the organizer's screen names, in the order it lists them. */
export const refusalGroups = [
  'not_applied',
  'already_checked_in',
  'not_verified',
  'expired',
  'other',
] as const;
export type RefusalGroup = (typeof refusalGroups)[number];

/** The server's reasons as the organizer reads them: every kind of old or unknown code is "old code". */
function groupOf(reason: string): RefusalGroup {
  switch (reason) {
    case 'not_applied':
    case 'already_checked_in':
    case 'not_verified':
      return reason;
    case 'token_expired':
    case 'code_not_recognised':
      return 'expired';
    default:
      return 'other';
  }
}

/** "not applied 2, already checked in 5": the groups with a count, in order. */
export function refusalSummary(refusals: Record<string, number>): { group: RefusalGroup; count: number }[] {
  const counts = new Map<RefusalGroup, number>();
  for (const [reason, count] of Object.entries(refusals)) {
    const group = groupOf(reason);
    counts.set(group, (counts.get(group) ?? 0) + count);
  }
  return refusalGroups
    .map((group) => ({ group, count: counts.get(group) ?? 0 }))
    .filter((entry) => entry.count > 0);
}
