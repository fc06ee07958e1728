import {
  acceptableCheckInWindows,
  canIssuePoints,
  checkInClockSkewSeconds,
  checkInDecision,
  checkInFallbackCode,
  currentCheckInWindow,
  jstDate,
  normalizeCheckInCode,
  pointsPerCheckIn,
  startOfJstDay,
  type CheckInCodeRefusalReason,
  type CheckInRefusalReason,
  type ErrorCode,
  type IsoDate,
  type Localized,
  type RankTable,
} from '@kumamoto/domain';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { perDatabase } from '../../platform/per-database.ts';
import {
  activitiesStartingBetween,
  checkedInSerial,
  loadCheckInFacts,
  type CheckInFactsRow,
} from './facts.ts';
import { countRefusal } from './refusal-counter.ts';
import { checkInToken, checkToken, type CheckInKeys } from './signing.ts';
import { writeCheckIn } from './write-check-in.ts';

/** What the resident scanned (the QR code's token) or typed (the 6-character fallback code). */
export type CheckInScan = { token: string } | { code: string };

export interface CheckInInput {
  userId: string;
  scan: CheckInScan;
  /** Scanning from one activity's page: a code of any other activity is refused. */
  expectedActivityId?: string;
  now: Date;
  keys: CheckInKeys;
  ranks: RankTable;
  requestId?: string | null;
}

export interface CheckInResult {
  outcome: 'checked_in' | 'already_checked_in';
  activity: { id: string; title: string; groupName: string };
  points: number;
  certificate: { serial: string };
  rankUp: { rankName: Localized } | null;
}

const codeByTokenRefusal: Record<CheckInCodeRefusalReason, ErrorCode> = {
  token_malformed: 'check_in_token_malformed',
  token_signature_invalid: 'check_in_token_invalid',
  token_expired: 'check_in_token_expired',
  token_not_yet_valid: 'check_in_token_not_yet_valid',
  token_other_activity: 'check_in_token_other_activity',
  code_not_recognised: 'check_in_code_not_recognised',
};

const codeByRefusal: Record<Exclude<CheckInRefusalReason, 'already_checked_in'>, ErrorCode> = {
  group_inactive: 'check_in_group_inactive',
  activity_cancelled: 'check_in_activity_cancelled',
  wrong_day: 'check_in_wrong_day',
  // The same answer the access policy gives: verify with the card first (R-PT-3).
  not_verified: 'verification_required',
  not_applied: 'check_in_not_applied',
};

/**
 * Refusals that say someone is forging or replaying codes rather than scanning the screen:
 * a token our key did not sign (tampered, forged), one cut or edited, or one from a window no
 * screen shows yet (a leaked key or a forged clock). Each is audited.
 */
const attacks = new Set<CheckInCodeRefusalReason>([
  'token_malformed',
  'token_signature_invalid',
  'token_not_yet_valid',
]);

/**
 * A resident's check-in by QR code or typed code (issue 6 part 2; R-PT-1 … R-PT-6, R-PT-9,
 * R-ORG-10). The code is checked first (signature, window, activity), then the decision is the
 * domain's `checkInDecision` on facts read in one query, then `writeCheckIn` writes attendance,
 * grant, certificate and any rank-up notice in one statement.
 *
 * Repeated and concurrent scans are idempotent: the answer is `already_checked_in` with the
 * certificate of the first one, and never a second grant (a repeat this server has just seen is
 * answered from memory, `RecentCheckIns`). A refusal writes nothing but a count
 * for the organizer's screen (where the activity is known) and, for an attack, an audit event.
 */
export async function checkIn(db: Database, input: CheckInInput): Promise<CheckInResult> {
  const { activityId, method } = await resolveScan(db, input);
  const { now } = input;
  const remembered = recentCheckIns(db).find(activityId, input.userId, now);
  if (remembered) {
    await countRefusal(db, activityId, 'already_checked_in', now);
    return { ...remembered, outcome: 'already_checked_in', rankUp: null };
  }
  const facts = await loadCheckInFacts(db, activityId, input.userId);
  if (!facts) throw new AppError('not_found');
  const decision = checkInDecision({
    activityDate: jstDate(facts.activity.startsAt),
    now,
    activityCancelled: facts.activity.cancelledAt !== null,
    groupCanIssuePoints: canIssuePoints(
      { status: facts.group.status, rightsEnd: facts.group.rightsEnd as IsoDate },
      now,
    ).ok,
    residentVerified: facts.resident.verified,
    applied: facts.applied,
    capacityLimited: facts.activity.capacity !== null,
    alreadyCheckedIn: facts.existingSerial !== null,
  });
  if (!decision.ok) {
    await countRefusal(db, activityId, decision.reason, now);
    if (decision.reason !== 'already_checked_in') throw new AppError(codeByRefusal[decision.reason]);
    return remember(db, input, result('already_checked_in', facts, facts.existingSerial ?? '', null));
  }
  const written = await writeCheckIn(db, {
    activity: facts.activity,
    userId: input.userId,
    holderName: facts.resident.cardName ?? '',
    walkIn: decision.walkIn,
    method,
    now,
    participationsBefore: facts.participations,
    keys: input.keys,
    ranks: input.ranks,
  });
  if (written.inserted)
    return remember(
      db,
      input,
      result('checked_in', facts, written.serial, written.rankUp ? { rankName: written.rankUp.name } : null),
    );
  // A concurrent scan of the same person committed first: theirs is the one check-in.
  await countRefusal(db, activityId, 'already_checked_in', now);
  const serial = await checkedInSerial(db, activityId, input.userId);
  if (!serial) throw new AppError('internal');
  return remember(db, input, result('already_checked_in', facts, serial, null));
}

