import { jstDate, type IsoDate } from '../jst.ts';
import { addDays } from './calendar.ts';
import { lotStatesAt, type LedgerEntry } from './ledger.ts';

/** Points that will lapse on one day unless spent first. */
export interface ExpiringPoints {
  lastUsableDay: IsoDate;
  expiresAt: Date;
  amount: number;
}

/**
 * Unspent points whose last usable day falls within `withinDays` days of today (JST), summed
 * per day, soonest first: "40 points expire on 31 May" on the points screen (issue 6).
 * `withinDays` 0 means today only; points already expired are not listed.
 */
export function expiringSoon(
  entries: readonly LedgerEntry[],
  now: Date,
  withinDays: number,
): ExpiringPoints[] {
  if (!Number.isInteger(withinDays) || withinDays < 0)
    throw new RangeError('withinDays must be a whole number ≥ 0');
  const horizon = addDays(jstDate(now), withinDays);
  const byDay = new Map<IsoDate, ExpiringPoints>();
  for (const lot of lotStatesAt(entries, now)) {
    if (lot.expired || lot.remaining <= 0 || lot.lastUsableDay > horizon) continue;
    const day = byDay.get(lot.lastUsableDay);
    if (day) day.amount += lot.remaining;
    else
      byDay.set(lot.lastUsableDay, {
        lastUsableDay: lot.lastUsableDay,
        expiresAt: lot.expiresAt,
        amount: lot.remaining,
      });
  }
  // Lots come earliest-expiring first, and a Map keeps insertion order: soonest day first.
  return [...byDay.values()];
}

/** An expiry that has happened but is not yet written down. */
export interface DueExpiry {
  lotId: string;
  amount: number;
  /** The instant the points lapsed: the end of the lot's last usable day. */
  at: Date;
}

/**
 * Expiry entries the history still lacks: lots that expired by `now` with points left over and
 * no expiry entry yet. Writing them is optional bookkeeping (any request or a nightly job may
 * append them); the balance is the same before and after.
 */
export function expiriesDue(entries: readonly LedgerEntry[], now: Date): DueExpiry[] {
  const recorded = new Set(entries.flatMap((entry) => (entry.kind === 'expiry' ? [entry.lotId] : [])));
  return lotStatesAt(entries, now)
    .filter((lot) => lot.expired && lot.remaining > 0 && !recorded.has(lot.lotId))
    .map((lot) => ({ lotId: lot.lotId, amount: lot.remaining, at: lot.expiresAt }));
}

/** One line of the points history: + for points in, − for points out. */
export interface HistoryLine {
  kind: LedgerEntry['kind'];
  /** The entry's id; for an expiry not yet recorded, the lapsed lot's id. */
  id: string;
  at: Date;
  change: number;
}

/**
 * The resident's history, newest first: every recorded entry, plus the expiries that have
 * happened but are not yet recorded, so the list adds up to the balance at any moment.
 */
export function pointsHistory(entries: readonly LedgerEntry[], now: Date): HistoryLine[] {
  const recorded: HistoryLine[] = entries
    .filter((entry) => entry.at.getTime() <= now.getTime())
    .map((entry) => ({ kind: entry.kind, id: entry.id, at: entry.at, change: signedChange(entry) }));
  const pending: HistoryLine[] = expiriesDue(entries, now).map((due) => ({
    kind: 'expiry',
    id: due.lotId,
    at: due.at,
    change: -due.amount,
  }));
  return [...recorded, ...pending].sort((a, b) => b.at.getTime() - a.at.getTime());
}

function signedChange(entry: LedgerEntry): number {
  switch (entry.kind) {
    case 'grant':
      return entry.amount;
    case 'adjustment':
      return entry.amount;
    case 'spend':
    case 'expiry':
      return -entry.amount;
  }
}
