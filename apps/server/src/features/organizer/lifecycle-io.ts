import {
  defaultOrganizerSettings,
  transition,
  type ErrorCode,
  type IsoDate,
  type LifecycleActor,
  type LifecycleEvent,
  type LifecycleRefusal,
  type LifecycleRule,
  type LifecycleState,
  type OrganizerSettings,
  type RequestStatus,
  type Role,
  type TerminationStatus,
} from '@kumamoto/domain';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { organizerApplications, organizerGroups, organizerRequests } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The bridge between stored rows and the domain's one lifecycle (issue 4 item 9): rows become a
 * `LifecycleState`, `transition` decides, refusals become error codes. No transition is decided
 * anywhere else on the server.
 */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Db = Database | Transaction;

export type ApplicationRow = typeof organizerApplications.$inferSelect;
export type GroupRow = typeof organizerGroups.$inferSelect;
export type RequestRow = typeof organizerRequests.$inferSelect;

/** The settings in force. The city changes them by configuration (none is configured yet). */
export const organizerSettings: OrganizerSettings = defaultOrganizerSettings;

const codeByRefusal: Record<LifecycleRefusal, ErrorCode> = {
  actor_not_allowed: 'forbidden',
  wrong_state: 'organizer_wrong_state',
  no_group: 'not_found',
  group_lapsed: 'organizer_group_lapsed',
  group_suspended: 'organizer_group_suspended',
  group_ended: 'organizer_group_ended',
  renewal_window_not_open: 'organizer_renewal_window_not_open',
  termination_requested: 'organizer_termination_requested',
  reason_required: 'organizer_reason_required',
  reason_too_long: 'organizer_reason_too_long',
};

export function refusalError(reason: LifecycleRefusal): AppError {
  return new AppError(codeByRefusal[reason]);
}

/** Decides `event` or throws the refusal as an AppError. */
export function decide(
  state: LifecycleState,
  event: LifecycleEvent,
  actor: LifecycleActor,
  context: { now: Date; reason?: string },
): { rule: LifecycleRule; state: LifecycleState } {
  const result = transition(state, event, actor, { ...context, settings: organizerSettings });
  if (!result.ok) throw refusalError(result.reason);
  return result;
}

/** The city-side actor a staff member acts as (the stronger role wins). */
export function cityActor(roles: readonly Role[]): LifecycleActor | null {
  if (roles.includes('city_admin')) return 'city_admin';
  if (roles.includes('city_reviewer')) return 'city_reviewer';
  return null;
}

export interface LatestRequests {
  change: RequestRow | null;
  renewal: RequestRow | null;
  termination: RequestRow | null;
}

export async function latestRequests(db: Db, groupId: string): Promise<LatestRequests> {
  const rows = await db
    .select()
    .from(organizerRequests)
    .where(eq(organizerRequests.groupId, groupId))
    .orderBy(desc(organizerRequests.createdAt), desc(organizerRequests.id));
  const latest = (kind: RequestRow['kind']) => rows.find((row) => row.kind === kind) ?? null;
  return { change: latest('change'), renewal: latest('renewal'), termination: latest('termination') };
}

/** The stored rows as the lifecycle sees them. */
export function lifecycleState(
  application: Pick<ApplicationRow, 'status'>,
  group: Pick<GroupRow, 'status' | 'rightsEnd'> | null,
  requests: LatestRequests = { change: null, renewal: null, termination: null },
): LifecycleState {
  return {
    application: application.status,
    group: group && {
      status: group.status,
      rightsEnd: group.rightsEnd as IsoDate,
    },
    change: (requests.change?.status as RequestStatus | undefined) ?? null,
    renewal: (requests.renewal?.status as RequestStatus | undefined) ?? null,
    termination: (requests.termination?.status as TerminationStatus | undefined) ?? null,
  };
}

/** Locks an application row for the rest of the transaction (double approve, racing saves). */
export async function lockApplication(tx: Transaction, id: string): Promise<ApplicationRow | null> {
  const [row] = await tx
    .select()
    .from(organizerApplications)
    .where(eq(organizerApplications.id, id))
    .for('update');
  return row ?? null;
}

/** Locks a group row: member changes of one group happen one at a time (R-ORG-7 limit). */
export async function lockGroup(tx: Transaction, id: string): Promise<GroupRow | null> {
  const [row] = await tx.select().from(organizerGroups).where(eq(organizerGroups.id, id)).for('update');
  return row ?? null;
}

export async function groupOfApplication(db: Db, applicationId: string): Promise<GroupRow | null> {
  const [row] = await db
    .select()
    .from(organizerGroups)
    .where(eq(organizerGroups.applicationId, applicationId));
  return row ?? null;
}

/** The group name stored in a details column (empty if absent). */
export function nameOf(details: Record<string, unknown>): string {
  return typeof details.name === 'string' ? details.name : '';
}
