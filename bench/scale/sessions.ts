import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

const csrf = 'bench-csrf-token-0123456789abcdefghijklmnopqrstuvw';

/** Request headers of a signed-in browser: session cookie, CSRF cookie and header. */
export type BrowserHeaders = Record<string, string>;

/**
 * Signs many people in at once by writing sessions the way the server does (only the token's
 * SHA-256 is stored), so the bench measures the routes, not thousands of sign-ins.
 */
export async function sessionsFor(client: pg.Client, userIds: readonly string[]): Promise<BrowserHeaders[]> {
  const tokens = userIds.map(() => randomBytes(32).toString('base64url'));
  const hashes = tokens.map((token) => createHash('sha256').update(token).digest('base64url'));
  for (let start = 0; start < userIds.length; start += 5_000) {
    await client.query(
      `insert into sessions (token_hash, user_id, expires_at, user_agent, method)
       select h, u, now() + interval '1 day', 'bench', 'demo' from unnest($1::text[], $2::uuid[]) as t(h, u)`,
      [hashes.slice(start, start + 5_000), userIds.slice(start, start + 5_000)],
    );
  }
  return tokens.map((token) => ({
    cookie: `kma_session=${token}; kma_csrf=${csrf}`,
    'x-csrf-token': csrf,
    'content-type': 'application/json',
  }));
}
