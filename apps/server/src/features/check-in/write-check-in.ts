import { randomBytes, randomUUID } from 'node:crypto';
import {
  certificateSerial,
  certificateSerialRandomBytes,
  certificateSigningBytes,
  jstDate,
  lastUsableDay,
  pointsPerCheckIn,
  rankUp,
  type Rank,
  type RankTable,
} from '@kumamoto/domain';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { queryRows, type Database } from '../../db/client.ts';
import { Batcher } from '../../platform/batcher.ts';
import { perDatabase } from '../../platform/per-database.ts';
import { isUniqueViolation } from '../../platform/sql-errors.ts';
import type { CheckInKeys } from './signing.ts';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** What the certificate names (R-PT-10): the activity as it stands when it is issued. */
export interface CertifiedActivity {
  id: string;
  title: string;
  groupName: string;
  place: string;
  startsAt: Date;
  endsAt: Date;
}

export interface WriteCheckInInput {
  activity: CertifiedActivity;
  userId: string;
  /** The name on the My Number Card (R-ID-1), printed on the certificate. */
  holderName: string;
  walkIn: boolean;
  method: 'qr' | 'code' | 'city';
  now: Date;
  /** City staff issuing it late after an app fault (FAQ Q3), and the fault they wrote down. */
  issuedByUserId?: string | null;
  reason?: string | null;
  /** The resident's participation count before this check-in, as read with the other facts. */
  participationsBefore: number;
  keys: CheckInKeys;
  ranks: RankTable;
}

export type WriteCheckInResult =
  | { inserted: true; serial: string; rankUp: Rank | null }
  /** Someone else's identical check-in got there first (a repeated or concurrent scan). */
  | { inserted: false };

/** Certificate serials are random (35 bits); a clash with an existing one is drawn again. */
const serialAttempts = 5;

/**
 * The check-in itself (R-PT-1, R-PT-5, R-PT-6, R-PT-9, R-PT-10): the attendance, the grant of
 * 100 points valid through the day before the same date next year, the signed certificate and,
 * when this check-in raises the rank, the rank-up notice — in ONE statement, so in one
 * transaction and one round trip to the database.
 *
 * Idempotent by the database's keys, not by reading first: the attendance insert skips on the
 * one-per-person key (`ON CONFLICT DO NOTHING`), and the grant, certificate and notice are
 * inserted only from the attendance rows that statement inserted. A concurrent scan of the same
 * person waits on that key for the first one to commit, then inserts nothing. No serializable
 * isolation and so no retry storms (only a certificate-serial clash, once in billions, is drawn
 * again), no table scans (every read is an index lookup), no hot row written by every scan.
 *
 * Concurrent check-ins share the statement (`Batcher`): in a surge, one statement and one
 * commit write a whole batch, each check-in still whole or not at all.
 *
 * `inTransaction`: the caller's transaction; each attempt then runs alone in a savepoint, so
 * that a serial clash does not abort the caller's work.
 */
export async function writeCheckIn(
  db: Database | Transaction,
  input: WriteCheckInInput,
  options: { inTransaction?: boolean } = {},
): Promise<WriteCheckInResult> {
  for (let attempt = 1; ; attempt++) {
    // A fresh serial (and so signature) on each attempt.
    const row = checkInRow(input);
    try {
      const written = options.inTransaction
        ? await db.transaction(async (savepoint) => (await writeRows(savepoint, [row]))[0])
        : await writeBatched(db, row);
      return await outcome(db, input, row, written);
    } catch (error) {
      // The only unique key this statement can break is the certificate serial's.
      if (!isUniqueViolation(error) || attempt >= serialAttempts) throw error;
    }
  }
}

/** One check-in as the statement's parameters name it. */
interface CheckInRow {
  attendanceId: string;
  activityId: string;
  userId: string;
  walkIn: boolean;
  method: string;
  now: string;
  issuedBy: string | null;
  reason: string | null;
  points: number;
  lastUsableDay: string;
  serial: string;
  holderName: string;
  title: string;
  groupName: string;
  place: string;
  startsAt: string;
  endsAt: string;
  signature: string;
  rankId: string | null;
  participationsBefore: number;
  noticeParams: string;
}

/** What the statement says of each check-in it was given. */
interface Written {
  inserted: boolean;
  /** The person's check-ins before this statement, as it saw them. */
  before: number;
  ranked: boolean;
}

