import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrapPglite } from '../../db/client.ts';
import { expectedMigrationCount } from '../../db/migrate.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('health', () => {
  it('/healthz answers while the process lives', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/healthz' });
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  it('/readyz reports the database reachable and every migration applied', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    const expected = expectedMigrationCount();
    expect(expected).toBeGreaterThan(0);
    expect(JSON.parse(response.body)).toEqual({
      status: 'ready',
      database: 'ok',
      migrations: { applied: expected, expected },
    });
  });

  it('/readyz answers 503 while migrations are pending', async () => {
    const unmigrated = await createTestApp({ database: wrapPglite(await PGlite.create()) });
    try {
      const response = await unmigrated.app.inject({ method: 'GET', url: '/readyz' });
      expect(response.statusCode).toBe(503);
      expect(JSON.parse(response.body)).toMatchObject({
        code: 'service_unavailable',
        detail: 'migrations pending',
      });
    } finally {
      await unmigrated.close();
    }
  });

  it('/readyz answers 503 when the database is gone', async () => {
    const doomed = await createTestApp();
    await doomed.database.close();
    const response = await doomed.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    await doomed.app.close();
  });
});
