import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Role } from '@kumamoto/domain';
import type { Database } from '../db/client.ts';
import { sessions, userRoles, users } from '../db/schema.ts';
import { Batcher } from './batcher.ts';
import { perDatabase } from './per-database.ts';
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
 * The session lookup runs on every request. It is prepared once per database (built and
 * planned once), and concurrent lookups share one query (`Batcher`): in a surge of thousands of
 * requests, a few round trips answer them all.
 */
function viewerQuery(db: Database) {
  return (
    db
      .select({
        tokenHash: sessions.tokenHash,
        expiresAt: sessions.expiresAt,
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
          sql`${sessions.tokenHash} = any(${sql.placeholder('hashes')}::text[])`,
          gt(sessions.expiresAt, sql.placeholder('now')),
          isNull(users.deletedAt),
        ),
      )
      .groupBy(users.id, sessions.tokenHash)
      .prepare('find_viewers')
  );
}

type ViewerRow = Awaited<ReturnType<ReturnType<typeof viewerQuery>['execute']>>[number];
type Lookup = { hash: string; now: Date };

const viewerBatcher = perDatabase((db: Database): Batcher<Lookup, ViewerRow | null> => {
  const query = viewerQuery(db);
  return new Batcher(
    async (lookups) => {
      // Read with the earliest clock of the batch, then hold each session to its own.
      const earliest = lookups.reduce(
        (min, { now }) => (now < min ? now : min),
        lookups[0]?.now ?? new Date(),
      );
      const rows = await query.execute({
        hashes: [...new Set(lookups.map(({ hash }) => hash))],
        now: earliest,
      });
      const byHash = new Map(rows.map((row) => [row.tokenHash, row]));
      return lookups.map(({ hash, now }) => {
        const row = byHash.get(hash);
        return row && row.expiresAt > now ? row : null;
      });
    },
    { maxInFlight: 4, maxBatch: 200 },
  );
});

export async function findViewer(db: Database, token: string, now: Date): Promise<Viewer | null> {
  const sessionHash = sha256(token);
  const row = await viewerBatcher(db).load({ hash: sessionHash, now });
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > touchAfterMs) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, sessionHash));
  }
  const { lastSeenAt: _seen, tokenHash: _hash, expiresAt: _expires, ...viewer } = row;
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
