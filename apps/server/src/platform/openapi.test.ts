import { validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(() => test.close());

describe('OpenAPI', () => {
  it('publishes a valid OpenAPI 3.1 document covering the API', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const document = JSON.parse(response.body) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/readyz',
        '/api/session',
        '/api/demo/sign-in',
        '/api/me/miniapps',
        '/api/notifications',
      ]),
    );
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('serves a docs page', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
