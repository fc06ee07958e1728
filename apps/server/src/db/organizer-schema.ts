import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/**
 * Organizer groups (issue 4; R-ORG-1 … R-ORG-10). The lifecycle's statuses are stored as the
 * domain names them (`packages/domain/src/organizer/lifecycle-states.ts`), so that a row feeds
 * `transition` directly; "lapsed" is never stored (derived from `rights_end` and the clock).
 */

/** Raw bytes: one code path on PGlite and PostgreSQL. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

/** A registration application (R-ORG-3). `details` is the domain's `ApplicationDraft`. */
export const organizerApplications = pgTable(
  'organizer_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicantUserId: uuid('applicant_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', {
      enum: ['draft', 'submitted', 'returned', 'resubmitted', 'approved', 'withdrawn'],
    }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** NFKC, lower case, no spaces: "the same group name" for the one-open-application rule. */
    normalizedName: text('normalized_name').notNull().default(''),
    category: text('category'),
    /** Review round: 1 on the first submission, +1 on each resubmission. 0 while never submitted. */
    round: integer('round').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When the current round was handed in (the queue's "age of application"). */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'organizer_applications_status_check',
      sql`${t.status} in ('draft', 'submitted', 'returned', 'resubmitted', 'approved', 'withdrawn')`,
    ),
    check('organizer_applications_round_check', sql`${t.round} >= 0`),
    check(
      'organizer_applications_submitted_check',
      sql`${t.status} = 'draft' or ${t.submittedAt} is not null or ${t.status} = 'withdrawn'`,
    ),
    // Issue 4, bad input: one open application per applicant and group name.
    uniqueIndex('organizer_applications_one_open_per_name')
      .on(t.applicantUserId, t.normalizedName)
      .where(
        sql`${t.status} in ('draft', 'submitted', 'returned', 'resubmitted') and ${t.normalizedName} <> ''`,
      ),
    index('organizer_applications_queue_idx').on(t.status, t.submittedAt),
    index('organizer_applications_applicant_idx').on(t.applicantUserId),
  ],
);

/** An uploaded document (officer list, bylaws): the sniffed type, size and SHA-256 with the bytes. */
export const organizerDocuments = pgTable(
  'organizer_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'organizer_documents_media_type_check',
      sql`${t.mediaType} in ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')`,
    ),
    check('organizer_documents_size_check', sql`${t.size} between 1 and 10485760`),
    check('organizer_documents_size_matches_check', sql`octet_length(${t.content}) = ${t.size}`),
    check('organizer_documents_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('organizer_documents_file_name_check', sql`length(${t.fileName}) between 1 and 200`),
    index('organizer_documents_owner_idx').on(t.ownerUserId),
  ],
);

/** An approved group (R-ORG-5). `details` is the domain's `RegisteredDetails`. */
export const organizerGroups = pgTable(
  'organizer_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => organizerApplications.id),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['active', 'suspended', 'ended'] }).notNull(),
    /** Last JST day the management rights are in force (a 31 March, R-ORG-6). */
    rightsEnd: date('rights_end', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('organizer_groups_status_check', sql`${t.status} in ('active', 'suspended', 'ended')`),
    check(
      'organizer_groups_rights_end_check',
      sql`extract(month from ${t.rightsEnd}) = 3 and extract(day from ${t.rightsEnd}) = 31`,
    ),
  ],
);

/** R-ORG-5, R-ORG-7: one administrator per group (partial unique index) and members. */
export const organizerMembers = pgTable(
  'organizer_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => organizerGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['admin', 'member'] }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    check('organizer_members_role_check', sql`${t.role} in ('admin', 'member')`),
    uniqueIndex('organizer_members_one_admin')
      .on(t.groupId)
      .where(sql`${t.role} = 'admin'`),
    index('organizer_members_user_idx').on(t.userId),
  ],
);

/** A member invitation (link / QR): only the token's SHA-256 is stored; used once. */
export const organizerInvitations = pgTable(
  'organizer_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => organizerGroups.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByUserId: uuid('used_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    check('organizer_invitations_expiry_check', sql`${t.expiresAt} > ${t.createdAt}`),
    check('organizer_invitations_used_or_revoked_check', sql`${t.usedAt} is null or ${t.revokedAt} is null`),
    index('organizer_invitations_group_idx').on(t.groupId),
  ],
);

/**
 * Change (R-ORG-8), renewal (R-ORG-6) and termination (R-ORG-9) requests. At most one open
 * request of each kind per group; the latest of each kind feeds the lifecycle state.
 */
export const organizerRequests = pgTable(
  'organizer_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => organizerGroups.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['change', 'renewal', 'termination'] }).notNull(),
    status: text('status').notNull(),
    /** The proposed details of a change application; null for other kinds. */
    details: jsonb('details').$type<Record<string, unknown>>(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('organizer_requests_kind_check', sql`${t.kind} in ('change', 'renewal', 'termination')`),
    check(
      'organizer_requests_status_check',
      sql`(${t.kind} in ('change', 'renewal') and ${t.status} in ('pending', 'returned', 'approved', 'withdrawn', 'cancelled')) or (${t.kind} = 'termination' and ${t.status} in ('requested', 'completed', 'withdrawn', 'cancelled'))`,
    ),
    check('organizer_requests_details_check', sql`(${t.kind} = 'change') = (${t.details} is not null)`),
    uniqueIndex('organizer_requests_one_open_per_kind')
      .on(t.groupId, t.kind)
      .where(sql`${t.status} in ('pending', 'returned', 'requested')`),
    index('organizer_requests_group_idx').on(t.groupId, t.kind, t.createdAt),
  ],
);

/**
 * The history both sides see: every lifecycle event on an application, a group or a request,
 * who did it and why. A suspension's reason is internal (`reason_visible_to_group` false).
 */
export const organizerEvents = pgTable(
  'organizer_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').references(() => organizerApplications.id, {
      onDelete: 'cascade',
    }),
    groupId: uuid('group_id').references(() => organizerGroups.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => organizerRequests.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    round: integer('round'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason'),
    reasonVisibleToGroup: boolean('reason_visible_to_group').notNull().default(true),
    details: jsonb('details').$type<Record<string, unknown>>(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('organizer_events_subject_check', sql`${t.applicationId} is not null or ${t.groupId} is not null`),
    index('organizer_events_application_idx').on(t.applicationId, t.occurredAt),
    index('organizer_events_group_idx').on(t.groupId, t.occurredAt),
  ],
);

/**
 * No-job announcements (R-ORG-6): the renewal window and lapse are announced once per group,
 * person and rights end, when the person next opens the organizer app.
 */
export const organizerAnnouncements = pgTable(
  'organizer_announcements',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => organizerGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['renewal_window', 'lapsed'] }).notNull(),
    rightsEnd: date('rights_end', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId, t.kind, t.rightsEnd] }),
    check('organizer_announcements_kind_check', sql`${t.kind} in ('renewal_window', 'lapsed')`),
  ],
);
