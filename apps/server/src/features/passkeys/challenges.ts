import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { webauthnChallenges } from '../../db/schema.ts';
import { CeremonyRefused, challengeTtlMs, type Ceremony } from './ceremony.ts';

type Challenge = typeof webauthnChallenges.$inferSelect;

/** Keeps a freshly issued challenge for five minutes, and drops any that have expired. */
export async function storeChallenge(
  db: Database,
  input: { challenge: string; purpose: Ceremony; userId?: string; displayName?: string; now: Date },
): Promise<void> {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, input.now));
  await db.insert(webauthnChallenges).values({
    challenge: input.challenge,
    purpose: input.purpose,
    userId: input.userId ?? null,
    displayName: input.displayName ?? null,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + challengeTtlMs),
  });
}

/**
 * The pending challenge the browser answered, for this ceremony. Unknown (never issued, for
 * another ceremony, or already used) and expired challenges are refused.
 */
export async function pendingChallenge(
  db: Database,
  input: { challenge: string; purpose: Ceremony; now: Date },
): Promise<Challenge> {
  const [row] = await db
    .select()
    .from(webauthnChallenges)
    .where(
      and(eq(webauthnChallenges.challenge, input.challenge), eq(webauthnChallenges.purpose, input.purpose)),
    );
  if (!row) throw new CeremonyRefused('passkey_challenge_invalid', 'challenge_unknown');
  if (row.expiresAt.getTime() <= input.now.getTime()) {
    throw new CeremonyRefused('passkey_challenge_invalid', 'challenge_expired');
  }
  return row;
}

/**
 * Uses the challenge up, inside the transaction that acts on it: `delete … returning` lets
 * exactly one of two racing requests through, so an answer cannot be replayed.
 */
export async function consumeChallenge(
  tx: Pick<Database, 'delete'>,
  challenge: Challenge,
  refusal: { actorUserId?: string | null; credentialId?: string | null } = {},
): Promise<void> {
  const [used] = await tx
    .delete(webauthnChallenges)
    .where(eq(webauthnChallenges.challenge, challenge.challenge))
    .returning({ challenge: webauthnChallenges.challenge });
  if (!used) throw new CeremonyRefused('passkey_challenge_invalid', 'challenge_replayed', refusal);
}
