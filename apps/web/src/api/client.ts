import { isErrorCode, type ErrorCode } from '@kumamoto/domain';
import type { Session } from './types.ts';

/** A failed call: the server's problem code, or `network` when no answer came at all. */
export type ApiErrorCode = ErrorCode | 'network';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;

  constructor(code: ApiErrorCode, status: number) {
    super(`API error ${status}: ${code}`);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

let csrfToken: string | null = null;

/** Keeps the token from a session or sign-in answer for the next write. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function fetchSession(): Promise<Session> {
  const session = await send<Session>('GET', '/api/session');
  rememberCsrfToken(session.csrfToken);
  return session;
}

/**
 * Calls the API with the session cookie. Writes carry the CSRF token; a `csrf_failed` answer
 * (the token rotated, e.g. after sign-in elsewhere) is retried once with a fresh token.
 */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  if (method === 'GET') return send<T>(method, path);
  const token = csrfToken ?? (await fetchSession()).csrfToken;
  try {
    return await send<T>(method, path, body, token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'csrf_failed') throw error;
    return send<T>(method, path, body, (await fetchSession()).csrfToken);
  }
}

async function send<T>(method: Method, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (!response.ok) throw new ApiError(await problemCode(response), response.status);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** The problem+json `code`; anything else (a proxy's HTML page) maps by status. */
async function problemCode(response: Response): Promise<ErrorCode> {
  try {
    const problem = (await response.json()) as { code?: unknown };
    if (isErrorCode(problem.code)) return problem.code;
  } catch {
    // Not JSON: fall through to the status.
  }
  return response.status >= 502 && response.status <= 504 ? 'service_unavailable' : 'internal';
}
