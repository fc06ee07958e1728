import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** How long a code works, and how the mail says it. */
export const codeValidMinutes = 10;
export const codeTtlMs = codeValidMinutes * 60_000;

/** Wrong tries a code survives; the fifth wrong one kills it. */
export const maxAttempts = 5;

/** Codes sent to one address (any purpose) per rolling hour, kept in the database. */
export const perAddressLimit = { max: 5, windowMs: 60 * 60_000 };

/** Per client address (IP), in @fastify/rate-limit's memory: asking for codes, and trying them. */
export const perClientLimits = {
  request: { max: 10, timeWindow: '15 minutes' },
  verify: { max: 30, timeWindow: '15 minutes' },
} as const;

/** A new code: six digits from the operating system's CSPRNG, leading zeros kept. */
export function newCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/**
 * Only this keyed hash of a code is stored: HMAC-SHA256 under the session secret, bound to
 * the code's row id, so a stolen table is useless without the secret and no hash can be
 * moved to another row.
 */
export function codeHash(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`email-code:v1:${codeId}:${code}`).digest('base64url');
}

/** Constant-time comparison of a typed code against the stored hash. */
export function codeMatches(secret: string, codeId: string, code: string, storedHash: string): boolean {
  const typed = Buffer.from(codeHash(secret, codeId, code));
  const stored = Buffer.from(storedHash);
  return typed.length === stored.length && timingSafeEqual(typed, stored);
}

/**
 * What the audit log keeps instead of an address: a keyed hash (identity key secret, never
 * rotated), so events about one address can be found together, while the append-only log holds
 * no address that account deletion would have to remove.
 */
export function emailKey(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`email:v1:${email}`).digest('base64url').slice(0, 22);
}

/**
 * What a person types as a code, made comparable: full-width digits become half-width
 * (NFKC), and spaces or hyphens between digits go. Anything but six digits is not a code.
 */
export function normalizeCode(typed: string): string | null {
  const digits = typed.normalize('NFKC').replace(/[\s\-‐‑‒–—―−ー]+/gu, '');
  return /^[0-9]{6}$/.test(digits) ? digits : null;
}
