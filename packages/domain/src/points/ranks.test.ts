import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultRanks, nextRank, rankFor, rankTableSchema, rankUp, type RankTable } from './ranks.ts';

describe('R-PT-9 rankFor (default table)', () => {
  it.each([
    [0, 'beginner'],
    [1, 'bronze'],
    [4, 'bronze'],
    [5, 'silver'],
    [14, 'silver'],
    [15, 'gold'],
    [29, 'gold'],
    [30, 'platinum'],
    [1000, 'platinum'],
  ])('%i participations → %s', (count, id) => {
    expect(rankFor(count).id).toBe(id);
  });

  it('names every rank in Japanese and English', () => {
    expect(rankFor(5).name).toEqual({ ja: 'シルバー', en: 'Silver' });
  });

  it.each([-1, 1.5, Number.NaN])('refuses the count %s', (count) => {
    expect(() => rankFor(count)).toThrow(RangeError);
  });

  it('never falls as the count rises', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.nat(200), (a, b) => {
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        expect(rankFor(low).minParticipations).toBeLessThanOrEqual(rankFor(high).minParticipations);
      }),
    );
  });
});

describe('nextRank', () => {
  it('says how many more check-ins reach the next rank', () => {
    expect(nextRank(2)).toEqual({ rank: defaultRanks[2], participationsToGo: 3 });
    expect(nextRank(0)).toEqual({ rank: defaultRanks[1], participationsToGo: 1 });
  });
  it('is null at the top', () => {
    expect(nextRank(30)).toBeNull();
  });
});

describe('rankUp (the rank-up notice)', () => {
  it('announces the first check-in', () => {
    expect(rankUp(0, 1)).toEqual({ from: defaultRanks[0], to: defaultRanks[1] });
  });
  it('is silent within a rank', () => {
    expect(rankUp(5, 6)).toBeNull();
    expect(rankUp(6, 6)).toBeNull();
  });
  it('names the highest rank reached when several thresholds are crossed at once', () => {
    expect(rankUp(4, 15)?.to.id).toBe('gold');
  });
});

describe('configured rank tables', () => {
  const custom: RankTable = [
    { id: 'seed', minParticipations: 0, name: { ja: 'たね', en: 'Seed' } },
    { id: 'sprout', minParticipations: 3, name: { ja: 'め', en: 'Sprout' } },
  ];

  it('uses the thresholds and names given', () => {
    expect(rankFor(2, custom).name.ja).toBe('たね');
    expect(rankFor(3, custom).name.en).toBe('Sprout');
    expect(rankUp(2, 3, custom)?.to.id).toBe('sprout');
  });

  it('accepts the default table', () => {
    expect(rankTableSchema.safeParse(defaultRanks).success).toBe(true);
  });

  it.each([
    ['empty', []],
    ['not starting at 0', [{ id: 'a', minParticipations: 1, name: { ja: 'あ', en: 'A' } }]],
    [
      'thresholds not rising',
      [
        { id: 'a', minParticipations: 0, name: { ja: 'あ', en: 'A' } },
        { id: 'b', minParticipations: 0, name: { ja: 'い', en: 'B' } },
      ],
    ],
    [
      'a duplicate id',
      [
        { id: 'a', minParticipations: 0, name: { ja: 'あ', en: 'A' } },
        { id: 'a', minParticipations: 2, name: { ja: 'い', en: 'B' } },
      ],
    ],
    ['a missing English name', [{ id: 'a', minParticipations: 0, name: { ja: 'あ', en: ' ' } }]],
    ['a fractional threshold', [{ id: 'a', minParticipations: 0.5, name: { ja: 'あ', en: 'A' } }]],
  ])('refuses a table with %s', (_name, table) => {
    expect(rankTableSchema.safeParse(table).success).toBe(false);
  });
});
