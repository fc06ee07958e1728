import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jstDate, type IsoDate } from '../jst.ts';
import {
  fiscalYearEnd,
  fiscalYearOf,
  nextDay,
  renewalWindowOpensOn,
  renewedRightsEnd,
  rightsEndForApproval,
  rightsExpireAt,
  rightsPhase,
} from './fiscal-year.ts';
import { defaultOrganizerSettings } from './settings.ts';

const jst = (local: string) => new Date(`${local}+09:00`);
const opensOn = (month: number, day: number) => ({ renewalWindowOpens: { month, day } });

describe('fiscal years (年度, 1 April – 31 March)', () => {
  it.each<[IsoDate, number, IsoDate]>([
    ['2026-03-31', 2025, '2026-03-31'],
    ['2026-04-01', 2026, '2027-03-31'],
    ['2025-12-31', 2025, '2026-03-31'],
    ['2024-02-29', 2023, '2024-03-31'],
    ['2026-01-01', 2025, '2026-03-31'],
  ])('%s is in fiscal year %i, which ends on %s', (date, year, end) => {
    expect(fiscalYearOf(date)).toBe(year);
    expect(fiscalYearEnd(date)).toBe(end);
  });

  it.each<[IsoDate, IsoDate]>([
    ['2024-02-28', '2024-02-29'],
    ['2023-02-28', '2023-03-01'],
    ['2100-02-28', '2100-03-01'],
    ['2026-03-31', '2026-04-01'],
    ['2025-12-31', '2026-01-01'],
  ])('the day after %s is %s', (date, next) => {
    expect(nextDay(date)).toBe(next);
  });
});

describe('rights granted by an approval (R-ORG-6), to the minute in JST', () => {
  it.each([
    ['2026-03-31T23:59', '2026-03-31'],
    ['2026-04-01T00:00', '2027-03-31'],
    ['2025-04-01T00:00', '2026-03-31'],
    ['2028-02-29T12:00', '2028-03-31'],
  ])('approved at %s JST: rights end on %s', (at, end) => {
    expect(rightsEndForApproval(jst(at))).toBe(end);
  });

  it('00:00 JST on 1 April is 15:00 UTC on 31 March', () => {
    expect(rightsEndForApproval(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
    expect(rightsEndForApproval(new Date('2026-03-31T15:00:00.000Z'))).toBe('2027-03-31');
    expect(rightsExpireAt('2026-03-31').toISOString()).toBe('2026-03-31T15:00:00.000Z');
  });

  it('rights always end on a 31 March within a year of the approval, and are in force at it', () => {
    const instants = fc.date({
      min: new Date('2000-01-01'),
      max: new Date('2099-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (at) => {
        const end = rightsEndForApproval(at);
        expect(end.endsWith('-03-31')).toBe(true);
        expect(end >= jstDate(at)).toBe(true);
        expect(rightsExpireAt(end).getTime() - at.getTime()).toBeLessThanOrEqual(366 * 86_400_000);
        expect(rightsPhase(end, at, defaultOrganizerSettings)).not.toBe('lapsed');
      }),
    );
  });
});

describe('renewal (R-ORG-6)', () => {
  it.each([
    ['2026-02-10T10:00', '2027-03-31', 'in the window'],
    ['2026-03-31T23:59', '2027-03-31', 'on the last minute'],
    ['2026-04-01T00:00', '2027-03-31', 'on the first minute after lapse'],
    ['2026-06-01T10:00', '2027-03-31', 'two months after lapse'],
    ['2027-05-01T10:00', '2028-03-31', 'a year after lapse'],
  ])('approved at %s JST extends rights ending 2026-03-31 to %s (%s)', (at, end) => {
    expect(renewedRightsEnd('2026-03-31', jst(at))).toBe(end);
  });

  it('extends to a 31 March after the current end, with the rights in force at approval', () => {
    const ends = fc.integer({ min: 2001, max: 2090 }).map((year) => `${year}-03-31` as IsoDate);
    const offsets = fc.integer({ min: -59 * 86_400, max: 800 * 86_400 });
    fc.assert(
      fc.property(ends, offsets, (end, seconds) => {
        const at = new Date(rightsExpireAt(end).getTime() + seconds * 1000);
        const renewed = renewedRightsEnd(end, at);
        expect(renewed.endsWith('-03-31') && renewed > end).toBe(true);
        expect(rightsPhase(renewed, at, defaultOrganizerSettings)).not.toBe('lapsed');
      }),
    );
  });

  it.each<[IsoDate, number, number, IsoDate]>([
    ['2026-03-31', 2, 1, '2026-02-01'],
    ['2028-03-31', 2, 29, '2028-02-29'],
    ['2027-03-31', 2, 29, '2027-02-28'],
    ['2026-03-31', 12, 1, '2025-12-01'],
    ['2026-03-31', 3, 31, '2026-03-31'],
    ['2026-03-31', 4, 1, '2025-04-01'],
  ])('rights ending %s with the window set to %i/%i: it opens on %s', (end, month, day, opens) => {
    expect(renewalWindowOpensOn(end, opensOn(month, day))).toBe(opens);
  });
});

describe('rights phase at an instant, to the minute in JST (no job runs)', () => {
  it.each([
    ['2026-01-31T23:59', 'in_force'],
    ['2026-02-01T00:00', 'renewal_window'],
    ['2026-03-31T23:59', 'renewal_window'],
    ['2026-04-01T00:00', 'lapsed'],
    ['2027-01-01T00:00', 'lapsed'],
  ])('rights ending 2026-03-31, at %s JST: %s', (at, phase) => {
    expect(rightsPhase('2026-03-31', jst(at), defaultOrganizerSettings)).toBe(phase);
  });

  it('in a leap year the window set to 29 February opens on it', () => {
    expect(rightsPhase('2028-03-31', jst('2028-02-28T23:59'), opensOn(2, 29))).toBe('in_force');
    expect(rightsPhase('2028-03-31', jst('2028-02-29T00:00'), opensOn(2, 29))).toBe('renewal_window');
  });
});
