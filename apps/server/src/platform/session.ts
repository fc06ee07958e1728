import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Clock } from '@kumamoto/domain';
import type { Database } from '../db/client.ts';
import { AppError } from './errors.ts';
import { createSession, type SignInMethod, findViewer } from './session-store.ts';
import { randomToken, sameToken } from './tokens.ts';
import type { Viewer } from './viewer.ts';

/**
 * Cookie names. Over HTTPS the `__Host-` prefix pins them to this exact host, so a sibling
 * subdomain cannot plant a CSRF cookie.
 */
export function cookieNames(secure: boolean): { session: string; csrf: string } {
  const prefix = secure ? '__Host-' : '';
  return { session: `${prefix}kma_session`, csrf: `${prefix}kma_csrf` };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Server-side sessions in the database behind an httpOnly SameSite=Lax cookie, and CSRF
 * protection for every cookie-authenticated write: the double-submit token must come back
 * in the `x-csrf-token` header, and a cross-site Origin is refused outright.
 */
export function registerSessions(
  app: FastifyInstance,
  deps: { db: Database; clock: Clock; config: Config },
): void {
  const names = cookieNames(deps.config.session.secureCookie);
  app.decorateRequest('viewer', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[names.session];
    request.viewer = token ? await findViewer(deps.db, token, deps.clock.now()) : null;
    if (unsafeMethods.has(request.method) && request.url.startsWith('/api/')) checkCsrf(request, names.csrf);
  });
}

function checkCsrf(request: FastifyRequest, cookieName: string): void {
  const origin = request.headers.origin;
  if (origin !== undefined && !sameOrigin(origin, `${request.protocol}://${request.host}`)) {
    throw new AppError('csrf_failed');
  }
  const cookie = request.cookies[cookieName];
  const header = request.headers['x-csrf-token'];
  if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) throw new AppError('csrf_failed');
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The CSRF token for this browser, issuing one if it has none yet. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply, config: Config): string {
  const names = cookieNames(config.session.secureCookie);
  const existing = request.cookies[names.csrf];
  if (existing && /^[\w-]{43}$/.test(existing)) return existing;
  return issueCsrfToken(reply, config);
}

function issueCsrfToken(reply: FastifyReply, config: Config): string {
  const token = randomToken();
  reply.setCookie(cookieNames(config.session.secureCookie).csrf, token, {
    path: '/',
    sameSite: 'lax',
    secure: config.session.secureCookie,
    httpOnly: false,
  });
  return token;
}

/** Starts a fresh session (a new token, and a new CSRF token) for a person who just signed in. */
export async function signIn(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: { db: Database; clock: Clock; config: Config },
  userId: string,
  method: SignInMethod,
): Promise<{ token: string; csrfToken: string }> {
  const { token, expiresAt } = await createSession(deps.db, {
    userId,
    method,
    userAgent: request.headers['user-agent'],
    now: deps.clock.now(),
    ttlDays: deps.config.session.ttlDays,
  });
  reply.setCookie(cookieNames(deps.config.session.secureCookie).session, token, {
    path: '/',
    sameSite: 'lax',
    secure: deps.config.session.secureCookie,
    httpOnly: true,
    expires: expiresAt,
  });
  return { token, csrfToken: issueCsrfToken(reply, deps.config) };
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(cookieNames(config.session.secureCookie).session, { path: '/' });
}

/** Routes that need a signed-in person call this once; signed-out callers get 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError('unauthenticated');
  return request.viewer;
}
