import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, organizerGroups } from './organizer-schema.ts';
import { users } from './schema.ts';

/**
 * Activities (issue 5; R-ACT-1 … R-ACT-7). Columns follow the domain's `ActivityInput` and
 * `ActivityFacts` (`packages/domain/src/activities/activity.ts`). "Ended" is never stored: it
 * follows from `ends_at` and the clock.
 */

/** A thumbnail as the server re-encoded it: WebP, metadata (EXIF, GPS) stripped. */
export const activityImages = pgTable('activity_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  groupId: uuid('group_id')
    .notNull()
    .references(() => organizerGroups.id, { onDelete: 'cascade' }),
  bytes: bytea('bytes').notNull(),
  contentType: text('content_type').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  sha256: text('sha256').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => organizerGroups.id, { onDelete: 'cascade' }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    visibility: text('visibility', { enum: ['draft', 'public', 'unlisted'] }).notNull(),
    /** R-ACT-4: a cancelled activity keeps its visibility, stops taking applications and leaves listings. */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    title: text('title').notNull().default(''),
    message: text('message').notNull().default(''),
    content: text('content').notNull().default(''),
    belongings: text('belongings').notNull().default(''),
    clothing: text('clothing').notNull().default(''),
    meetingPoint: text('meeting_point').notNull().default(''),
    parking: text('parking').notNull().default(''),
    targetParticipants: text('target_participants').notNull().default(''),
    contact: text('contact').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    placeName: text('place_name').notNull().default(''),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    category: text('category'),
    capacity: integer('capacity'),
    applicationDeadline: timestamp('application_deadline', { withTimezone: true }),
    insurance: text('insurance'),
    schoolDistrictCode: text('school_district_code'),
    restrictToDistrict: boolean('restrict_to_district').notNull().default(false),
    /** R-ACT-1: the eligibility criteria the organizer ticked (ids). */
    eligibility: jsonb('eligibility').$type<string[]>().notNull().default([]),
    thumbnailImageId: uuid('thumbnail_image_id').references(() => activityImages.id, {
      onDelete: 'set null',
    }),
    /** The unguessable part of the share link (URL only / unlisted); shown again to organizers. */
    shareToken: text('share_token').notNull().unique(),
    /** `activitySearchText(…)` and its `documentTokens` (GIN-indexed) for Japanese keyword search. */
    searchText: text('search_text').notNull().default(''),
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /**
     * Residents holding a place (status 'applied'). Kept beside the capacity so the database
     * itself refuses overbooking: the check below holds under any concurrency.
     */
    applicantCount: integer('applicant_count').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('activities_visibility_check', sql`${t.visibility} in ('draft', 'public', 'unlisted')`),
    check(
      'activities_capacity_check',
      sql`${t.capacity} is null or (${t.capacity} > 0 and ${t.applicantCount} <= ${t.capacity})`,
    ),
    check('activities_applicant_count_check', sql`${t.applicantCount} >= 0`),
    check(
      'activities_dates_check',
      sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} > ${t.startsAt}`,
    ),
    check(
      'activities_published_complete_check',
      sql`${t.visibility} = 'draft' or (${t.startsAt} is not null and ${t.endsAt} is not null and ${t.publishedAt} is not null)`,
    ),
    check('activities_location_check', sql`(${t.lat} is null) = (${t.lng} is null)`),
    index('activities_group_idx').on(t.groupId, t.startsAt),
    index('activities_listed_idx')
      .on(t.startsAt)
      .where(sql`${t.visibility} = 'public' and ${t.cancelledAt} is null`),
    // Listing and search walk this one: what has not ended yet, in time order, without reading rows.
    index('activities_listed_ends_idx')
      .on(t.endsAt, t.startsAt, t.id)
      .where(sql`${t.visibility} = 'public' and ${t.cancelledAt} is null`),
    index('activities_search_tokens_idx').using('gin', t.searchTokens),
  ],
);

/**
 * A resident's application (R-ACT-3) or place on the waiting list (beyond the guide). `seq`
 * is the arrival order the waiting list promotes by. One live application per person.
 */
export const activityApplications = pgTable(
  'activity_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['applied', 'waitlisted', 'cancelled'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** When a waiting-list entry got a place. */
    promotedAt: timestamp('promoted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('activity_applications_status_check', sql`${t.status} in ('applied', 'waitlisted', 'cancelled')`),
    check(
      'activity_applications_cancelled_check',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`,
    ),
    uniqueIndex('activity_applications_one_live')
      .on(t.activityId, t.userId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('activity_applications_activity_idx').on(t.activityId, t.status, t.seq),
    index('activity_applications_user_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * Notices to an activity's participants (R-ACT-4): written by the organizer, or automatic when
 * the date changes or the activity is cancelled (`sender_user_id` null). Each participant also
 * gets an inbox notification pointing here.
 */
export const activityNotices = pgTable(
  'activity_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['message', 'rescheduled', 'cancelled'] }).notNull(),
    senderUserId: uuid('sender_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull().default(''),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    recipientCount: integer('recipient_count').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('activity_notices_kind_check', sql`${t.kind} in ('message', 'rescheduled', 'cancelled')`),
    index('activity_notices_activity_idx').on(t.activityId, t.sentAt),
  ],
);
