import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateDeduction } from './allocate.ts';
import { pointsHistory } from './expiry.ts';
import { balanceAt, deductedAmount, isDeduction, isLot, lotStatesAt, type LedgerEntry } from './ledger.ts';
import { validateLedger } from './validate-ledger.ts';
import { pointsExpireAt } from './validity.ts';

/**
 * Ledger properties (issue 6) over random histories: grants, spends and adjustments spread
 * over about three years, so that lots expire between operations.
 */
type Operation =
  | { op: 'grant'; gapMinutes: number; amount: number }
  | { op: 'spend'; gapMinutes: number; amount: number }
  | { op: 'adjust'; gapMinutes: number; amount: number };

const gap = fc.integer({ min: 0, max: 60 * 24 * 120 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant('grant' as const),
    gapMinutes: gap,
    amount: fc.constantFrom(100, 100, 100, 1, 250),
  }),
  fc.record({ op: fc.constant('spend' as const), gapMinutes: gap, amount: fc.integer({ min: 1, max: 500 }) }),
  fc.record({
    op: fc.constant('adjust' as const),
    gapMinutes: gap,
    amount: fc.integer({ min: -200, max: 200 }).filter((n) => n !== 0),
  }),
);
const start = new Date('2024-01-01T00:00:00+09:00').getTime();

/** Plays the operations through the public API, checking each step as it goes. */
function play(operations: Operation[]): { entries: LedgerEntry[]; end: Date } {
  const entries: LedgerEntry[] = [];
  let time = start;
  operations.forEach((operation, index) => {
    time += operation.gapMinutes * 60_000;
    const at = new Date(time);
    const id = `e${index}`;
    if (operation.op === 'grant' || (operation.op === 'adjust' && operation.amount > 0)) {
      entries.push(
        operation.op === 'grant'
          ? { kind: 'grant', id, at, amount: operation.amount }
          : { kind: 'adjustment', id, at, amount: operation.amount, allocations: [] },
      );
      return;
    }
    const amount = Math.abs(operation.amount);
    const before = balanceAt(entries, at);
    const result = allocateDeduction(entries, amount, at);
    if (!result.ok) {
      // Refused exactly when the balance is short, and says what is there.
      expect(result).toEqual({ ok: false, reason: 'insufficient_points', available: before });
      expect(amount).toBeGreaterThan(before);
      return;
    }
    expect(amount).toBeLessThanOrEqual(before);
    expectFifo(entries, at, result.allocations);
    entries.push(
      operation.op === 'spend'
        ? { kind: 'spend', id, at, amount, allocations: result.allocations }
        : { kind: 'adjustment', id, at, amount: -amount, allocations: result.allocations },
    );
    expect(balanceAt(entries, at)).toBe(before - amount);
  });
  return { entries, end: new Date(time) };
}

/** No lot expiring strictly sooner than one that was taken from may be left with points. */
function expectFifo(
  entries: LedgerEntry[],
  at: Date,
  allocations: { lotId: string; amount: number }[],
): void {
  const lots = lotStatesAt(entries, at).filter((lot) => !lot.expired);
  const taken = new Map(allocations.map((a) => [a.lotId, a.amount]));
  const latestTaken = Math.max(
    ...lots.filter((lot) => taken.has(lot.lotId)).map((lot) => lot.expiresAt.getTime()),
  );
  for (const lot of lots) {
    if (lot.expiresAt.getTime() < latestTaken) expect(lot.remaining - (taken.get(lot.lotId) ?? 0)).toBe(0);
  }
}

const history = fc.array(operation, { maxLength: 60 });
/** Instants to look at, as minutes past the start (the histories span up to ~14 years). */
const lookAt = fc.array(fc.integer({ min: 0, max: 60 * 24 * 365 * 15 }), { minLength: 1, maxLength: 5 });

describe('points ledger properties', () => {
  it('the balance is never negative, at any instant', () => {
    fc.assert(
      fc.property(history, lookAt, (operations, minutes) => {
        const { entries } = play(operations);
        for (const m of minutes)
          expect(balanceAt(entries, new Date(start + m * 60_000))).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('allocations sum to each deduction and never touch an expired or future lot', () => {
    fc.assert(
      fc.property(history, (operations) => {
        const { entries } = play(operations);
        const lots = new Map(entries.filter(isLot).map((lot) => [lot.id, lot]));
        for (const entry of entries.filter(isDeduction)) {
          expect(entry.allocations.reduce((sum, a) => sum + a.amount, 0)).toBe(deductedAmount(entry));
          for (const { lotId } of entry.allocations) {
            const lot = lots.get(lotId)!;
            expect(lot.at.getTime()).toBeLessThanOrEqual(entry.at.getTime());
            expect(entry.at.getTime()).toBeLessThan(pointsExpireAt(lot.at).getTime());
          }
        }
        expect(validateLedger(entries)).toEqual([]);
      }),
    );
  });

  it('balance = points in − points out − what expired unspent', () => {
    fc.assert(
      fc.property(history, lookAt, (operations, minutes) => {
        const { entries } = play(operations);
        for (const m of minutes) {
          const now = new Date(start + m * 60_000);
          const seen = entries.filter((entry) => entry.at.getTime() <= now.getTime());
          const pointsIn = seen.filter(isLot).reduce((sum, lot) => sum + lot.amount, 0);
          const pointsOut = seen.filter(isDeduction).reduce((sum, entry) => sum + deductedAmount(entry), 0);
          const expiredUnspent = lotStatesAt(entries, now)
            .filter((lot) => lot.expired)
            .reduce((sum, lot) => sum + lot.remaining, 0);
          expect(balanceAt(entries, now)).toBe(pointsIn - pointsOut - expiredUnspent);
          // The history a resident sees adds up to the same figure.
          expect(pointsHistory(entries, now).reduce((sum, line) => sum + line.change, 0)).toBe(
            balanceAt(entries, now),
          );
        }
      }),
    );
  });

  it('between operations the balance never rises, and falls only across an expiry instant', () => {
    fc.assert(
      fc.property(history, fc.double({ min: 0, max: 1, noNaN: true }), (operations, fraction) => {
        const { entries } = play(operations);
        const times = [...new Set(entries.map((entry) => entry.at.getTime()))].sort((a, b) => a - b);
        const expiries = entries.filter(isLot).map((lot) => pointsExpireAt(lot.at).getTime());
        for (const [i, from] of times.entries()) {
          const to = times[i + 1] ?? from + 400 * 86_400_000;
          const mid = Math.floor(from + (to - from - 1) * fraction);
          const before = balanceAt(entries, new Date(from));
          const later = balanceAt(entries, new Date(mid));
          expect(later).toBeLessThanOrEqual(before);
          if (!expiries.some((instant) => instant > from && instant <= mid)) expect(later).toBe(before);
        }
        // Each expiry instant is midnight in Japan (15:00 UTC).
        for (const instant of expiries) expect(new Date(instant).getUTCHours()).toBe(15);
      }),
    );
  });
});
