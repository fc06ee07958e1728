import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { activities } from './activities-schema.ts';
import { users } from './schema.ts';

/**
 * Check-in, points and certificates (issue 6; R-PT-1 … R-PT-10). One check-in writes one row in
 * each of `attendances`, `point_entries` (a grant) and `certificates`, in one transaction; the
 * unique keys below make a repeated or concurrent scan unable to write a second of any.
 */

/** Who took part (R-PT-1). Walk-ins (no application, activity without capacity, R-PT-4) are marked. */
export const attendances = pgTable(
  'attendances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    walkIn: boolean('walk_in').notNull(),
    /** qr: scanned the organizer's code; code: typed the short code; city: issued late by city staff (FAQ Q3). */
    method: text('method', { enum: ['qr', 'code', 'city'] }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    /** City staff who issued it late, and the app fault they wrote down. */
    issuedByUserId: uuid('issued_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
  },
  (t) => [
    unique('attendances_one_per_person').on(t.activityId, t.userId),
    check('attendances_method_check', sql`${t.method} in ('qr', 'code', 'city')`),
    check('attendances_city_reason_check', sql`(${t.method} = 'city') = (${t.reason} is not null)`),
    index('attendances_activity_idx').on(t.activityId, t.checkedInAt),
    index('attendances_user_idx').on(t.userId, t.checkedInAt),
  ],
);

/**
 * The points ledger, append-only (a trigger refuses UPDATE and DELETE). Amounts are whole
 * points: grants, spends and expiries positive; an adjustment positive or negative. A lot
 * (grant, positive adjustment) carries its last usable JST day (R-PT-6); a deduction records
 * the lots it took from, earliest-expiring first. See `packages/domain/src/points/ledger.ts`.
 */
export const pointEntries = pgTable(
  'point_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['grant', 'spend', 'adjustment', 'expiry'] }).notNull(),
    amount: integer('amount').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    lastUsableDay: date('last_usable_day', { mode: 'string' }),
    /** An expiry entry's lot. */
    lotId: uuid('lot_id'),
    allocations: jsonb('allocations').$type<{ lotId: string; amount: number }[]>().notNull().default([]),
    /** The check-in a grant is for: one grant per attendance, ever. */
    attendanceId: uuid('attendance_id')
      .unique()
      .references(() => attendances.id),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
  },
  (t) => [
    check('point_entries_kind_check', sql`${t.kind} in ('grant', 'spend', 'adjustment', 'expiry')`),
    check(
      'point_entries_amount_check',
      sql`${t.amount} <> 0 and (${t.kind} = 'adjustment' or ${t.amount} > 0)`,
    ),
    check(
      'point_entries_lot_check',
      sql`(${t.kind} = 'grant' or (${t.kind} = 'adjustment' and ${t.amount} > 0)) = (${t.lastUsableDay} is not null)`,
    ),
    check('point_entries_expiry_check', sql`(${t.kind} = 'expiry') = (${t.lotId} is not null)`),
    index('point_entries_user_idx').on(t.userId, t.seq),
  ],
);

/**
 * Activity certificates (R-PT-10). The printed fields are stored as signed, so the public page
 * can re-verify them. After account deletion the serial stays and the name goes (R-PRIV-1).
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serial: text('serial').notNull().unique(),
    attendanceId: uuid('attendance_id')
      .notNull()
      .unique()
      .references(() => attendances.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    holderName: text('holder_name'),
    activityTitle: text('activity_title').notNull(),
    groupName: text('group_name').notNull(),
    place: text('place').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** Ed25519 over `certificateSigningBytes`, base64url. */
    signature: text('signature').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    revokedByUserId: uuid('revoked_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    check('certificates_revoked_check', sql`(${t.revokedAt} is null) = (${t.revokeReason} is null)`),
    index('certificates_user_idx').on(t.userId, t.issuedAt),
  ],
);

/** Refused scans per activity and reason, for the organizer's screen ("not applied", "already checked in"). */
export const checkInRefusals = pgTable(
  'check_in_refusals',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    count: integer('count').notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.reason] }),
    check('check_in_refusals_count_check', sql`${t.count} > 0`),
  ],
);

/** Rank-up notices already sent (R-PT-9), so each rank is announced once per person. */
export const rankAnnouncements = pgTable(
  'rank_announcements',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rank: text('rank').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.rank] })],
);
