import {
  jstDate,
  lateIssueDecision,
  pointsPerCheckIn,
  type ErrorCode,
  type LateIssueRefusalReason,
  type RankTable,
} from '@kumamoto/domain';
import { and, eq, min } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users, verificationEvents } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { CheckInResult } from './check-in.ts';
import { loadCheckInFacts } from './facts.ts';
import type { CheckInKeys } from './signing.ts';
import { writeCheckIn } from './write-check-in.ts';

const codeByRefusal: Record<LateIssueRefusalReason, ErrorCode> = {
  reason_required: 'check_in_reason_required',
  activity_cancelled: 'check_in_activity_cancelled',
  activity_not_held_yet: 'check_in_not_held_yet',
  already_checked_in: 'check_in_already_checked_in',
  not_verified_by_activity_day: 'check_in_not_verified_by_activity_day',
  not_applied: 'check_in_not_applied',
};

export interface LateCheckInInput {
  activityId: string;
  userId: string;
  /** The app fault that prevented the check-in on the day (FAQ Q3). */
  reason: string;
  staffUserId: string;
  now: Date;
  keys: CheckInKeys;
  ranks: RankTable;
  requestId?: string | null;
}

/**
 * City staff issue points and a certificate after the day, for an app fault only (R-PT-2,
 * FAQ Q3): the domain's `lateIssueDecision` decides (reason required, the day has come, the
 * resident was verified by the end of it, R-PT-3, and applied unless there was no capacity,
 * R-PT-4), then the same `writeCheckIn` as a scan writes everything, marked as issued by the
 * city with the reason, and the audit event commits with it.
 */
export async function lateCheckIn(db: Database, input: LateCheckInInput): Promise<CheckInResult> {
  const reason = input.reason.trim();
  return db.transaction(async (tx) => {
    const facts = await loadCheckInFacts(tx, input.activityId, input.userId, { inTransaction: true });
    if (!facts) throw new AppError('not_found');
    const verifiedAt = facts.resident.verified ? await firstVerifiedAt(tx, input.userId) : null;
    const decision = lateIssueDecision({
      activityDate: jstDate(facts.activity.startsAt),
      now: input.now,
      activityCancelled: facts.activity.cancelledAt !== null,
      residentVerifiedAt: verifiedAt,
      applied: facts.applied,
      capacityLimited: facts.activity.capacity !== null,
      alreadyCheckedIn: facts.existingSerial !== null,
      reason,
    });
    if (!decision.ok) throw new AppError(codeByRefusal[decision.reason]);
    const written = await writeCheckIn(
      tx,
      {
        activity: facts.activity,
        userId: input.userId,
        holderName: facts.resident.cardName ?? '',
        walkIn: decision.walkIn,
        method: 'city',
        now: input.now,
        issuedByUserId: input.staffUserId,
        reason,
        participationsBefore: facts.participations,
        keys: input.keys,
        ranks: input.ranks,
      },
      { inTransaction: true },
    );
    if (!written.inserted) throw new AppError('check_in_already_checked_in');
    await recordAudit(tx, {
      actorUserId: input.staffUserId,
      action: 'check_in.issued_late',
      subjectType: 'user',
      subjectId: input.userId,
      reason,
      details: { activityId: input.activityId, serial: written.serial, points: pointsPerCheckIn },
      requestId: input.requestId ?? null,
    });
    return {
      outcome: 'checked_in' as const,
      activity: { id: facts.activity.id, title: facts.activity.title, groupName: facts.activity.groupName },
      points: pointsPerCheckIn,
      certificate: { serial: written.serial },
      rankUp: written.rankUp ? { rankName: written.rankUp.name } : null,
    };
  });
}

/**
 * When the resident first registered with the card (R-PT-3): the earliest verification event,
 * or the account's verification time when none was recorded. Re-verifying after a move later
 * does not make an earlier registration count for less.
 */
async function firstVerifiedAt(db: Pick<Database, 'select'>, userId: string): Promise<Date | null> {
  const [event] = await db
    .select({ at: min(verificationEvents.occurredAt) })
    .from(verificationEvents)
    .where(eq(verificationEvents.userId, userId));
  const [user] = await db
    .select({ at: users.verifiedAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.identityLevel, 'verified')));
  const times = [event?.at, user?.at].filter((at): at is Date => at instanceof Date);
  return times.length > 0 ? new Date(Math.min(...times.map((at) => at.getTime()))) : null;
}
