import { request, type APIRequestContext, type APIResponse, type Page } from 'playwright-core';
import { expect } from 'vitest';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A file for a multipart upload (the API's `file` field). */
export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * JSON API calls for what a journey prepares rather than walks through (the journey itself goes
 * through the screens). Each call expects its status (GET 200, other methods 201, unless told;
 * the answer's text is in the failure) and returns the JSON answer (nothing for a 204).
 */
export interface Api {
  call<T>(method: Method, path: string, body?: unknown, status?: number): Promise<T>;
  get<T>(path: string, status?: number): Promise<T>;
  post<T>(path: string, body: unknown, status?: number): Promise<T>;
  upload<T>(path: string, file: UploadFile, status?: number): Promise<T>;
}

/** An API session of its own (cookie jar and CSRF token), for set-up away from any phone. */
export interface ApiSession extends Api {
  dispose(): Promise<void>;
}

/** The CSRF token of the session `client` carries: the session answer hands it out (the first too). */
export async function csrfTokenOf(client: APIRequestContext): Promise<string> {
  const response = await client.get('/api/session');
  expect(response.status(), `GET /api/session: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** Calls with the page's own session (its cookies) and CSRF token, as its screens would make them. */
export function apiOf(page: Page): Api {
  return apiOn(page.request, () => csrfTokenOf(page.request));
}

/** A fresh API session at `baseURL`, signed in as the demo persona `persona`. Dispose it after. */
export async function apiAs(baseURL: string, persona: string): Promise<ApiSession> {
  const client = await request.newContext({ baseURL });
  try {
    // Every write carries the CSRF token, sign-in included.
    const signIn = await client.post('/api/demo/sign-in', {
      data: { persona },
      headers: { 'x-csrf-token': await csrfTokenOf(client) },
    });
    expect(signIn.status(), `demo sign-in as ${persona}`).toBe(200);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    return { ...apiOn(client, () => Promise.resolve(csrfToken)), dispose: () => client.dispose() };
  } catch (error) {
    await client.dispose();
    throw error;
  }
}

function apiOn(client: APIRequestContext, csrfToken: () => Promise<string>): Api {
  const answer = async <T>(what: string, response: APIResponse, status: number): Promise<T> => {
    expect(response.status(), `${what}: ${await response.text()}`).toBe(status);
    return (status === 204 ? undefined : await response.json()) as T;
  };
  const writeHeaders = async () => ({ 'x-csrf-token': await csrfToken() });
  const api: Api = {
    call: async (method, path, body, status = method === 'GET' ? 200 : 201) =>
      answer(
        `${method} ${path}`,
        await client.fetch(path, {
          method,
          ...(method === 'GET' ? {} : { headers: await writeHeaders() }),
          ...(body === undefined ? {} : { data: body }),
        }),
        status,
      ),
    get: (path, status) => api.call('GET', path, undefined, status),
    post: (path, body, status) => api.call('POST', path, body, status),
    upload: async (path, file, status = 201) =>
      answer(
        `POST ${path}`,
        await client.post(path, { multipart: { file }, headers: await writeHeaders() }),
        status,
      ),
  };
  return api;
}
