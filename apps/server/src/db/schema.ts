import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { schoolDistricts } from './accounts-schema.ts';

/**
 * The foundation's tables. Later features add theirs in their own files beside this one
 * and export them from here, so drizzle-kit sees one schema.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    displayName: text('display_name').notNull(),
    identityLevel: text('identity_level', { enum: ['unverified', 'verified'] })
      .notNull()
      .default('unverified'),
    locale: text('locale', { enum: ['ja', 'en'] })
      .notNull()
      .default('ja'),
    /** Key of a demo persona; set only by the demo seed, never in production. */
    persona: text('persona').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The four items from the card (R-ID-1): read-only to the person, set only by verification. */
    cardName: text('card_name'),
    cardAddress: text('card_address'),
    cardBirthDate: date('card_birth_date', { mode: 'string' }),
    cardGender: text('card_gender', { enum: ['male', 'female', 'unspecified'] }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** Confirmed address for e-mail codes and notices; lower-cased, one account per address. */
    email: text('email').unique(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Self-declared by an unverified resident for applying to activities (R-ID-2); card items win once verified. */
    declaredBirthDate: date('declared_birth_date', { mode: 'string' }),
    declaredGender: text('declared_gender', { enum: ['male', 'female', 'unspecified'] }),
    /** 校区: derived from the verified address, or chosen by the resident when nothing matches. */
    schoolDistrictCode: text('school_district_code').references(() => schoolDistricts.code, {
      onDelete: 'set null',
    }),
    schoolDistrictSource: text('school_district_source', { enum: ['address', 'chosen'] }),
    /** Set when the person deleted their account: the row stays, without personal data, for records others keep. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    check(
      'users_verified_has_card_items_check',
      sql`(${t.identityLevel} = 'verified') = (${t.verifiedAt} is not null) and (${t.verifiedAt} is null or (${t.cardName} is not null and ${t.cardAddress} is not null and ${t.cardBirthDate} is not null and ${t.cardGender} is not null))`,
    ),
    check('users_card_gender_check', sql`${t.cardGender} in ('male', 'female', 'unspecified')`),
    check('users_identity_level_check', sql`${t.identityLevel} in ('unverified', 'verified')`),
    check('users_locale_check', sql`${t.locale} in ('ja', 'en')`),
    check('users_display_name_check', sql`length(${t.displayName}) between 1 and 100`),
    check('users_email_lowercase_check', sql`${t.email} = lower(${t.email})`),
    check('users_email_verified_check', sql`(${t.email} is null) = (${t.emailVerifiedAt} is null)`),
    check('users_declared_gender_check', sql`${t.declaredGender} in ('male', 'female', 'unspecified')`),
    check(
      'users_school_district_source_check',
      sql`(${t.schoolDistrictCode} is null) = (${t.schoolDistrictSource} is null)`,
    ),
    check(
      'users_deleted_has_no_personal_data_check',
      sql`${t.deletedAt} is null or (${t.email} is null and ${t.cardName} is null and ${t.declaredBirthDate} is null and ${t.identityLevel} = 'unverified')`,
    ),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['city_reviewer', 'city_admin', 'shop_staff', 'shelter_staff'] }).notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check(
      'user_roles_role_check',
      sql`${t.role} in ('city_reviewer', 'city_admin', 'shop_staff', 'shelter_staff')`,
    ),
  ],
);

/** Server-side sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    /** Names the session on My page for revoking it, without revealing the token or its hash. */
    publicId: uuid('public_id').notNull().defaultRandom().unique(),
    method: text('method', { enum: ['passkey', 'email_code', 'demo'] })
      .notNull()
      .default('demo'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

/** Mini-apps a person added by scanning their install code. */
export const userMiniApps = pgTable(
  'user_miniapps',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    miniAppId: text('miniapp_id').notNull(),
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.miniAppId] })],
);

/**
 * The in-app inbox. A notification stores its kind and parameters, not rendered text, so the
 * reader sees it in their own language.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notifications_user_created_idx').on(t.userId, t.createdAt)],
);

/**
 * Append-only record of state changes and of every access to personal data (R-PRIV-1).
 * A trigger in the migrations refuses UPDATE and DELETE.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    reason: text('reason'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt),
    index('audit_events_subject_idx').on(t.subjectType, t.subjectId),
  ],
);

/**
 * Which proven person an account belongs to: one person, one account (OIDC issuer + subject,
 * or a JPKI certificate). `personKey` (keyed hash of name and birth date) recognises the same
 * person on a renewed card; it is a hint for the city, never merged automatically.
 */
export const identityBindings = pgTable(
  'identity_bindings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    adapter: text('adapter', { enum: ['oidc', 'jpki'] }).notNull(),
    bindingKey: text('binding_key').notNull(),
    personKey: text('person_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('identity_bindings_adapter_key_unique').on(t.adapter, t.bindingKey),
    index('identity_bindings_person_key_idx').on(t.personKey),
    index('identity_bindings_user_idx').on(t.userId),
  ],
);

/** History of verifications: when, through which adapter, which items changed. Never the certificate. */
export const verificationEvents = pgTable(
  'verification_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    adapter: text('adapter', { enum: ['oidc', 'jpki'] }).notNull(),
    changedFields: text('changed_fields').array().notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_events_user_idx').on(t.userId, t.occurredAt)],
);

export * from './accounts-schema.ts';
export * from './organizer-schema.ts';
export * from './activities-schema.ts';
export * from './check-in-schema.ts';
