import { describe, expect, it } from 'vitest';
import { allocateDeduction } from './allocate.ts';
import { expiriesDue, expiringSoon, pointsHistory } from './expiry.ts';
import { balanceAt, type LedgerEntry } from './ledger.ts';
import { validateLedger } from './validate-ledger.ts';

/** 10:00 JST on a date. */
const jst = (date: string, time = '10:00') => new Date(`${date}T${time}:00+09:00`);

const grant = (id: string, date: string, amount = 100): LedgerEntry => ({
  kind: 'grant',
  id,
  at: jst(date),
  amount,
});

describe('balanceAt (R-PT-6: expired points stop counting without a job)', () => {
  const ledger = [grant('g1', '2025-06-01'), grant('g2', '2025-09-01')];

  it('counts every unexpired grant', () => {
    expect(balanceAt(ledger, jst('2026-05-31', '23:59'))).toBe(200);
  });

  it('drops a grant at the end of its last day in Japan', () => {
    expect(balanceAt(ledger, new Date('2026-05-31T14:59:59.999Z'))).toBe(200);
    expect(balanceAt(ledger, new Date('2026-05-31T15:00:00.000Z'))).toBe(100);
  });

  it('ignores entries after the instant asked about', () => {
    expect(balanceAt(ledger, jst('2025-08-31'))).toBe(100);
    expect(balanceAt(ledger, jst('2025-05-31'))).toBe(0);
  });

  it('counts a positive adjustment as points with their own year, and a negative one as taken', () => {
    const adjusted: LedgerEntry[] = [
      ...ledger,
      { kind: 'adjustment', id: 'a1', at: jst('2025-10-01'), amount: 50, allocations: [] },
      {
        kind: 'adjustment',
        id: 'a2',
        at: jst('2025-10-02'),
        amount: -30,
        allocations: [{ lotId: 'g1', amount: 30 }],
      },
    ];
    expect(balanceAt(adjusted, jst('2025-10-03'))).toBe(220);
    expect(balanceAt(adjusted, jst('2026-06-01'))).toBe(150);
    expect(balanceAt(adjusted, jst('2026-10-01'))).toBe(0);
  });
});

describe('allocateDeduction: earliest-expiring first, never below zero', () => {
  const ledger = [grant('late', '2025-09-01'), grant('early', '2025-06-01'), grant('mid', '2025-07-01')];

  it('takes from the lot that expires first, then the next', () => {
    expect(allocateDeduction(ledger, 150, jst('2025-10-01'))).toEqual({
      ok: true,
      allocations: [
        { lotId: 'early', amount: 100 },
        { lotId: 'mid', amount: 50 },
      ],
    });
  });

  it('continues from what earlier spends left', () => {
    const spent: LedgerEntry[] = [
      ...ledger,
      {
        kind: 'spend',
        id: 's1',
        at: jst('2025-10-01'),
        amount: 150,
        allocations: [
          { lotId: 'early', amount: 100 },
          { lotId: 'mid', amount: 50 },
        ],
      },
    ];
    expect(allocateDeduction(spent, 100, jst('2025-10-02'))).toEqual({
      ok: true,
      allocations: [
        { lotId: 'mid', amount: 50 },
        { lotId: 'late', amount: 50 },
      ],
    });
  });

  it('skips expired lots', () => {
    expect(allocateDeduction(ledger, 100, jst('2026-06-01'))).toEqual({
      ok: true,
      allocations: [{ lotId: 'mid', amount: 100 }],
    });
  });

  it('refuses more than the balance, saying what is available (R-PT-7: 300 for a ticket)', () => {
    expect(allocateDeduction(ledger, 300, jst('2026-06-01'))).toEqual({
      ok: false,
      reason: 'insufficient_points',
      available: 200,
    });
  });

  it('allows spending the whole balance exactly', () => {
    expect(allocateDeduction(ledger, 300, jst('2025-10-01'))).toMatchObject({ ok: true });
  });

  it.each([0, -100, 1.5, Number.NaN])('refuses the amount %s', (amount) => {
    expect(allocateDeduction(ledger, amount, jst('2025-10-01'))).toEqual({
      ok: false,
      reason: 'invalid_amount',
    });
  });

  it('does not offer points a later-stamped spend already took', () => {
    const spent: LedgerEntry[] = [
      grant('g', '2025-06-01'),
      {
        kind: 'spend',
        id: 's',
        at: jst('2025-06-03'),
        amount: 100,
        allocations: [{ lotId: 'g', amount: 100 }],
      },
    ];
    expect(allocateDeduction(spent, 1, jst('2025-06-02'))).toMatchObject({
      ok: false,
      reason: 'insufficient_points',
    });
  });
});

