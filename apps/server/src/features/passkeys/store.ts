import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { passkeys, users } from '../../db/schema.ts';

/** The person's passkeys as My page lists them (no key material). */
export async function listPasskeys(db: Database, userId: string) {
  return db
    .select({
      id: passkeys.id,
      name: passkeys.name,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
      synced: passkeys.backedUp,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** Credentials a new registration must not duplicate on the same authenticator. */
export async function credentialsOf(db: Database, userId: string) {
  return db
    .select({ id: passkeys.id, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
}

/** Whether the account has a confirmed e-mail address: a way back in without a passkey. */
export async function hasConfirmedEmail(db: Pick<Database, 'select'>, userId: string): Promise<boolean> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email != null;
}
