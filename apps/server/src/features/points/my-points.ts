import {
  balanceAt,
  expiringSoon,
  lotStatesAt,
  nextRank,
  pointsHistory,
  rankFor,
  type LedgerEntry,
  type Localized,
  type RankTable,
} from '@kumamoto/domain';
import type { Database } from '../../db/client.ts';
import { loadLedger, participationCount } from './ledger-store.ts';

/**
 * "Points about to expire" on the points screen: lots whose last usable day falls within this
 * many days (beyond the guide: a month's notice is enough to join one more activity or spend).
 */
export const expiringWithinDays = 30;

export interface PointsSummary {
  balance: number;
  expiring: { amount: number; lastUsableDay: string }[];
  history: {
    id: string;
    kind: LedgerEntry['kind'];
    /** + for points in, − for points out. */
    amount: number;
    at: Date;
    lastUsableDay: string | null;
    activityTitle: string | null;
  }[];
  rank: {
    id: string;
    name: Localized;
    participations: number;
    next: { id: string; name: Localized; minParticipations: number } | null;
  };
}

/**
 * The points mini-app (issue 6 part 3, R-PT-6, R-PT-9): balance, points about to expire, the
 * history newest first, and the rank by participation count. Everything is derived from the
 * append-only ledger at `now` by the domain: a lot stops counting at the end of its last usable
 * day (JST) by that comparison alone, with no job having to write the expiry first.
 */
export async function pointsSummary(
  db: Database,
  input: { userId: string; now: Date; ranks: RankTable },
): Promise<PointsSummary> {
  const [stored, participations] = await Promise.all([
    loadLedger(db, input.userId),
    participationCount(db, input.userId),
  ]);
  const { now } = input;
  const entries = stored.map((item) => item.entry);
  const byId = new Map(stored.map((item) => [item.entry.id, item]));
  const lots = new Map(lotStatesAt(entries, now).map((lot) => [lot.lotId, lot]));

  const history = pointsHistory(entries, now).map((line) => {
    const recorded = byId.get(line.id);
    // An expiry that has happened but is not written down yet carries its lot's id.
    const pendingExpiry = line.kind === 'expiry' && recorded?.entry.kind !== 'expiry';
    const lotId =
      line.kind === 'expiry'
        ? pendingExpiry
          ? line.id
          : (recorded?.entry as Extract<LedgerEntry, { kind: 'expiry' }>).lotId
        : line.id;
    const lot = lots.get(lotId);
    return {
      id: pendingExpiry ? `expiry:${line.id}` : line.id,
      kind: line.kind,
      amount: line.change,
      at: line.at,
      lastUsableDay: lot?.lastUsableDay ?? null,
      activityTitle: byId.get(lotId)?.activityTitle ?? null,
    };
  });

  const rank = rankFor(participations, input.ranks);
  const next = nextRank(participations, input.ranks);
  return {
    balance: balanceAt(entries, now),
    expiring: expiringSoon(entries, now, expiringWithinDays).map((day) => ({
      amount: day.amount,
      lastUsableDay: day.lastUsableDay,
    })),
    history,
    rank: {
      id: rank.id,
      name: rank.name,
      participations,
      next: next
        ? { id: next.rank.id, name: next.rank.name, minParticipations: next.rank.minParticipations }
        : null,
    },
  };
}