function result(
  outcome: CheckInResult['outcome'],
  facts: CheckInFactsRow,
  serial: string,
  rankUp: CheckInResult['rankUp'],
): CheckInResult {
  const { activity } = facts;
  return {
    outcome,
    activity: { id: activity.id, title: activity.title, groupName: activity.groupName },
    points: pointsPerCheckIn,
    certificate: { serial },
    rankUp,
  };
}

function remember(db: Database, input: CheckInInput, answer: CheckInResult): CheckInResult {
  recentCheckIns(db).add(answer.activity.id, input.userId, answer, input.now);
  return answer;
}

/**
 * Check-ins this server made or saw in the last few minutes, so that the nervous second tap
 * of a surge (issue 6: "each also repeating the scan") is answered from memory, without another
 * read. Only committed check-ins are remembered, and a check-in is never undone (attendances are
 * not deleted, a revoked certificate keeps its serial), so a remembered answer stays true; a
 * server that does not remember one (restarted, or another instance) reads it from the database.
 */
class RecentCheckIns {
  private readonly entries = new Map<string, { answer: CheckInResult; at: number }>();
  private static readonly keepMs = 10 * 60_000;
  private static readonly limit = 50_000;

  find(activityId: string, userId: string, now: Date): CheckInResult | null {
    const entry = this.entries.get(`${activityId}:${userId}`);
    if (!entry || Math.abs(now.getTime() - entry.at) > RecentCheckIns.keepMs) return null;
    return entry.answer;
  }

  add(activityId: string, userId: string, answer: CheckInResult, now: Date): void {
    if (this.entries.size >= RecentCheckIns.limit) this.entries.clear();
    this.entries.set(`${activityId}:${userId}`, { answer, at: now.getTime() });
  }
}

const recentCheckIns = perDatabase((_db: Database) => new RecentCheckIns());

/**
 * Which activity a scanned token or typed code is for, or the refusal. A token is verified;
 * a typed code names no activity, so it is matched against the codes of today's activities
 * for the windows a typed code is accepted in (domain `acceptableCheckInWindows(now, 'typed')`).
 */
export async function resolveScan(
  db: Database,
  input: Pick<CheckInInput, 'scan' | 'expectedActivityId' | 'now' | 'keys' | 'userId' | 'requestId'>,
): Promise<{ activityId: string; method: 'qr' | 'code' }> {
  const { scan, now } = input;
  if ('code' in scan) {
    const activityId = await matchTypedCode(db, input.keys, scan.code, now, input.expectedActivityId);
    if (!activityId) throw new AppError(codeByTokenRefusal.code_not_recognised);
    return { activityId, method: 'code' };
  }
  const checked = checkToken(input.keys.checkIn, scan.token, now, {
    entry: 'scan',
    ...(input.expectedActivityId ? { expectedActivityId: input.expectedActivityId } : {}),
  });
  if (checked.ok) return { activityId: checked.payload.activityId, method: 'qr' };
  if (attacks.has(checked.reason))
    await recordAudit(db, {
      actorUserId: input.userId,
      action: 'check_in.code_refused',
      subjectType: 'activity',
      subjectId: checked.claimedActivityId,
      reason: checked.reason,
      details: { entry: 'scan' },
      requestId: input.requestId ?? null,
    });
  // An old code is worth counting for the organizer ("a photo of the code is going round").
  if (checked.reason === 'token_expired' && checked.activityId)
    await countRefusal(db, checked.activityId, checked.reason, now);
  throw new AppError(codeByTokenRefusal[checked.reason]);
}

async function matchTypedCode(
  db: Database,
  keys: CheckInKeys,
  typed: string,
  now: Date,
  expectedActivityId: string | undefined,
): Promise<string | null> {
  const code = normalizeCheckInCode(typed);
  if (!code) return null;
  const dayStart = startOfJstDay(jstDate(now));
  // Japan keeps no daylight saving time: every JST day is 24 hours long.
  const candidates = await activitiesStartingBetween(db, dayStart, new Date(dayStart.getTime() + 86_400_000));
  // The windows a typed code is good for, and the next one when the screen's clock runs ahead.
  const ahead = currentCheckInWindow(new Date(now.getTime() + checkInClockSkewSeconds * 1000));
  const windows = [...new Set([ahead, ...acceptableCheckInWindows(now, 'typed')])];
  const matches = candidates.filter(
    (activityId) =>
      (expectedActivityId === undefined || activityId === expectedActivityId.toLowerCase()) &&
      windows.some((window) => checkInFallbackCode(checkInToken(keys.checkIn, activityId, window)) === code),
  );
  // Two activities showing the same six characters at once: too rare to guess between.
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
