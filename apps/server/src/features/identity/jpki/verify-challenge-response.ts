import type { Clock } from '@kumamoto/domain';
import { consumeChallenge, type ChallengeStore } from './challenge.ts';
import type { JpkiResult } from './failures.ts';
import type { JpkiTrust } from './trust.ts';
import { verifyJpkiProof, type JpkiIdentity, type JpkiProof } from './verify-certificate.ts';

export interface JpkiDeps {
  challenges: ChallengeStore;
  clock: Clock;
  trust: () => JpkiTrust;
  personKeySecret: string;
}

/**
 * The whole check for one answer: the challenge is used up first (so a refused answer
 * cannot be retried with it, and a replay is refused), then the proof is verified.
 * The caller stores the identity's four items and keys; the certificate is not kept.
 */
export async function verifyChallengeResponse(
  deps: JpkiDeps,
  boundTo: string,
  proof: JpkiProof,
): Promise<JpkiResult<{ identity: JpkiIdentity }>> {
  const consumed = await consumeChallenge(deps.challenges, deps.clock, proof.challenge, boundTo);
  if (!consumed.ok) return consumed;
  return verifyJpkiProof(proof, {
    trust: deps.trust(),
    now: deps.clock.now(),
    personKeySecret: deps.personKeySecret,
  });
}
