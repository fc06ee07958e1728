import type { Clock } from '@kumamoto/domain';
import { describe, expect, it } from 'vitest';
import {
  InMemoryChallengeStore,
  challengeMessage,
  challengeTtlMs,
  consumeChallenge,
  issueChallenge,
  type ChallengeRecord,
} from './challenge.ts';

function settableClock(start = new Date('2026-05-01T00:00:00Z')): Clock & { advance(ms: number): void } {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

describe('one-time challenges', () => {
  it('issues 32 random bytes, stored only as a hash, expiring after five minutes', async () => {
    const store = new InMemoryChallengeStore();
    const put: ChallengeRecord[] = [];
    const spy = {
      put: (r: ChallengeRecord) => (put.push(r), store.put(r)),
      take: (k: string) => store.take(k),
    };
    const clock = settableClock();
    const { challenge, expiresAt } = await issueChallenge(spy, clock, 'session-a');
    expect(Buffer.from(challenge, 'base64url')).toHaveLength(32);
    expect(expiresAt.getTime() - clock.now().getTime()).toBe(challengeTtlMs);
    expect(put).toHaveLength(1);
    expect(JSON.stringify(put)).not.toContain(challenge);
    const second = await issueChallenge(spy, clock, 'session-a');
    expect(second.challenge).not.toBe(challenge);
  });

  it('is consumed once: a replay is refused', async () => {
    const store = new InMemoryChallengeStore();
    const clock = settableClock();
    const { challenge } = await issueChallenge(store, clock, 'session-a');
    expect(await consumeChallenge(store, clock, challenge, 'session-a')).toEqual({ ok: true });
    expect(await consumeChallenge(store, clock, challenge, 'session-a')).toEqual({
      ok: false,
      reason: 'challenge_unknown_or_used',
    });
    expect(store.size).toBe(0);
  });

  it('lets only one of two concurrent attempts through', async () => {
    const store = new InMemoryChallengeStore();
    const clock = settableClock();
    const { challenge } = await issueChallenge(store, clock, 'session-a');
    const results = await Promise.all([
      consumeChallenge(store, clock, challenge, 'session-a'),
      consumeChallenge(store, clock, challenge, 'session-a'),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('refuses an expired challenge, from the exact expiry instant on', async () => {
    const store = new InMemoryChallengeStore();
    const clock = settableClock();
    const early = await issueChallenge(store, clock, 'session-a');
    clock.advance(challengeTtlMs - 1);
    expect(await consumeChallenge(store, clock, early.challenge, 'session-a')).toEqual({ ok: true });
    const late = await issueChallenge(store, clock, 'session-a');
    clock.advance(challengeTtlMs);
    expect(await consumeChallenge(store, clock, late.challenge, 'session-a')).toEqual({
      ok: false,
      reason: 'challenge_expired',
    });
  });

  it('refuses a challenge issued to another session, and burns it', async () => {
    const store = new InMemoryChallengeStore();
    const clock = settableClock();
    const { challenge } = await issueChallenge(store, clock, 'session-a');
    const refused = { ok: false, reason: 'challenge_unknown_or_used' };
    expect(await consumeChallenge(store, clock, challenge, 'session-b')).toEqual(refused);
    expect(await consumeChallenge(store, clock, challenge, 'session-a')).toEqual(refused);
  });

  it('refuses one never issued or not shaped like ours', async () => {
    const store = new InMemoryChallengeStore();
    const clock = settableClock();
    const refused = { ok: false, reason: 'challenge_unknown_or_used' };
    expect(await consumeChallenge(store, clock, 'A'.repeat(43), 'session-a')).toEqual(refused);
    expect(await consumeChallenge(store, clock, 'not a challenge', 'session-a')).toEqual(refused);
  });

  it('names its purpose in the signed message', () => {
    const message = new TextDecoder().decode(challengeMessage('abc'));
    expect(message).toBe('kumamoto-app jpki-identity v1 abc');
  });
});