function checkInRow(input: WriteCheckInInput): CheckInRow {
  const { activity, now, keys } = input;
  const serial = certificateSerial(
    Number(jstDate(now).slice(0, 4)),
    randomBytes(certificateSerialRandomBytes),
  );
  const signature = keys.certificate.sign(
    certificateSigningBytes({
      serial,
      holderName: input.holderName,
      activityTitle: activity.title,
      groupName: activity.groupName,
      place: activity.place,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      issuedAt: now,
    }),
  );
  // The rank this check-in reaches if the count read with the facts still holds (R-PT-9).
  const expected = expectedRank(input);
  return {
    attendanceId: randomUUID(),
    activityId: activity.id,
    userId: input.userId,
    walkIn: input.walkIn,
    method: input.method,
    now: now.toISOString(),
    issuedBy: input.issuedByUserId ?? null,
    reason: input.reason ?? null,
    points: pointsPerCheckIn,
    lastUsableDay: lastUsableDay(jstDate(now)),
    serial,
    holderName: input.holderName,
    title: activity.title,
    groupName: activity.groupName,
    place: activity.place,
    startsAt: activity.startsAt.toISOString(),
    endsAt: activity.endsAt.toISOString(),
    signature: Buffer.from(signature).toString('base64url'),
    rankId: expected?.id ?? null,
    participationsBefore: input.participationsBefore,
    noticeParams: JSON.stringify({ rankName: expected?.name.ja ?? '' }),
  };
}

const expectedRank = (input: WriteCheckInInput): Rank | null =>
  rankUp(input.participationsBefore, input.participationsBefore + 1, input.ranks)?.to ?? null;

async function outcome(
  db: Database | Transaction,
  input: WriteCheckInInput,
  row: CheckInRow,
  written: Written | undefined,
): Promise<WriteCheckInResult> {
  if (!written?.inserted) return { inserted: false };
  if (written.before === input.participationsBefore)
    return { inserted: true, serial: row.serial, rankUp: written.ranked ? expectedRank(input) : null };
  // Another check-in of the same person committed between the read and this write: announce
  // by the count this write really saw (the announcement key keeps it to once per rank).
  return {
    inserted: true,
    serial: row.serial,
    rankUp: await announceRank(db, input.userId, written.before, input.ranks, input.now),
  };
}

/**
 * The statement, for any number of check-ins: each parameter is an array with one element per
 * check-in. Built once and run as a named prepared statement (parsed and planned once per
 * connection). Rows are inserted in (activity, person) order, so two batches that wait on each
 * other's keys always wait the same way round and never deadlock.
 */
const p = (name: string) => sql.placeholder(name);
const writeStatement = new PgDialect().sqlToQuery(sql`
  with input as (
    select * from unnest(
      ${p('attendanceIds')}::uuid[], ${p('activityIds')}::uuid[], ${p('userIds')}::uuid[], ${p('walkIns')}::boolean[],
      ${p('methods')}::text[], ${p('nows')}::timestamptz[], ${p('issuedBy')}::uuid[], ${p('reasons')}::text[],
      ${p('points')}::int[], ${p('lastUsableDays')}::date[], ${p('serials')}::text[], ${p('holderNames')}::text[],
      ${p('titles')}::text[], ${p('groupNames')}::text[], ${p('places')}::text[], ${p('startsAts')}::timestamptz[],
      ${p('endsAts')}::timestamptz[], ${p('signatures')}::text[], ${p('rankIds')}::text[],
      ${p('participationsBefore')}::int[], ${p('noticeParams')}::text[]
    ) with ordinality as t(attendance_id, activity_id, user_id, walk_in, method, at, issued_by, reason, points,
                           last_usable_day, serial, holder_name, title, group_name, place, starts_at, ends_at,
                           signature, rank_id, participations_before, notice_params, n)
  ), before as (
    select input.n, (select count(*)::int from attendances a where a.user_id = input.user_id) as count from input
  ), att as (
    insert into attendances (id, activity_id, user_id, walk_in, method, checked_in_at, issued_by_user_id, reason)
    select attendance_id, activity_id, user_id, walk_in, method, at, issued_by, reason
    from input order by activity_id, user_id
    on conflict on constraint attendances_one_per_person do nothing
    returning id
  ), won as (
    select input.* from input join att on att.id = input.attendance_id
  ), grant_entry as (
    insert into point_entries (user_id, kind, amount, at, last_usable_day, attendance_id, actor_user_id, reason)
    select user_id, 'grant', points, at, last_usable_day, attendance_id, issued_by, reason from won
    returning id
  ), certificate as (
    insert into certificates (serial, attendance_id, activity_id, user_id, holder_name, activity_title,
                              group_name, place, starts_at, ends_at, issued_at, signature)
    select serial, attendance_id, activity_id, user_id, holder_name, title, group_name, place,
           starts_at, ends_at, at, signature
    from won
    returning id
  ), announced as (
    insert into rank_announcements (user_id, rank, created_at)
    select won.user_id, won.rank_id, won.at from won join before using (n)
    where won.rank_id is not null and before.count = won.participations_before
    order by won.user_id, won.rank_id
    on conflict do nothing
    returning user_id, rank
  ), notice as (
    insert into notifications (user_id, kind, params, link, created_at)
    select distinct on (announced.user_id, announced.rank)
           announced.user_id, 'rank_up', won.notice_params::jsonb, '/points', won.at
    from announced join won on won.user_id = announced.user_id and won.rank_id = announced.rank
    returning id
  )
  select (att.id is not null) as inserted,
         before.count as before,
         (att.id is not null and exists (select 1 from announced
            where announced.user_id = input.user_id and announced.rank = input.rank_id)) as ranked
  from input join before using (n) left join att on att.id = input.attendance_id
  order by input.n
`);

