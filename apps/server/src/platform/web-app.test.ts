import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.ts';

let test: TestApp;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'kma-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shell</title>');
  writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'sw.js'), 'self');
  test = await createTestApp({ env: { WEB_DIST_DIR: dist } });
});
afterAll(() => test.close());

describe('serving the web app', () => {
  it.each(['/', '/scan/install/organizer', '/volunteer?q=清掃'])(
    'answers the page %s with the shell',
    async (url) => {
      const response = await test.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<title>shell</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    },
  );

  it('caches hashed assets for a year and the service worker not at all', async () => {
    const asset = await test.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const sw = await test.app.inject({ method: 'GET', url: '/sw.js' });
    expect(sw.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing file or API path with problem+json, not the shell', async () => {
    for (const url of ['/assets/missing.js', '/api/unknown', '/readyz/extra']) {
      const response = await test.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });
});
