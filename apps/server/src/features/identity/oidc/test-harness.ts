import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../../app.ts';
import { loadConfig, type Config } from '../../../config.ts';
import type { DatabaseHandle } from '../../../db/client.ts';
import type { App } from '../../../platform/deps.ts';
import { createSession } from '../../../platform/session-store.ts';
import { fixedClock } from '../../../test/test-app.ts';
import { createTestDatabase } from '../../../test/test-database.ts';

/**
 * Test-only: the real app listening on a random port, reached through a small HTTP proxy
 * whose address is PUBLIC_URL. The relying party then talks to the bundled card service over
 * real HTTP, exactly as in production, and a test can act as a man in the middle on the back
 * channel (forge an ID token, inject a claim, spoil client authentication).
 */
export interface ListeningApp {
  app: App;
  config: Config;
  database: DatabaseHandle;
  clock: ReturnType<typeof fixedClock>;
  url: string;
  /** Rewrites the body of responses to matching paths (the path without the query). */
  tamperResponse: ((path: string, body: string) => string | undefined) | null;
  /** Sees (and may rewrite) requests: headers in place, the body by returning a new one. */
  tamperRequest: ((path: string, headers: IncomingHttpHeaders, body: string) => string | undefined) | null;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startListeningApp(
  env: (url: string) => Record<string, string> = () => ({}),
): Promise<ListeningApp> {
  let target = 0;
  const harness = { tamperResponse: null, tamperRequest: null } as Pick<
    ListeningApp,
    'tamperResponse' | 'tamperRequest'
  >;
  const proxy = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? '/').split('?')[0] ?? '/';
    const forward = (headers: IncomingHttpHeaders, body?: Buffer) => {
      const upstream = httpRequest(
        { host: '127.0.0.1', port: target, method: incoming.method, path: incoming.url, headers },
        (response) => relay(response, outgoing, path),
      );
      upstream.on('error', () => outgoing.destroy());
      if (body) upstream.end(body);
      else incoming.pipe(upstream);
    };
    const tamper = harness.tamperRequest;
    if (!tamper) return forward(incoming.headers);
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const headers = { ...incoming.headers };
      const original = Buffer.concat(chunks).toString('utf8');
      const body = Buffer.from(tamper(path, headers, original) ?? original, 'utf8');
      forward({ ...headers, 'content-length': String(body.length) }, body);
    });
  });
  const relay = (response: IncomingMessage, outgoing: ServerResponse, path: string) => {
    const tamper = harness.tamperResponse;
    if (!tamper) {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
      return;
    }
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => {
      const original = Buffer.concat(chunks).toString('utf8');
      const body = Buffer.from(tamper(path, original) ?? original, 'utf8');
      outgoing.writeHead(response.statusCode ?? 502, {
        ...response.headers,
        'content-length': String(body.length),
      });
      outgoing.end(body);
    });
  };
  const proxyPort = await listen(proxy);
  const url = `http://127.0.0.1:${proxyPort}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.OIDC_TEST_LOG ?? 'silent',
    WEB_DIST_DIR: '/nonexistent-web-dist',
    PUBLIC_URL: url,
    RATE_LIMIT_PER_MINUTE: '10000',
    ...env(url),
  });
  const database = await createTestDatabase();
  const clock = fixedClock('2026-06-01T10:00:00+09:00');
  const app = await buildApp({ db: database.db, clock, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  target = (app.server.address() as AddressInfo).port;
  return Object.assign(harness, {
    app,
    config,
    database,
    clock,
    url,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
      await app.close();
      await database.close();
    },
  });
}

const csrf = 'test-csrf-token-0123456789abcdefghijklmnopqrstu';

/** A browser without a browser: a cookie jar, redirects followed by hand, forms posted as forms. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly base: string;

  constructor(base: string) {
    this.base = base;
    this.cookies.set('kma_csrf', csrf);
  }

  static async signedIn(target: ListeningApp, userId: string): Promise<TestBrowser> {
    const browser = new TestBrowser(target.url);
    const { token } = await createSession(target.database.db, {
      userId,
      userAgent: 'vitest',
      now: target.clock.now(),
      ttlDays: 30,
      method: 'demo',
    });
    browser.cookies.set('kma_session', token);
    return browser;
  }

  async send(
    method: 'GET' | 'POST',
    url: string,
    body?: { json: unknown } | { form: Record<string, string> },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
    let payload: string | undefined;
    if (body && 'json' in body) {
      headers['content-type'] = 'application/json';
      headers['x-csrf-token'] = csrf;
      payload = JSON.stringify(body.json);
    } else if (body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body.form).toString();
    } else if (method === 'POST') {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = '';
    }
    const response = await fetch(new URL(url, this.base), {
      method,
      headers,
      body: payload,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) this.keepCookie(line);
    return response;
  }

  private keepCookie(line: string): void {
    const [pair = '', ...attributes] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const expires = attributes.find((a) => a.trim().toLowerCase().startsWith('expires='));
    const maxAge = attributes.find((a) => a.trim().toLowerCase().startsWith('max-age='));
    const gone =
      value === '' ||
      (maxAge !== undefined && Number(maxAge.split('=')[1]) <= 0) ||
      (expires !== undefined && Date.parse(expires.split('=')[1] ?? '') < Date.now());
    if (gone) this.cookies.delete(name);
    else this.cookies.set(name, value);
  }

  /**
   * Follows redirects from `response` until a page answers, or until a redirect would request a
   * URL for which `stopAt` says yes (that URL is returned unrequested).
   */
  async follow(
    response: Response,
    from: string,
    stopAt: (url: URL) => boolean = () => false,
  ): Promise<{ url: URL; response: Response | null }> {
    let url = new URL(from, this.base);
    let current = response;
    for (let hops = 0; hops < 20; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { url, response: current };
      url = new URL(location, url);
      if (stopAt(url)) return { url, response: null };
      current = await this.send('GET', url.href);
    }
    throw new Error('too many redirects');
  }
}
