import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../db/schema.ts';
import { createTestDatabase } from '../test/test-database.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { recordAudit } from './audit.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('audit log (R-PRIV-1)', () => {
  it('records an event and refuses to rewrite or delete it', async () => {
    await recordAudit(database.db, {
      actorUserId: null,
      action: 'audit.read',
      subjectType: 'audit_log',
      subjectId: 'a1',
    });
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'a1'));
    expect(event?.action).toBe('audit.read');

    await expect(
      database.db.update(auditEvents).set({ action: 'tampered' }).where(eq(auditEvents.subjectId, 'a1')),
    ).rejects.toThrow();
    await expect(database.db.delete(auditEvents).where(eq(auditEvents.subjectId, 'a1'))).rejects.toThrow();
    const [after] = await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'a1'));
    expect(after?.action).toBe('audit.read');
  });

  it('rolls back with the change it records', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAudit(tx, {
          actorUserId: null,
          action: 'audit.read',
          subjectType: 'audit_log',
          subjectId: 'r1',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, 'r1'))).toEqual([]);
  });
});