describe('expiringSoon', () => {
  const ledger: LedgerEntry[] = [
    grant('a', '2025-06-01'),
    { kind: 'grant', id: 'b', at: jst('2025-06-01', '15:00'), amount: 100 },
    grant('c', '2025-06-20'),
    grant('d', '2025-09-01'),
    {
      kind: 'spend',
      id: 's',
      at: jst('2025-10-01'),
      amount: 160,
      allocations: [
        { lotId: 'a', amount: 100 },
        { lotId: 'b', amount: 60 },
      ],
    },
  ];

  it('sums what is left per last day, soonest first', () => {
    expect(expiringSoon(ledger, jst('2026-05-10'), 40)).toEqual([
      { lastUsableDay: '2026-05-31', expiresAt: new Date('2026-05-31T15:00:00Z'), amount: 40 },
      { lastUsableDay: '2026-06-19', expiresAt: new Date('2026-06-19T15:00:00Z'), amount: 100 },
    ]);
  });

  it('includes the horizon day and leaves later days out', () => {
    expect(expiringSoon(ledger, jst('2026-05-01'), 30).map((day) => day.lastUsableDay)).toEqual([
      '2026-05-31',
    ]);
    expect(expiringSoon(ledger, jst('2026-05-01'), 29)).toEqual([]);
  });

  it('lists points expiring today, and nothing once they have lapsed', () => {
    expect(expiringSoon(ledger, jst('2026-05-31', '23:00'), 0)).toMatchObject([{ amount: 40 }]);
    expect(expiringSoon(ledger, jst('2026-06-01', '00:00'), 0)).toEqual([]);
  });

  it('refuses a negative window', () => {
    expect(() => expiringSoon(ledger, jst('2026-05-01'), -1)).toThrow(RangeError);
  });
});

describe('expiriesDue and pointsHistory', () => {
  const ledger: LedgerEntry[] = [
    grant('a', '2025-06-01'),
    grant('b', '2025-07-01'),
    { kind: 'spend', id: 's', at: jst('2025-10-01'), amount: 60, allocations: [{ lotId: 'a', amount: 60 }] },
  ];
  const now = jst('2026-07-05');

  it('names the lapsed lots with what was left, at the end of their last day', () => {
    expect(expiriesDue(ledger, now)).toEqual([
      { lotId: 'a', amount: 40, at: new Date('2026-05-31T15:00:00Z') },
      { lotId: 'b', amount: 100, at: new Date('2026-06-30T15:00:00Z') },
    ]);
  });

  it('does not ask for an expiry already recorded', () => {
    const recorded: LedgerEntry[] = [
      ...ledger,
      { kind: 'expiry', id: 'x', at: new Date('2026-05-31T15:00:00Z'), lotId: 'a', amount: 40 },
    ];
    expect(expiriesDue(recorded, now).map((due) => due.lotId)).toEqual(['b']);
    expect(validateLedger(recorded)).toEqual([]);
  });

  it('lists history newest first with expiries included, adding up to the balance', () => {
    const history = pointsHistory(ledger, now);
    expect(history.map((line) => [line.kind, line.change])).toEqual([
      ['expiry', -100],
      ['expiry', -40],
      ['spend', -60],
      ['grant', 100],
      ['grant', 100],
    ]);
    expect(history.reduce((sum, line) => sum + line.change, 0)).toBe(balanceAt(ledger, now));
  });
});

describe('validateLedger', () => {
  const base = [grant('g', '2025-06-01')];
  const spend = (
    allocations: { lotId: string; amount: number }[],
    amount = 50,
    date = '2025-07-01',
  ): LedgerEntry => ({
    kind: 'spend',
    id: 's',
    at: jst(date),
    amount,
    allocations,
  });

  it('accepts a sound ledger', () => {
    expect(validateLedger([...base, spend([{ lotId: 'g', amount: 50 }])])).toEqual([]);
  });

  it.each([
    ['a duplicate id', [...base, grant('g', '2025-06-02')], 'duplicate_id'],
    ['a zero grant', [grant('z', '2025-06-01', 0)], 'invalid_amount'],
    [
      'allocations short of the spend',
      [...base, spend([{ lotId: 'g', amount: 40 }])],
      'allocations_do_not_sum',
    ],
    [
      'an allocation to nothing',
      [...base, spend([{ lotId: 'nope', amount: 50 }])],
      'allocation_to_unknown_lot',
    ],
    [
      'a spend from an expired lot',
      [...base, spend([{ lotId: 'g', amount: 50 }], 50, '2026-06-01')],
      'allocation_outside_lot_validity',
    ],
    [
      'a spend before the grant',
      [...base, spend([{ lotId: 'g', amount: 50 }], 50, '2025-05-01')],
      'allocation_outside_lot_validity',
    ],
    ['an overdrawn lot', [...base, spend([{ lotId: 'g', amount: 150 }], 150)], 'lot_overdrawn'],
    [
      'an expiry with the wrong amount',
      [
        ...base,
        { kind: 'expiry', id: 'x', at: new Date('2026-05-31T15:00:00Z'), lotId: 'g', amount: 99 } as const,
      ],
      'expiry_mismatch',
    ],
    [
      'a positive adjustment that takes from a lot',
      [
        ...base,
        {
          kind: 'adjustment',
          id: 'a',
          at: jst('2025-07-01'),
          amount: 10,
          allocations: [{ lotId: 'g', amount: 10 }],
        } as const,
      ],
      'allocations_do_not_sum',
    ],
  ])('finds %s', (_name, entries, problem) => {
    expect(validateLedger(entries).map((p) => p.problem)).toContain(problem);
  });
});
