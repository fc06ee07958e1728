import { and, asc, eq } from 'drizzle-orm';
import { miniAppIds, type MiniAppId } from '@kumamoto/domain';
import type { Database } from '../../db/client.ts';
import { userMiniApps } from '../../db/schema.ts';

export async function installedMiniApps(db: Database, userId: string): Promise<MiniAppId[]> {
  const rows = await db
    .select({ id: userMiniApps.miniAppId })
    .from(userMiniApps)
    .where(eq(userMiniApps.userId, userId))
    .orderBy(asc(userMiniApps.installedAt));
  // A mini-app withdrawn from the registry simply stops showing.
  return rows
    .map((row) => row.id)
    .filter((id): id is MiniAppId => (miniAppIds as readonly string[]).includes(id));
}

/** Adding twice is harmless: the second add changes nothing. */
export async function addMiniApp(db: Database, userId: string, miniAppId: MiniAppId): Promise<void> {
  await db.insert(userMiniApps).values({ userId, miniAppId }).onConflictDoNothing();
}

export async function removeMiniApp(db: Database, userId: string, miniAppId: MiniAppId): Promise<void> {
  await db
    .delete(userMiniApps)
    .where(and(eq(userMiniApps.userId, userId), eq(userMiniApps.miniAppId, miniAppId)));
}
