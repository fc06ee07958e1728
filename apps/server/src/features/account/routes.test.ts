import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('language preference', () => {
  it('stores the chosen language for notifications and mail', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    const response = await test.app.inject({
      method: 'PUT',
      url: '/api/me/locale',
      headers: caller.headers,
      payload: { locale: 'en' },
    });
    expect(response.statusCode).toBe(204);
    const [row] = await test.database.db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.locale).toBe('en');
  });

  it('refuses a language the app does not offer, changing nothing', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    const response = await test.app.inject({
      method: 'PUT',
      url: '/api/me/locale',
      headers: caller.headers,
      payload: { locale: 'fr' },
    });
    expect(response.statusCode).toBe(400);
    const [row] = await test.database.db
      .select({ locale: users.locale })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.locale).toBe('ja');
  });
});