/** Runs the statement for `rows`; the answers come back in the same order. */
async function writeRows(db: Database | Transaction, rows: CheckInRow[]): Promise<Written[]> {
  const column = <K extends keyof CheckInRow>(key: K) => rows.map((row) => row[key]);
  const prepared = db._.session.prepareQuery(writeStatement, undefined, 'check_in_write', false);
  const result = (await prepared.execute({
    attendanceIds: column('attendanceId'),
    activityIds: column('activityId'),
    userIds: column('userId'),
    walkIns: column('walkIn'),
    methods: column('method'),
    nows: column('now'),
    issuedBy: column('issuedBy'),
    reasons: column('reason'),
    points: column('points'),
    lastUsableDays: column('lastUsableDay'),
    serials: column('serial'),
    holderNames: column('holderName'),
    titles: column('title'),
    groupNames: column('groupName'),
    places: column('place'),
    startsAts: column('startsAt'),
    endsAts: column('endsAt'),
    signatures: column('signature'),
    rankIds: column('rankId'),
    participationsBefore: column('participationsBefore'),
    noticeParams: column('noticeParams'),
  })) as { rows: Written[] };
  return result.rows;
}

/** A check-in's answer from a batch, or why it alone failed. */
type BatchAnswer = { written: Written } | { failed: unknown };

/**
 * Batched writes. When a batch fails (a serial clash, a person deleted meanwhile), nothing of
 * it was written, and each of its check-ins is tried again alone: one bad check-in fails only
 * itself.
 */
const writeBatcher = perDatabase((db: Database): Batcher<CheckInRow, BatchAnswer> => {
  const alone = (row: CheckInRow): Promise<BatchAnswer> =>
    writeRows(db, [row]).then(
      ([written]) => (written ? { written } : { failed: new Error('no answer for the check-in') }),
      (error: unknown) => ({ failed: error }),
    );
  return new Batcher(
    async (rows) => {
      if (rows.length === 1) return [await alone(rows[0] as CheckInRow)];
      try {
        return (await writeRows(db, rows)).map((written) => ({ written }));
      } catch {
        return Promise.all(rows.map(alone));
      }
    },
    { maxInFlight: 4, maxBatch: 100 },
  );
});

async function writeBatched(db: Database, row: CheckInRow): Promise<Written> {
  const answer = await writeBatcher(db).load(row);
  if ('failed' in answer) throw answer.failed;
  return answer.written;
}

/** The rank-up notice for going from `before` to `before + 1` check-ins, once per rank (R-PT-9). */
async function announceRank(
  db: Pick<Database, 'execute'>,
  userId: string,
  before: number,
  ranks: RankTable,
  now: Date,
): Promise<Rank | null> {
  const reached = rankUp(before, before + 1, ranks)?.to;
  if (!reached) return null;
  const [row] = await queryRows<{ ranked: number }>(
    db,
    sql`
      with announced as (
        insert into rank_announcements (user_id, rank, created_at)
        values (${userId}::uuid, ${reached.id}::text, ${now.toISOString()}::timestamptz)
        on conflict do nothing
        returning rank
      ), notice as (
        insert into notifications (user_id, kind, params, link, created_at)
        select ${userId}::uuid, 'rank_up', ${JSON.stringify({ rankName: reached.name.ja })}::jsonb,
               '/points', ${now.toISOString()}::timestamptz
        from announced
        returning id
      )
      select (select count(*)::int from announced) as ranked
    `,
  );
  return row && row.ranked > 0 ? reached : null;
}
