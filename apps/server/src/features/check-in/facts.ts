import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { Batcher } from '../../platform/batcher.ts';
import { perDatabase } from '../../platform/per-database.ts';
import { activities, attendances, certificates, organizerGroups, users } from '../../db/schema.ts';
import type { CertifiedActivity } from './write-check-in.ts';

type Db = Pick<Database, 'select'>;

/** Everything a check-in decision needs about one activity and one resident, read at once. */
export interface CheckInFactsRow {
  activity: CertifiedActivity & {
    visibility: 'draft' | 'public' | 'unlisted';
    capacity: number | null;
    cancelledAt: Date | null;
    startsAt: Date;
  };
  group: { status: 'active' | 'suspended' | 'ended'; rightsEnd: string };
  resident: { verified: boolean; cardName: string | null };
  /** Holds a place (not waiting-listed, not withdrawn). */
  applied: boolean;
  /** The certificate of an earlier check-in to this activity, if any. */
  existingSerial: string | null;
  /** Activities checked in to so far, over all time (R-PT-9). */
  participations: number;
}

/** The facts of one activity for the residents `residentCondition` picks. */
function factsQuery(db: Db, residentCondition: SQL) {
  return db
    .select({
      userId: users.id,
      id: activities.id,
      title: activities.title,
      placeName: activities.placeName,
      address: activities.address,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      capacity: activities.capacity,
      cancelledAt: activities.cancelledAt,
      visibility: activities.visibility,
      groupStatus: organizerGroups.status,
      rightsEnd: organizerGroups.rightsEnd,
      groupName: sql<string | null>`${organizerGroups.details}->>'name'`,
      identityLevel: users.identityLevel,
      cardName: users.cardName,
      // `status <> 'cancelled'` spelled out, so the one-live-application index serves it.
      applied: sql<boolean>`exists (select 1 from activity_applications p
        where p.activity_id = ${activities.id} and p.user_id = ${users.id}
          and p.status <> 'cancelled' and p.status = 'applied')`,
      existingSerial: sql<string | null>`(select c.serial from attendances t
        join certificates c on c.attendance_id = t.id
        where t.activity_id = ${activities.id} and t.user_id = ${users.id})`,
      participations: sql<number>`(select count(*)::int from attendances t where t.user_id = ${users.id})`,
    })
    .from(activities)
    .innerJoin(organizerGroups, eq(organizerGroups.id, activities.groupId))
    .innerJoin(users, residentCondition)
    .where(eq(activities.id, sql.placeholder('activityId')));
}

type FactsRow = Awaited<ReturnType<ReturnType<typeof factsQuery>['execute']>>[number];
type Lookup = { activityId: string; userId: string };

/**
 * Concurrent check-ins read their facts together (`Batcher`): one prepared query per activity
 * for all the residents scanning it at that moment, so a surge at one activity costs a few
 * round trips, not one per scan.
 */
const factsBatcher = perDatabase((db: Db): Batcher<Lookup, FactsRow | null> => {
  const query = factsQuery(db, sql`${users.id} = any(${sql.placeholder('userIds')}::uuid[])`).prepare(
    'check_in_facts',
  );
  return new Batcher(
    async (lookups) => {
      const found = new Map<string, FactsRow>();
      for (const activityId of new Set(lookups.map((lookup) => lookup.activityId))) {
        const userIds = [...new Set(lookups.filter((l) => l.activityId === activityId).map((l) => l.userId))];
        for (const row of await query.execute({ activityId, userIds }))
          found.set(`${activityId}:${row.userId}`, row);
      }
      return lookups.map(({ activityId, userId }) => found.get(`${activityId}:${userId}`) ?? null);
    },
    { maxInFlight: 4, maxBatch: 200 },
  );
});

/**
 * One query, index lookups only: the activity with its group, the resident, their
 * application, an earlier check-in, and their participation count. Null when the activity or
 * the person does not exist, or the activity is only a draft (it has no day yet).
 *
 * On the database itself (not inside a transaction) it runs batched (`factsBatcher`).
 */
export async function loadCheckInFacts(
  db: Db,
  activityId: string,
  userId: string,
  options: { inTransaction?: boolean } = {},
): Promise<CheckInFactsRow | null> {
  let row: FactsRow | null | undefined;
  if (options.inTransaction)
    [row] = await factsQuery(db, eq(users.id, sql.placeholder('userId'))).execute({ activityId, userId });
  else
    row = await factsBatcher(db).load({ activityId: activityId.toLowerCase(), userId: userId.toLowerCase() });
  if (!row || row.visibility === 'draft' || !row.startsAt || !row.endsAt) return null;
  return {
    activity: {
      id: row.id,
      title: row.title,
      groupName: row.groupName ?? '',
      // The certificate's place: the place's name, or its address when it has none.
      place: row.placeName.trim() || row.address,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      visibility: row.visibility,
      capacity: row.capacity,
      cancelledAt: row.cancelledAt,
    },
    group: { status: row.groupStatus, rightsEnd: row.rightsEnd },
    resident: { verified: row.identityLevel === 'verified', cardName: row.cardName },
    applied: row.applied,
    existingSerial: row.existingSerial,
    participations: row.participations,
  };
}

/** The certificate serial of a person's check-in to an activity (after losing a race to it). */
export async function checkedInSerial(db: Db, activityId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ serial: certificates.serial })
    .from(attendances)
    .innerJoin(certificates, eq(certificates.attendanceId, attendances.id))
    .where(and(eq(attendances.activityId, activityId), eq(attendances.userId, userId)));
  return row?.serial ?? null;
}

/** Today's (JST) activities that could be checked in to: the candidates for a typed code. */
export async function activitiesStartingBetween(db: Db, from: Date, to: Date): Promise<string[]> {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        sql`${activities.startsAt} >= ${from.toISOString()}::timestamptz`,
        sql`${activities.startsAt} < ${to.toISOString()}::timestamptz`,
        sql`${activities.cancelledAt} is null`,
        sql`${activities.visibility} <> 'draft'`,
      ),
    );
  return rows.map((row) => row.id);
}
