import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import {
  emailCodes,
  identityBindings,
  jpkiChallenges,
  notifications,
  oidcAuthorizations,
  organizerMembers,
  passkeys,
  sessions,
  userMiniApps,
  userRoles,
  users,
  verificationEvents,
  webauthnChallenges,
} from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * What a deleted account's row shows instead of a name. The same in every language and
 * plainly not a person's name; screens that list people (later issues) show their own
 * localized "deleted account" text for rows with `deleted_at` set.
 */
export const deletedAccountDisplayName = '(削除済み / deleted)';

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** How many rows of each kind went: counts only, for the audit event. */
export type RemovedCounts = Record<
  | 'sessions'
  | 'passkeys'
  | 'webauthnChallenges'
  | 'emailCodes'
  | 'oidcAuthorizations'
  | 'jpkiChallenges'
  | 'identityBindings'
  | 'verificationEvents'
  | 'installedMiniApps'
  | 'notifications'
  | 'roles'
  | 'groupMemberships',
  number
>;

/**
 * Deletes a person's account (issue 3 part 7, R-PRIV-1), in one transaction with its audit event.
 *
 * Gone: every way to sign in (sessions, passkeys, pending WebAuthn ceremonies, e-mail codes,
 * OIDC and JPKI flows in progress), the proven identity (bindings and verification history, so
 * the same card may later verify a new account), installed mini-apps, notifications and staff
 * roles and membership of organizer groups; and on the users row every personal item. A group's
 * administrator must hand the role over (or end the group) first. The row itself stays, with `deleted_at`,
 * so records others legitimately keep (attendance counts, issued certificate serials) still
 * point at it without the person's data. The database's check constraint refuses a deleted
 * row that still holds an e-mail address, card items or a declared birth date.
 */
export async function deleteAccount(
  db: Database,
  input: { userId: string; now: Date; requestId?: string },
): Promise<RemovedCounts> {
  const { userId, now } = input;
  return db.transaction(async (tx) => {
    // Locks the row: a second deletion racing this one waits, then finds it deleted.
    const [account] = await tx
      .select({ email: users.email, deletedAt: users.deletedAt })
      .from(users)
      .where(eq(users.id, userId))
      .for('update');
    if (!account || account.deletedAt) throw new AppError('account_deleted');
    // A group must not be left without its administrator (R-ORG-7): hand the role over first.
    const [administers] = await tx
      .select({ groupId: organizerMembers.groupId })
      .from(organizerMembers)
      .where(and(eq(organizerMembers.userId, userId), eq(organizerMembers.role, 'admin')))
      .limit(1);
    if (administers) throw new AppError('account_is_group_administrator');

    const ownEmailCodes = account.email
      ? or(eq(emailCodes.userId, userId), eq(emailCodes.email, account.email))
      : eq(emailCodes.userId, userId);
    const removed: RemovedCounts = {
      sessions: await remove(tx, sessions, eq(sessions.userId, userId)),
      passkeys: await remove(tx, passkeys, eq(passkeys.userId, userId)),
      webauthnChallenges: await remove(tx, webauthnChallenges, eq(webauthnChallenges.userId, userId)),
      emailCodes: await remove(tx, emailCodes, ownEmailCodes),
      oidcAuthorizations: await remove(tx, oidcAuthorizations, eq(oidcAuthorizations.userId, userId)),
      jpkiChallenges: await remove(tx, jpkiChallenges, eq(jpkiChallenges.userId, userId)),
      identityBindings: await remove(tx, identityBindings, eq(identityBindings.userId, userId)),
      verificationEvents: await remove(tx, verificationEvents, eq(verificationEvents.userId, userId)),
      installedMiniApps: await remove(tx, userMiniApps, eq(userMiniApps.userId, userId)),
      notifications: await remove(tx, notifications, eq(notifications.userId, userId)),
      roles: await remove(tx, userRoles, eq(userRoles.userId, userId)),
      groupMemberships: await remove(tx, organizerMembers, eq(organizerMembers.userId, userId)),
    };

    const cleared = await tx
      .update(users)
      .set({
        displayName: deletedAccountDisplayName,
        identityLevel: 'unverified',
        locale: 'ja',
        persona: null,
        cardName: null,
        cardAddress: null,
        cardBirthDate: null,
        cardGender: null,
        verifiedAt: null,
        email: null,
        emailVerifiedAt: null,
        declaredBirthDate: null,
        declaredGender: null,
        schoolDistrictCode: null,
        schoolDistrictSource: null,
        deletedAt: now,
      })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (cleared.length !== 1) throw new AppError('account_deleted');

    // No personal data: the account id (which no longer leads to a person) and counts.
    await recordAudit(tx, {
      actorUserId: userId,
      action: 'account.deleted',
      subjectType: 'user',
      subjectId: userId,
      details: { removed },
      requestId: input.requestId,
    });
    return removed;
  });
}

async function remove(tx: Transaction, table: PgTable, where: SQL | undefined): Promise<number> {
  const rows = await tx.delete(table).where(where).returning();
  return rows.length;
}
