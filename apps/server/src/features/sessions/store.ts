import { and, desc, eq, gt, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { SignInMethod } from '../../platform/session-store.ts';
import { deviceLabel } from './device-label.ts';

/** A session as My page shows it: never its token or the token's hash. */
export interface SessionSummary {
  id: string;
  method: SignInMethod;
  device: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The person's live sessions, this browser's first, then the most recently used. */
export async function listSessions(
  db: Database,
  input: { userId: string; currentHash: string; now: Date },
): Promise<SessionSummary[]> {
  const rows = await db
    .select({
      id: sessions.publicId,
      method: sessions.method,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      tokenHash: sessions.tokenHash,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, input.userId), gt(sessions.expiresAt, input.now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows
    .map(({ tokenHash, userAgent, ...row }) => ({
      ...row,
      device: deviceLabel(userAgent),
      current: tokenHash === input.currentHash,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends one of the person's own sessions, named by its public id. Another person's session
 * (or one that no longer exists) is "not found", and nothing changes.
 */
export async function revokeSession(
  db: Database,
  input: { userId: string; publicId: string; currentHash: string; requestId: string },
): Promise<{ wasCurrent: boolean } | null> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, input.userId), eq(sessions.publicId, input.publicId)))
      .returning({ tokenHash: sessions.tokenHash, method: sessions.method });
    if (!removed) return null;
    const wasCurrent = removed.tokenHash === input.currentHash;
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'session.revoked',
      subjectType: 'session',
      subjectId: input.publicId,
      details: { method: removed.method, current: wasCurrent },
      requestId: input.requestId,
    });
    return { wasCurrent };
  });
}

/** "Sign out everywhere else": every session of the person except this browser's. */
export async function revokeOtherSessions(
  db: Database,
  input: { userId: string; currentHash: string; requestId: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, input.userId), ne(sessions.tokenHash, input.currentHash)))
      .returning({ id: sessions.publicId });
    await recordAudit(tx, {
      actorUserId: input.userId,
      action: 'session.revoked_others',
      subjectType: 'user',
      subjectId: input.userId,
      details: { count: removed.length },
      requestId: input.requestId,
    });
    return removed.length;
  });
}
