import type { Clock } from '@kumamoto/domain';
import { randomToken, sha256 } from '../../../platform/tokens.ts';
import { refuse, type JpkiResult } from './failures.ts';

/**
 * One-time challenges the card signs: 32 random bytes from the server, valid for a few
 * minutes, bound to the session that asked for it, and usable once. The signature proves
 * the card holder is present now, not that a signature was once made.
 */
export const challengeTtlMs = 5 * 60 * 1000;

export interface ChallengeRecord {
  /** SHA-256 of the challenge: the store never holds a live challenge. */
  key: string;
  /** The session (or account) that asked for it; another one cannot use it. */
  boundTo: string;
  expiresAt: Date;
}

/** Where challenges wait. `take` must remove and return in one atomic step. */
export interface ChallengeStore {
  put(record: ChallengeRecord): Promise<void>;
  take(key: string): Promise<ChallengeRecord | undefined>;
}

export interface IssuedChallenge {
  /** base64url of 32 random bytes; the card signs `challengeMessage(challenge)`. */
  challenge: string;
  expiresAt: Date;
}

export async function issueChallenge(
  store: ChallengeStore,
  clock: Clock,
  boundTo: string,
  ttlMs: number = challengeTtlMs,
): Promise<IssuedChallenge> {
  const challenge = randomToken();
  const expiresAt = new Date(clock.now().getTime() + ttlMs);
  await store.put({ key: sha256(challenge), boundTo, expiresAt });
  return { challenge, expiresAt };
}

/**
 * Uses up the challenge whatever happens next, so a failed attempt cannot be retried with
 * it. A replay, a challenge never issued and one issued to another session look the same.
 */
export async function consumeChallenge(
  store: ChallengeStore,
  clock: Clock,
  challenge: string,
  boundTo: string,
): Promise<JpkiResult<object>> {
  if (!isChallengeShaped(challenge)) return refuse('challenge_unknown_or_used');
  const record = await store.take(sha256(challenge));
  if (record === undefined || record.boundTo !== boundTo) return refuse('challenge_unknown_or_used');
  if (clock.now().getTime() >= record.expiresAt.getTime()) return refuse('challenge_expired');
  return { ok: true };
}

/**
 * What the card signs. The signature key is the one a resident uses for legally binding
 * e-signatures, so the signed text names its purpose instead of being bare random bytes:
 * it cannot be mistaken for, or reused as, a signature on anything else.
 */
export function challengeMessage(challenge: string): Uint8Array {
  return new TextEncoder().encode(`kumamoto-app jpki-identity v1 ${challenge}`);
}

export function isChallengeShaped(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** For tests and a single development process; production keeps challenges in the database. */
export class InMemoryChallengeStore implements ChallengeStore {
  readonly #records = new Map<string, ChallengeRecord>();

  put(record: ChallengeRecord): Promise<void> {
    this.#records.set(record.key, record);
    return Promise.resolve();
  }

  take(key: string): Promise<ChallengeRecord | undefined> {
    const record = this.#records.get(key);
    this.#records.delete(key);
    return Promise.resolve(record);
  }

  get size(): number {
    return this.#records.size;
  }
}
