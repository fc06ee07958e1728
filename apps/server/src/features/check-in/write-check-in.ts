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
 * inserted only from the attendance row that statement inserted. A concurrent scan of the same
 * person waits on that key for the first one to commit, then inserts nothing. No serializable
 * isolation and so no retry storms (only a certificate-serial clash, once in billions, is drawn
 * again), no table scans (every read is an index lookup), no hot row written by every scan.
 *
 * `inTransaction`: the caller's transaction; each attempt then runs in a savepoint, so that a
 * serial clash does not abort the caller's work.
 */
export async function writeCheckIn(
  db: Database | Transaction,
  input: WriteCheckInInput,
  options: { inTransaction?: boolean } = {},
): Promise<WriteCheckInResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return options.inTransaction
        ? await db.transaction((savepoint) => writeOnce(savepoint, input))
        : await writeOnce(db, input);
    } catch (error) {
      // The only unique key this statement can break is the certificate serial's.
      if (!isUniqueViolation(error) || attempt >= serialAttempts) throw error;
    }
  }
}

/**
 * The statement, with named placeholders: built once, and run as a named prepared statement
 * (parsed and planned once per connection), which in a surge is most of its cost on the
 * database. Every parameter is cast, so its type is fixed when it is prepared.
 */
const p = (name: string) => sql.placeholder(name);
const writeStatement = new PgDialect().sqlToQuery(sql`
  with before as (
    select count(*)::int as n from attendances where user_id = ${p('userId')}::uuid
  ), att as (
    insert into attendances (id, activity_id, user_id, walk_in, method, checked_in_at, issued_by_user_id, reason)
    values (${p('attendanceId')}::uuid, ${p('activityId')}::uuid, ${p('userId')}::uuid, ${p('walkIn')}::boolean,
            ${p('method')}::text, ${p('now')}::timestamptz, ${p('issuedBy')}::uuid, ${p('reason')}::text)
    on conflict on constraint attendances_one_per_person do nothing
    returning id
  ), grant_entry as (
    insert into point_entries (user_id, kind, amount, at, last_usable_day, attendance_id, actor_user_id, reason)
    select ${p('userId')}::uuid, 'grant', ${p('points')}::int, ${p('now')}::timestamptz,
           ${p('lastUsableDay')}::date, att.id, ${p('issuedBy')}::uuid, ${p('reason')}::text
    from att
    returning id
  ), certificate as (
    insert into certificates (serial, attendance_id, activity_id, user_id, holder_name, activity_title,
                              group_name, place, starts_at, ends_at, issued_at, signature)
    select ${p('serial')}::text, att.id, ${p('activityId')}::uuid, ${p('userId')}::uuid, ${p('holderName')}::text,
           ${p('title')}::text, ${p('groupName')}::text, ${p('place')}::text,
           ${p('startsAt')}::timestamptz, ${p('endsAt')}::timestamptz, ${p('now')}::timestamptz, ${p('signature')}::text
    from att
    returning id
  ), announced as (
    insert into rank_announcements (user_id, rank, created_at)
    select ${p('userId')}::uuid, ${p('rankId')}::text, ${p('now')}::timestamptz
    from att, before
    where ${p('rankId')}::text is not null and before.n = ${p('participationsBefore')}::int
    on conflict do nothing
    returning rank
  ), notice as (
    insert into notifications (user_id, kind, params, link, created_at)
    select ${p('userId')}::uuid, 'rank_up', ${p('noticeParams')}::jsonb, '/points', ${p('now')}::timestamptz
    from announced
    returning id
  )
  select (select count(*)::int from att) as inserted,
         (select n from before) as before,
         (select count(*)::int from announced) as ranked
`);

async function writeOnce(db: Database | Transaction, input: WriteCheckInInput): Promise<WriteCheckInResult> {
  const { activity, userId, now, keys } = input;
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
  const expected =
    rankUp(input.participationsBefore, input.participationsBefore + 1, input.ranks)?.to ?? null;
  const prepared = db._.session.prepareQuery(writeStatement, undefined, 'check_in_write', false);
  const { rows } = (await prepared.execute({
    attendanceId: randomUUID(),
    activityId: activity.id,
    userId,
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
  })) as { rows: { inserted: number; before: number; ranked: number }[] };
  const row = rows[0];
  if (!row || row.inserted !== 1) return { inserted: false };
  if (row.before === input.participationsBefore)
    return { inserted: true, serial, rankUp: row.ranked > 0 ? expected : null };
  // Another check-in of the same person committed between the read and this write: announce
  // by the count this write really saw (the announcement key keeps it to once per rank).
  return { inserted: true, serial, rankUp: await announceRank(db, userId, row.before, input.ranks, now) };
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
