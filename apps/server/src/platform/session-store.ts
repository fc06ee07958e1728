import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Role } from '@kumamoto/domain';
import type { Database } from '../db/client.ts';
import { sessions, userRoles, users } from '../db/schema.ts';
import { randomToken, sha256 } from './tokens.ts';
import type { Viewer } from './viewer.ts';

/** How a session was started: shown on My page's session list. */
export type SignInMethod = 'passkey' | 'email_code' | 'demo';

/** How stale last_seen_at may get before a request refreshes it (saves a write per request). */
const touchAfterMs = 5 * 60 * 1000;

export async function createSession(
  db: Database,
  input: {
    userId: string;
    userAgent: string | undefined;
    now: Date;
    ttlDays: number;
    method: SignInMethod;
  },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlDays * 86_400_000);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId: input.userId,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    method: input.method,
  });
  return { token, expiresAt };
}

/**
 * The session lookup runs on every request, so it is prepared once per database: the query is
 * built and planned once, not on each of a surge's thousands of requests.
 */
function viewerQuery(db: Database) {
  return (
    db
      .select({
        userId: users.id,
        displayName: users.displayName,
        identity: users.identityLevel,
        locale: users.locale,
        persona: users.persona,
        lastSeenAt: sessions.lastSeenAt,
        roles: sql<
          Role[]
        >`coalesce(array_agg(${userRoles.role}) filter (where ${userRoles.role} is not null), '{}')`,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(userRoles, eq(userRoles.userId, users.id))
      // A deleted account never signs in again, whatever session might survive (issue 3 part 7).
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder('hash')),
          gt(sessions.expiresAt, sql.placeholder('now')),
          isNull(users.deletedAt),
        ),
      )
      .groupBy(users.id, sessions.tokenHash)
      .prepare('find_viewer')
  );
}
const preparedViewerQueries = new WeakMap<Database, ReturnType<typeof viewerQuery>>();

export async function findViewer(db: Database, token: string, now: Date): Promise<Viewer | null> {
  const sessionHash = sha256(token);
  let query = preparedViewerQueries.get(db);
  if (!query) preparedViewerQueries.set(db, (query = viewerQuery(db)));
  const rows = await query.execute({ hash: sessionHash, now });
  const row = rows[0];
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > touchAfterMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, sessionHash));
  }
  const { lastSeenAt: _seen, ...viewer } = row;
  return { ...viewer, roles: [...row.roles].sort(), sessionHash };
}

export async function deleteSession(db: Database, sessionHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
}

export async function deleteExpiredSessions(db: Database, now: Date): Promise<number> {
  const removed = await db
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ hash: sessions.tokenHash });
  return removed.length;
}
