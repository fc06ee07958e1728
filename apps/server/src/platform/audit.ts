import type { AuditAction, AuditSubjectType } from '@kumamoto/domain';
import type { Database } from '../db/client.ts';
import { auditEvents } from '../db/schema.ts';

export interface AuditEntry {
  actorUserId: string | null;
  /** Only labelled actions (packages/domain/src/audit-actions.ts): the city console shows their words. */
  action: AuditAction;
  subjectType: AuditSubjectType;
  subjectId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/**
 * Writes one audit event. Pass the transaction that makes the change, so the record and
 * the change commit or fail together.
 */
export async function recordAudit(db: Pick<Database, 'insert'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  });
}
