import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, changedIdentityFields, type CardIdentity } from './identity.ts';
import type { IsoDate } from './jst.ts';

const hanako: CardIdentity = {
  name: '熊本 花子',
  address: '熊本県熊本市中央区手取本町1番1号',
  birthDate: '1990-04-01',
  gender: 'female',
};

describe('changedIdentityFields (R-ID-1)', () => {
  it('counts every item as changed on first verification', () => {
    expect(changedIdentityFields(null, hanako)).toEqual(['name', 'address', 'birthDate', 'gender']);
  });
  it('names only the address after a move', () => {
    expect(changedIdentityFields(hanako, { ...hanako, address: '熊本県熊本市東区東町1丁目' })).toEqual([
      'address',
    ]);
  });
  it('finds nothing when the card says the same', () => {
    expect(changedIdentityFields(hanako, { ...hanako })).toEqual([]);
  });
});

describe('ageOn', () => {
  it.each([
    ['1990-04-01', '2026-03-31', 35],
    ['1990-04-01', '2026-04-01', 36],
    ['2008-02-29', '2026-02-28', 17],
    ['2008-02-29', '2026-03-01', 18],
    ['2008-02-29', '2028-02-29', 20],
    ['2008-02-29', '2028-02-28', 19],
    ['2026-11-24', '2026-11-24', 0],
  ])('born %s is on %s aged %i', (birth, today, age) => {
    expect(ageOn(birth as IsoDate, today as IsoDate)).toBe(age);
  });

  it('never decreases as days pass', () => {
    const date = fc
      .date({ min: new Date('1920-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10) as IsoDate);
    fc.assert(
      fc.property(date, date, date, (birth, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        if (early < birth) return;
        expect(ageOn(birth, late)).toBeGreaterThanOrEqual(ageOn(birth, early));
      }),
    );
  });
});
