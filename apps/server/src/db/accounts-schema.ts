import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/**
 * Sign-in methods and the short-lived state of sign-in and verification flows. Every
 * one-time value (challenge, code, OIDC state) is stored only until it is used once or expires.
 */

/** WebAuthn credentials (passkeys): the main way to sign in. */
export const passkeys = pgTable(
  'passkeys',
  {
    /** The credential id, base64url. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** COSE public key, base64url. */
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports')
      .array()
      .notNull()
      .default(sql`'{}'`),
    deviceType: text('device_type', { enum: ['singleDevice', 'multiDevice'] }).notNull(),
    backedUp: boolean('backed_up').notNull(),
    /** A label the person recognises ("iPhone", "パソコン"), from the browser at registration. */
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('passkeys_user_idx').on(t.userId)],
);

/**
 * A WebAuthn ceremony in progress. Registration for a new account carries the account id and
 * name chosen up front; the account is created only when the passkey verifies.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose', { enum: ['sign_up', 'add_passkey', 'sign_in'] }).notNull(),
    /** For sign_up: the id the new account will get. For add_passkey: the signed-in account. */
    userId: uuid('user_id'),
    displayName: text('display_name'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('webauthn_challenges_purpose_check', sql`${t.purpose} in ('sign_up', 'add_passkey', 'sign_in')`),
    index('webauthn_challenges_expires_idx').on(t.expiresAt),
  ],
);

/**
 * E-mail one-time codes (fallback sign-in, recovery, confirming an address). Only a keyed hash
 * of the code is kept; attempts are capped per code and codes are rate limited per address.
 */
export const emailCodes = pgTable(
  'email_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased address the code was sent to. */
    email: text('email').notNull(),
    purpose: text('purpose', { enum: ['sign_in', 'add_email'] }).notNull(),
    /** For add_email: the signed-in account that asked to confirm this address. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('email_codes_purpose_check', sql`${t.purpose} in ('sign_in', 'add_email')`),
    check('email_codes_attempts_check', sql`${t.attempts} >= 0`),
    index('email_codes_email_created_idx').on(t.email, t.createdAt),
  ],
);

/**
 * Mail kept instead of sent, outside production when no SMTP_URL is set: shown at the
 * development mail page so the e-mail code flow can be tried without a mail server.
 */
export const devMailbox = pgTable('dev_mailbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An OpenID Connect authorization in progress: state, nonce and PKCE verifier, used once. */
export const oidcAuthorizations = pgTable(
  'oidc_authorizations',
  {
    /** SHA-256 of the `state` sent to the card service. */
    stateHash: text('state_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Where to send the person afterwards (an app path, never another site). */
    returnTo: text('return_to').notNull().default('/mypage'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('oidc_authorizations_expires_idx').on(t.expiresAt)],
);

/** A JPKI challenge issued to one account, used once (see features/identity/jpki/challenge.ts). */
export const jpkiChallenges = pgTable(
  'jpki_challenges',
  {
    /** SHA-256 of the challenge bytes. */
    key: text('key').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('jpki_challenges_expires_idx').on(t.expiresAt)],
);

/** School districts (校区), loaded by the city from a CSV. */
export const schoolDistricts = pgTable('school_districts', {
  code: text('code').primaryKey(),
  nameJa: text('name_ja').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Address prefix → district. The longest matching prefix of a verified address wins. */
export const schoolDistrictPrefixes = pgTable(
  'school_district_prefixes',
  {
    prefix: text('prefix').primaryKey(),
    districtCode: text('district_code')
      .notNull()
      .references(() => schoolDistricts.code, { onDelete: 'cascade' }),
  },
  (t) => [check('school_district_prefixes_prefix_check', sql`length(${t.prefix}) >= 2`)],
);
