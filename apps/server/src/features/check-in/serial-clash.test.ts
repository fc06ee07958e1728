import type * as NodeCrypto from 'node:crypto';
import { certificateSerialRandomBytes, currentCheckInWindow } from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { certificates } from '../../db/schema.ts';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { checkInKeys, checkInToken } from './signing.ts';

/**
 * Certificate serials are 35 random bits (R-PT-10); a draw that clashes with an issued serial
 * is refused by the unique key and drawn again, and the check-in still goes through whole.
 * Here the random source repeats itself on purpose.
 */
const serialDraws = vi.hoisted(() => ({ queue: [] as Uint8Array[] }));

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof NodeCrypto>();
  const randomBytes = ((size: number, ...rest: unknown[]) => {
    const next = size === 5 ? serialDraws.queue.shift() : undefined;
    if (next) return Buffer.from(next);
    return (crypto.randomBytes as (size: number, ...rest: unknown[]) => Buffer)(size, ...rest);
  }) as typeof crypto.randomBytes;
  return { ...crypto, default: { ...crypto, randomBytes }, randomBytes };
});

let test: TestApp;

beforeAll(async () => {
  test = await createTestApp({ now: '2026-06-01T10:00:00+09:00' });
});
afterAll(() => test?.close());

describe('a certificate serial that clashes', () => {
  it('is drawn again, and both residents get their check-in and a certificate of their own', async () => {
    expect(certificateSerialRandomBytes).toBe(5);
    const db = test.database.db;
    const admin = (await createUser(db, { identity: 'verified' })).id;
    const { groupId } = await createGroup(db, { adminUserId: admin });
    const { activityId } = await createActivity(db, groupId, {
      startsAt: new Date('2026-06-01T09:00:00+09:00'),
      endsAt: new Date('2026-06-01T12:00:00+09:00'),
      capacity: null,
    });
    const token = checkInToken(
      checkInKeys(test.config.signingKeySecret).checkIn,
      activityId,
      currentCheckInWindow(test.clock.now()),
    );
    const same = new Uint8Array([1, 2, 3, 4, 5]);
    // First resident: draws `same`. Second: draws `same` again (clash), then something else.
    serialDraws.queue.push(same, same, new Uint8Array([9, 9, 9, 9, 9]));
    const serials: string[] = [];
    for (let i = 0; i < 2; i++) {
      const userId = (await createUser(db, { identity: 'verified' })).id;
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/check-in',
        headers: (await callerFor(test, userId)).headers,
        payload: { token },
      });
      expect(response.statusCode, response.body).toBe(200);
      serials.push(response.json<{ certificate: { serial: string } }>().certificate.serial);
    }
    expect(serialDraws.queue).toEqual([]);
    expect(new Set(serials).size).toBe(2);
    const stored = await db
      .select({ serial: certificates.serial })
      .from(certificates)
      .where(eq(certificates.activityId, activityId));
    expect(stored.map((row) => row.serial).sort()).toEqual([...serials].sort());
  });
});
