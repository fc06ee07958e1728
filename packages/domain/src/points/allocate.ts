import { lotStatesAt, usedByLot, type Allocation, type LedgerEntry } from './ledger.ts';

export type AllocationResult =
  | { ok: true; allocations: Allocation[] }
  | { ok: false; reason: 'invalid_amount' }
  | { ok: false; reason: 'insufficient_points'; available: number };

/**
 * Which lots a new deduction of `amount` points at `at` takes from (issue 6): the
 * earliest-expiring unexpired lots first, so a resident loses as little as possible to expiry.
 * A deduction larger than the balance is refused whole, never partly taken, so the balance
 * can never go negative. Expired lots are never touched (R-PT-6).
 *
 * The caller records the result on the new spend (or negative adjustment) entry. Two
 * deductions racing on the same ledger must be serialized by the caller (one transaction
 * holding the resident's ledger lock), as this function only sees what is already recorded.
 * Every recorded deduction counts, even one stamped later than `at` (clocks disagree): points
 * already taken are never offered twice.
 */
export function allocateDeduction(
  entries: readonly LedgerEntry[],
  amount: number,
  at: Date,
): AllocationResult {
  if (!Number.isSafeInteger(amount) || amount <= 0) return { ok: false, reason: 'invalid_amount' };
  const usedEver = usedByLot(entries);
  const usable = lotStatesAt(entries, at)
    .filter((lot) => !lot.expired)
    .map((lot) => ({ lotId: lot.lotId, remaining: lot.amount - (usedEver.get(lot.lotId) ?? 0) }))
    .filter((lot) => lot.remaining > 0);
  const available = usable.reduce((sum, lot) => sum + lot.remaining, 0);
  if (available < amount) return { ok: false, reason: 'insufficient_points', available };

  const allocations: Allocation[] = [];
  let left = amount;
  for (const lot of usable) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    allocations.push({ lotId: lot.lotId, amount: take });
    left -= take;
  }
  return { ok: true, allocations };
}
