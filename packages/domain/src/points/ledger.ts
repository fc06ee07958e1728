import { jstDate, type IsoDate } from '../jst.ts';
import { lastUsableDay, pointsExpireAt } from './validity.ts';

/**
 * The points ledger is append-only (issue 6): nothing is ever updated or deleted, every change
 * is a new entry. Amounts are whole points.
 *
 * A *lot* is points that arrived together and expire together: a grant, or a positive
 * adjustment. A *deduction* (a spend, or a negative adjustment) records which lots it took
 * from (`allocations`), earliest-expiring first, so that history and balance never depend on
 * recomputing an old allocation.
 */
export interface Allocation {
  lotId: string;
  amount: number;
}

/** Points for a check-in (R-PT-5), or issued by the city after an app fault (FAQ Q3). */
export interface GrantEntry {
  kind: 'grant';
  id: string;
  at: Date;
  amount: number;
}

/** Points exchanged for a lottery ticket or an e-coupon (R-PT-7, R-PT-8). */
export interface SpendEntry {
  kind: 'spend';
  id: string;
  at: Date;
  amount: number;
  allocations: readonly Allocation[];
}

/**
 * A correction by city staff. Positive: a new lot, valid one year like any points (R-PT-6).
 * Negative: a deduction, allocated like a spend; `allocations` is empty for a positive one.
 */
export interface AdjustmentEntry {
  kind: 'adjustment';
  id: string;
  at: Date;
  amount: number;
  allocations: readonly Allocation[];
}

/**
 * A record that a lot's unspent points lapsed, written after the fact for the history only.
 * Balances never read it: a lot stops counting at the end of its last day whether or not this
 * entry exists yet (see `expiriesDue`).
 */
export interface ExpiryEntry {
  kind: 'expiry';
  id: string;
  at: Date;
  lotId: string;
  amount: number;
}

export type LedgerEntry = GrantEntry | SpendEntry | AdjustmentEntry | ExpiryEntry;
/** A grant, or an adjustment whose amount is positive. */
export type LotEntry = GrantEntry | AdjustmentEntry;
/** A spend, or an adjustment whose amount is negative. */
export type DeductionEntry = SpendEntry | AdjustmentEntry;

export function isLot(entry: LedgerEntry): entry is LotEntry {
  return entry.kind === 'grant' || (entry.kind === 'adjustment' && entry.amount > 0);
}

export function isDeduction(entry: LedgerEntry): entry is DeductionEntry {
  return entry.kind === 'spend' || (entry.kind === 'adjustment' && entry.amount < 0);
}

/** Points a deduction takes away, as a positive number. */
export function deductedAmount(entry: DeductionEntry): number {
  return Math.abs(entry.amount);
}

/** One lot as it stands at an instant. */
export interface LotState {
  lotId: string;
  grantedAt: Date;
  amount: number;
  lastUsableDay: IsoDate;
  expiresAt: Date;
  /** Taken by deductions recorded at or before the instant. */
  used: number;
  /** What is left unspent: counts in the balance until `expiresAt`, then lapses. */
  remaining: number;
  expired: boolean;
}

/**
 * Every lot that has arrived by `now`, earliest-expiring first (ties: earlier arrival, then id),
 * which is also the order deductions take from them.
 */
export function lotStatesAt(entries: readonly LedgerEntry[], now: Date): LotState[] {
  const visible = entries.filter((entry) => entry.at.getTime() <= now.getTime());
  const used = usedByLot(visible);
  return visible
    .filter(isLot)
    .map((lot) => {
      const expiresAt = pointsExpireAt(lot.at);
      const taken = used.get(lot.id) ?? 0;
      return {
        lotId: lot.id,
        grantedAt: lot.at,
        amount: lot.amount,
        lastUsableDay: lastUsableDay(jstDate(lot.at)),
        expiresAt,
        used: taken,
        remaining: lot.amount - taken,
        expired: now.getTime() >= expiresAt.getTime(),
      };
    })
    .sort(
      (a, b) =>
        a.expiresAt.getTime() - b.expiresAt.getTime() ||
        a.grantedAt.getTime() - b.grantedAt.getTime() ||
        (a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0),
    );
}

/**
 * The usable balance at `now`: what is left of every lot that has not expired. An expired lot
 * stops counting at the end of its last day by this comparison alone (R-PT-6), no job needed.
 */
export function balanceAt(entries: readonly LedgerEntry[], now: Date): number {
  return lotStatesAt(entries, now)
    .filter((lot) => !lot.expired)
    .reduce((sum, lot) => sum + lot.remaining, 0);
}

/** Points taken from each lot by the deductions among `entries`. */
export function usedByLot(entries: readonly LedgerEntry[]): Map<string, number> {
  const used = new Map<string, number>();
  for (const entry of entries) {
    if (!isDeduction(entry)) continue;
    for (const { lotId, amount } of entry.allocations) used.set(lotId, (used.get(lotId) ?? 0) + amount);
  }
  return used;
}
