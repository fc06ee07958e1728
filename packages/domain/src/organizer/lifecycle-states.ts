import type { IsoDate } from '../jst.ts';

/**
 * The vocabulary of an organizer group's life: what is stored for each part, and who acts.
 * The transitions between them are in `lifecycle-table.ts` (the one place they are decided).
 */

/** The registration application (R-ORG-3, R-ORG-5). `resubmitted` marks a later round. */
export const applicationStatuses = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'approved',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Applications the same person may not open twice for one group name (issue 4, bad input). */
export const openApplicationStatuses: readonly ApplicationStatus[] = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
];

/**
 * The group as stored (R-ORG-10). "Lapsed" is not stored: it is derived from the rights' end
 * and the clock (`effectiveGroupStatus`), so no job has to run at the year end (R-ORG-6).
 */
export const groupStatuses = ['active', 'suspended', 'ended'] as const;
export type GroupStatus = (typeof groupStatuses)[number];

export const effectiveGroupStatuses = ['active', 'lapsed', 'suspended', 'ended'] as const;
export type EffectiveGroupStatus = (typeof effectiveGroupStatuses)[number];

/** The stored facts about an approved group that its standing depends on. */
export interface GroupFacts {
  status: GroupStatus;
  /** Last JST day on which the management rights are in force (a 31 March, R-ORG-6). */
  rightsEnd: IsoDate;
}

/**
 * Change (R-ORG-8) and renewal (R-ORG-6) applications share one review cycle. `cancelled`:
 * closed because the group ended while the request was open.
 */
export const requestStatuses = ['pending', 'returned', 'approved', 'withdrawn', 'cancelled'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** A request to end use mid-year (R-ORG-9). */
export const terminationStatuses = ['requested', 'completed', 'withdrawn', 'cancelled'] as const;
export type TerminationStatus = (typeof terminationStatuses)[number];

/**
 * Who acts, relative to the application or group at hand. The server decides which one a
 * viewer is; `other_resident` is anyone with no part in it.
 */
export const lifecycleActors = [
  'applicant',
  'group_admin',
  'group_member',
  'city_reviewer',
  'city_admin',
  'other_resident',
] as const;
export type LifecycleActor = (typeof lifecycleActors)[number];

/**
 * Everything the lifecycle decides on, as stored. `change`, `renewal` and `termination` are the
 * latest request of each kind (null: none yet). `group` exists once the application is approved.
 */
export interface LifecycleState {
  application: ApplicationStatus;
  group: GroupFacts | null;
  change: RequestStatus | null;
  renewal: RequestStatus | null;
  termination: TerminationStatus | null;
}

export const initialLifecycleState: LifecycleState = {
  application: 'draft',
  group: null,
  change: null,
  renewal: null,
  termination: null,
};
