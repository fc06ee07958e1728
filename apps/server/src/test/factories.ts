import type { IdentityLevel, Role } from '@kumamoto/domain';
import type { Database } from '../db/client.ts';
import { userRoles, users } from '../db/schema.ts';
import { cardColumns } from '../features/identity/card-columns.ts';
import { createSession } from '../platform/session-store.ts';
import type { TestApp } from './test-app.ts';

let sequence = 0;

/** A fresh person for a test; every call makes a new one. */
export async function createUser(
  db: Database,
  input: { displayName?: string; identity?: IdentityLevel; roles?: Role[] } = {},
): Promise<{ id: string; displayName: string }> {
  sequence++;
  const displayName = input.displayName ?? `テスト 住民${sequence}`;
  const card =
    input.identity === 'verified'
      ? {
          name: displayName,
          address: '熊本県熊本市中央区手取本町1番1号',
          birthDate: '1990-04-01' as const,
          gender: 'female' as const,
        }
      : null;
  const [user] = await db
    .insert(users)
    .values({ displayName, ...cardColumns(card, new Date()) })
    .returning({ id: users.id });
  if (!user) throw new Error('user not created');
  if (input.roles?.length)
    await db.insert(userRoles).values(input.roles.map((role) => ({ userId: user.id, role })));
  return { id: user.id, displayName };
}

export interface Caller {
  /** Headers for a request as this browser: session cookie, CSRF cookie and header. */
  headers: Record<string, string>;
}

const csrf = 'test-csrf-token-0123456789abcdefghijklmnopqrstu';

/** A browser that is signed in as the user (or signed out, with no user). */
export async function callerFor(test: TestApp, userId?: string): Promise<Caller> {
  const cookies = [`kma_csrf=${csrf}`];
  if (userId) {
    const { token } = await createSession(test.database.db, {
      userId,
      userAgent: 'vitest',
      now: test.clock.now(),
      ttlDays: test.config.session.ttlDays,
      method: 'demo',
    });
    cookies.push(`kma_session=${token}`);
  }
  return { headers: { cookie: cookies.join('; '), 'x-csrf-token': csrf } };
}
