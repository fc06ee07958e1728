import type { Clock } from '@kumamoto/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { InMemoryChallengeStore, challengeTtlMs, issueChallenge } from './challenge.ts';
import { signChallenge } from './test-pki.ts';
import { makeTestPki, testNow, type TestPki } from './test-scenario.ts';
import { verifyChallengeResponse, type JpkiDeps } from './verify-challenge-response.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

function setup(): JpkiDeps & { advance(ms: number): void } {
  let current = testNow.getTime();
  const clock: Clock = { now: () => new Date(current) };
  const trust = pki.trust();
  return {
    challenges: new InMemoryChallengeStore(),
    clock,
    trust: () => trust,
    personKeySecret: 'test-person-key-secret',
    advance: (ms) => (current += ms),
  };
}

async function answer(deps: JpkiDeps, session = 'session-a') {
  const { challenge } = await issueChallenge(deps.challenges, deps.clock, session);
  return { certificate: pki.leaf(), signature: signChallenge(pki.card.privateKey, challenge), challenge };
}

describe('verifyChallengeResponse: challenge, then proof', () => {
  it('verifies a fresh answer', async () => {
    const deps = setup();
    const result = await verifyChallengeResponse(deps, 'session-a', await answer(deps));
    expect(result.ok && result.identity.birthDate).toBe('1990-04-01');
  });

  it('refuses a replayed answer', async () => {
    const deps = setup();
    const proof = await answer(deps);
    expect((await verifyChallengeResponse(deps, 'session-a', proof)).ok).toBe(true);
    expect(await verifyChallengeResponse(deps, 'session-a', proof)).toEqual({
      ok: false,
      reason: 'challenge_unknown_or_used',
    });
  });

  it('refuses an answer to an expired challenge', async () => {
    const deps = setup();
    const proof = await answer(deps);
    deps.advance(challengeTtlMs + 1);
    expect(await verifyChallengeResponse(deps, 'session-a', proof)).toEqual({
      ok: false,
      reason: 'challenge_expired',
    });
  });

  it('refuses an answer sent from another session', async () => {
    const deps = setup();
    const proof = await answer(deps, 'session-a');
    expect(await verifyChallengeResponse(deps, 'session-b', proof)).toEqual({
      ok: false,
      reason: 'challenge_unknown_or_used',
    });
  });

  it('uses the challenge up even when the proof is refused, so it cannot be retried', async () => {
    const deps = setup();
    const proof = await answer(deps);
    const tampered = {
      ...proof,
      signature: Uint8Array.from(proof.signature, (b, i) => (i === 0 ? b ^ 1 : b)),
    };
    expect(await verifyChallengeResponse(deps, 'session-a', tampered)).toEqual({
      ok: false,
      reason: 'signature_invalid',
    });
    expect(await verifyChallengeResponse(deps, 'session-a', proof)).toEqual({
      ok: false,
      reason: 'challenge_unknown_or_used',
    });
  });
});
