import { and, desc, eq, gt, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { emailCodes, users } from '../../db/schema.ts';
import type { CodePurpose } from '../mail/templates.ts';

/** A transaction, or the database itself: the queries below run in either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Queries = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export type EmailCodeRow = typeof emailCodes.$inferSelect;

/** Which code a verification is about: the address, the purpose, and for add_email the account. */
export interface CodeScope {
  email: string;
  purpose: CodePurpose;
  userId: string | null;
}

function scopeWhere(scope: CodeScope) {
  return and(
    eq(emailCodes.email, scope.email),
    eq(emailCodes.purpose, scope.purpose),
    scope.userId === null ? isNull(emailCodes.userId) : eq(emailCodes.userId, scope.userId),
  );
}

/** Serialises code requests for one address until the transaction ends (the per-address count stays true). */
export async function lockAddress(tx: Queries, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`email_code:${email}`}))`);
}

export async function countCodesSince(tx: Queries, email: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(emailCodes)
    .where(and(eq(emailCodes.email, email), gt(emailCodes.createdAt, since)));
  return row?.count ?? 0;
}

/** Codes older than a day no longer count for anything: forget them. */
export async function forgetOldCodes(tx: Queries, email: string, before: Date): Promise<void> {
  await tx.delete(emailCodes).where(and(eq(emailCodes.email, email), lt(emailCodes.createdAt, before)));
}

/** A new code replaces any earlier live one of the same scope: only the newest code works. */
export async function supersedeCodes(tx: Queries, scope: CodeScope, now: Date): Promise<string[]> {
  const replaced = await tx
    .update(emailCodes)
    .set({ consumedAt: now })
    .where(and(scopeWhere(scope), isNull(emailCodes.consumedAt)))
    .returning({ id: emailCodes.id });
  return replaced.map((row) => row.id);
}

/** Gives replaced codes back their life (the new code could not be sent). */
export async function reviveCodes(tx: Queries, ids: string[]): Promise<void> {
  if (ids.length > 0)
    await tx.update(emailCodes).set({ consumedAt: null }).where(inArray(emailCodes.id, ids));
}

export async function insertCode(
  tx: Queries,
  row: CodeScope & { id: string; codeHash: string; expiresAt: Date; createdAt: Date },
): Promise<void> {
  await tx.insert(emailCodes).values(row);
}

export async function deleteCode(db: Queries, id: string): Promise<void> {
  await db.delete(emailCodes).where(eq(emailCodes.id, id));
}

/**
 * The code a verification is checked against, locked until the transaction ends so that two
 * verifications of one code run one after the other: the live code if there is one, else the
 * newest used one (to say it is used up).
 */
export async function currentCodeForUpdate(tx: Queries, scope: CodeScope): Promise<EmailCodeRow | null> {
  const [row] = await tx
    .select()
    .from(emailCodes)
    .where(scopeWhere(scope))
    .orderBy(sql`${emailCodes.consumedAt} is null desc`, desc(emailCodes.createdAt))
    .limit(1)
    .for('update');
  return row ?? null;
}

export async function countWrongAttempt(tx: Queries, id: string): Promise<number> {
  const [row] = await tx
    .update(emailCodes)
    .set({ attempts: sql`${emailCodes.attempts} + 1` })
    .where(eq(emailCodes.id, id))
    .returning({ attempts: emailCodes.attempts });
  return row?.attempts ?? 0;
}

/** Uses the code up; false when another request already did (at most one use). */
export async function consumeCode(tx: Queries, id: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(emailCodes)
    .set({ consumedAt: now })
    .where(and(eq(emailCodes.id, id), isNull(emailCodes.consumedAt)))
    .returning({ id: emailCodes.id });
  return used.length === 1;
}

/** The account whose confirmed address this is, if any. */
export async function findAccountByEmail(
  tx: Queries,
  email: string,
): Promise<{ id: string; locale: 'ja' | 'en' } | null> {
  const [row] = await tx
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
    .limit(1);
  return row ?? null;
}
