import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { notifications } from '../../db/schema.ts';

const inboxSize = 100;

export async function listInbox(db: Database, userId: string) {
  const [items, [unread]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, userId))
      .orderBy(desc(notifications.createdAt))
      .limit(inboxSize),
    db
      .select({ value: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))),
  ]);
  return { items, unread: unread?.value ?? 0 };
}

/** Marks one notification read; someone else's id matches nothing and so reveals nothing. */
export async function markRead(db: Database, userId: string, id: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return updated.length > 0;
}

export async function markAllRead(db: Database, userId: string, now: Date): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Later features call this to put something in a person's inbox. */
export async function notify(
  db: Pick<Database, 'insert'>,
  input: { userId: string; kind: string; params?: Record<string, string | number>; link?: string },
): Promise<void> {
  await db.insert(notifications).values({
    userId: input.userId,
    kind: input.kind,
    params: input.params ?? {},
    link: input.link ?? null,
  });
}
