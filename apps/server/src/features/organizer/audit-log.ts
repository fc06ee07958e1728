import { and, count, desc, eq, gte, like, lt, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { auditEvents } from '../../db/schema.ts';
import { recordAudit } from '../../platform/audit.ts';

export const auditPageSize = 50;

/**
 * The audit log for city administrators (R-PRIV-1, issue 4 item 8): newest first, filtered by
 * action prefix, subject, actor and time, paged. Reading the log is itself recorded.
 */
export async function readAuditLog(
  db: Database,
  input: {
    actionPrefix?: string;
    subjectType?: string;
    subjectId?: string;
    actorUserId?: string;
    from?: Date;
    to?: Date;
    page: number;
    readerUserId: string;
    requestId: string;
  },
) {
  const conditions: SQL[] = [];
  if (input.actionPrefix)
    conditions.push(like(auditEvents.action, `${input.actionPrefix.replace(/[%_\\]/g, '\\$&')}%`));
  if (input.subjectType) conditions.push(eq(auditEvents.subjectType, input.subjectType));
  if (input.subjectId) conditions.push(eq(auditEvents.subjectId, input.subjectId));
  if (input.actorUserId) conditions.push(eq(auditEvents.actorUserId, input.actorUserId));
  if (input.from) conditions.push(gte(auditEvents.occurredAt, input.from));
  if (input.to) conditions.push(lt(auditEvents.occurredAt, input.to));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  return db.transaction(async (tx) => {
    const [items, [total]] = await Promise.all([
      tx
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
        .limit(auditPageSize)
        .offset((input.page - 1) * auditPageSize),
      tx.select({ value: count() }).from(auditEvents).where(where),
    ]);
    await recordAudit(tx, {
      actorUserId: input.readerUserId,
      action: 'audit.read',
      subjectType: 'audit_log',
      details: {
        actionPrefix: input.actionPrefix ?? null,
        subjectType: input.subjectType ?? null,
        subjectId: input.subjectId ?? null,
        page: input.page,
      },
      requestId: input.requestId,
    });
    return { items, total: total?.value ?? 0, page: input.page, pageSize: auditPageSize };
  });
}
