import { pointsExpireAt } from './validity.ts';
import {
  deductedAmount,
  isDeduction,
  isLot,
  type DeductionEntry,
  type LedgerEntry,
  type LotEntry,
} from './ledger.ts';

/** What can be wrong with a ledger read back from storage. */
export type LedgerProblem =
  | { problem: 'duplicate_id'; entryId: string }
  | { problem: 'invalid_amount'; entryId: string }
  | { problem: 'allocations_do_not_sum'; entryId: string }
  | { problem: 'allocation_to_unknown_lot'; entryId: string; lotId: string }
  | { problem: 'allocation_outside_lot_validity'; entryId: string; lotId: string }
  | { problem: 'lot_overdrawn'; lotId: string }
  | { problem: 'expiry_mismatch'; entryId: string };

/**
 * Checks the invariants of issue 6 on a whole ledger: whole positive amounts, each deduction's
 * allocations summing to it, no allocation to a lot that had expired (or not yet arrived) at
 * the deduction's time, no lot giving more than it holds (so no balance below zero), and
 * expiry entries recording exactly what was left when the lot lapsed. An empty list means sound.
 * The server can run it in tests and audits; the database constraints enforce the same.
 */
export function validateLedger(entries: readonly LedgerEntry[]): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) problems.push({ problem: 'duplicate_id', entryId: entry.id });
    seen.add(entry.id);
    if (
      !Number.isSafeInteger(entry.amount) ||
      entry.amount === 0 ||
      (entry.kind !== 'adjustment' && entry.amount < 0)
    )
      problems.push({ problem: 'invalid_amount', entryId: entry.id });
  }
  const lots = new Map(entries.filter(isLot).map((lot) => [lot.id, lot]));
  const used = new Map<string, number>();
  for (const entry of entries) {
    // A positive adjustment adds a lot; it takes from none.
    if (entry.kind === 'adjustment' && entry.amount > 0 && entry.allocations.length > 0)
      problems.push({ problem: 'allocations_do_not_sum', entryId: entry.id });
  }
  for (const entry of entries.filter(isDeduction)) {
    problems.push(...checkDeduction(entry, lots));
    for (const { lotId, amount } of entry.allocations) used.set(lotId, (used.get(lotId) ?? 0) + amount);
  }
  for (const [lotId, taken] of used) {
    const lot = lots.get(lotId);
    if (lot && taken > lot.amount) problems.push({ problem: 'lot_overdrawn', lotId });
  }
  for (const entry of entries) {
    if (entry.kind !== 'expiry') continue;
    const lot = lots.get(entry.lotId);
    const left = lot ? lot.amount - (used.get(lot.id) ?? 0) : undefined;
    if (!lot || left !== entry.amount || entry.at.getTime() !== pointsExpireAt(lot.at).getTime())
      problems.push({ problem: 'expiry_mismatch', entryId: entry.id });
  }
  return problems;
}

function checkDeduction(entry: DeductionEntry, lots: Map<string, LotEntry>): LedgerProblem[] {
  const problems: LedgerProblem[] = [];
  const total = entry.allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  const positive = entry.allocations.every((a) => Number.isSafeInteger(a.amount) && a.amount > 0);
  if (!positive || total !== deductedAmount(entry))
    problems.push({ problem: 'allocations_do_not_sum', entryId: entry.id });
  const at = entry.at.getTime();
  for (const { lotId } of entry.allocations) {
    const lot = lots.get(lotId);
    if (!lot) problems.push({ problem: 'allocation_to_unknown_lot', entryId: entry.id, lotId });
    else if (at < lot.at.getTime() || at >= pointsExpireAt(lot.at).getTime())
      problems.push({ problem: 'allocation_outside_lot_validity', entryId: entry.id, lotId });
  }
  return problems;
}
