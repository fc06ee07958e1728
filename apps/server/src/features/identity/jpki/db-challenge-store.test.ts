import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/client.ts';
import { jpkiChallenges } from '../../../db/schema.ts';
import { sha256 } from '../../../platform/tokens.ts';
import { createUser } from '../../../test/factories.ts';
import { fixedClock } from '../../../test/test-app.ts';
import { createTestDatabase } from '../../../test/test-database.ts';
import { challengeTtlMs, consumeChallenge, issueChallenge } from './challenge.ts';
import { dbChallengeStore } from './db-challenge-store.ts';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const rows = (key: string) => database.db.select().from(jpkiChallenges).where(eq(jpkiChallenges.key, key));

describe('dbChallengeStore: JPKI challenges in the database', () => {
  it('keeps only the hash of the challenge, bound to the account, until it is taken once', async () => {
    const clock = fixedClock('2026-05-01T09:00:00Z');
    const store = dbChallengeStore(database.db, clock);
    const user = await createUser(database.db);
    const { challenge, expiresAt } = await issueChallenge(store, clock, user.id);

    const [row] = await rows(sha256(challenge));
    expect(row).toMatchObject({ userId: user.id, expiresAt });
    const everything = JSON.stringify(await database.db.select().from(jpkiChallenges));
    expect(everything).not.toContain(challenge);

    expect(await store.take(sha256(challenge))).toEqual({
      key: sha256(challenge),
      boundTo: user.id,
      expiresAt,
    });
    expect(await store.take(sha256(challenge))).toBeUndefined();
    expect(await rows(sha256(challenge))).toEqual([]);
  });

  it('hands a challenge to exactly one of many concurrent takers', async () => {
    const clock = fixedClock('2026-05-01T09:00:00Z');
    const store = dbChallengeStore(database.db, clock);
    const user = await createUser(database.db);
    const { challenge } = await issueChallenge(store, clock, user.id);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => consumeChallenge(store, clock, challenge, user.id)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 7 }, () => ({ ok: false, reason: 'challenge_unknown_or_used' })),
    );
  });

  it('refuses a challenge from another account, and an expired one, using each up', async () => {
    const clock = fixedClock('2026-05-01T09:00:00Z');
    const store = dbChallengeStore(database.db, clock);
    const [owner, other] = [await createUser(database.db), await createUser(database.db)];
    const first = await issueChallenge(store, clock, owner.id);
    expect(await consumeChallenge(store, clock, first.challenge, other.id)).toEqual({
      ok: false,
      reason: 'challenge_unknown_or_used',
    });
    expect(await consumeChallenge(store, clock, first.challenge, owner.id)).toMatchObject({ ok: false });

    const second = await issueChallenge(store, clock, owner.id);
    clock.advance(challengeTtlMs);
    expect(await consumeChallenge(store, clock, second.challenge, owner.id)).toEqual({
      ok: false,
      reason: 'challenge_expired',
    });
  });

  it('sweeps challenges expired for over a day when a new one is issued, not fresher ones', async () => {
    const clock = fixedClock('2026-05-01T09:00:00Z');
    const store = dbChallengeStore(database.db, clock);
    const user = await createUser(database.db);
    const old = await issueChallenge(store, clock, user.id);
    clock.advance(challengeTtlMs + 60 * 60 * 1000);
    const recent = await issueChallenge(store, clock, user.id);
    clock.advance(24 * 60 * 60 * 1000);
    await issueChallenge(store, clock, user.id);
    expect(await rows(sha256(old.challenge))).toEqual([]);
    expect(await rows(sha256(recent.challenge))).toHaveLength(1);
  });

  it('goes with the account', async () => {
    const clock = fixedClock('2026-05-01T09:00:00Z');
    const store = dbChallengeStore(database.db, clock);
    const user = await createUser(database.db);
    const { challenge } = await issueChallenge(store, clock, user.id);
    await database.db.execute(sql`delete from users where id = ${user.id}`);
    expect(await rows(sha256(challenge))).toEqual([]);
  });
});
