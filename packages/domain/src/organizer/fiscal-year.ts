import { jstDate, startOfJstDay, type IsoDate } from '../jst.ts';
import type { OrganizerSettings } from './settings.ts';

/**
 * R-ORG-6: management rights run to the end of the fiscal year (年度, 1 April – 31 March, JST)
 * in which they were granted, whenever in the year that was (guide 08). Dates here are JST
 * calendar dates; a right "ending on 2026-03-31" is in force until 2026-04-01 00:00 JST.
 */

function parts(date: IsoDate): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function isoDate(year: number, month: number, day: number): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}` as IsoDate;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar day after `date` (plain calendar arithmetic, so leap days count). */
export function nextDay(date: IsoDate): IsoDate {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10) as IsoDate;
}

/** The fiscal year a date belongs to, named by its starting year: 2026-03-31 → 2025. */
export function fiscalYearOf(date: IsoDate): number {
  const [year, month] = parts(date);
  return month >= 4 ? year : year - 1;
}

/** The last day (31 March) of the fiscal year a date belongs to. */
export function fiscalYearEnd(date: IsoDate): IsoDate {
  return isoDate(fiscalYearOf(date) + 1, 3, 31);
}

/** R-ORG-6: rights granted by an approval at `approvedAt` end on this day. */
export function rightsEndForApproval(approvedAt: Date): IsoDate {
  return fiscalYearEnd(jstDate(approvedAt));
}

/**
 * R-ORG-6: a renewal approved at `approvedAt` extends the rights to the next 31 March: the end
 * of the fiscal year after the current rights, or, if the rights had already lapsed when it was
 * approved, the end of the fiscal year of the approval (a lapsed year is not granted back).
 */
export function renewedRightsEnd(currentEnd: IsoDate, approvedAt: Date): IsoDate {
  const firstUncovered = nextDay(currentEnd);
  const approvedOn = jstDate(approvedAt);
  return fiscalYearEnd(approvedOn > firstUncovered ? approvedOn : firstUncovered);
}

/** The instant rights ending on `rightsEnd` stop: 00:00 JST of the following day. */
export function rightsExpireAt(rightsEnd: IsoDate): Date {
  return startOfJstDay(nextDay(rightsEnd));
}

/**
 * The first day of the renewal window for rights ending on `rightsEnd`: the configured month
 * and day on or before the end (1 February → 2026-02-01 for an end of 2026-03-31). A day the
 * month lacks (29 February in a common year) becomes the month's last day.
 */
export function renewalWindowOpensOn(
  rightsEnd: IsoDate,
  settings: Pick<OrganizerSettings, 'renewalWindowOpens'>,
): IsoDate {
  const { month, day } = settings.renewalWindowOpens;
  const [endYear] = parts(rightsEnd);
  const onYear = (year: number) => isoDate(year, month, Math.min(day, daysInMonth(year, month)));
  const sameYear = onYear(endYear);
  return sameYear <= rightsEnd ? sameYear : onYear(endYear - 1);
}

/**
 * Where rights stand at an instant. `in_force`: before the window; `renewal_window`: still in
 * force and renewal may be applied for; `lapsed`: ended (derived from the clock, no job runs).
 */
export const rightsPhases = ['in_force', 'renewal_window', 'lapsed'] as const;
export type RightsPhase = (typeof rightsPhases)[number];

export function rightsPhase(
  rightsEnd: IsoDate,
  now: Date,
  settings: Pick<OrganizerSettings, 'renewalWindowOpens'>,
): RightsPhase {
  if (now.getTime() >= rightsExpireAt(rightsEnd).getTime()) return 'lapsed';
  const opens = startOfJstDay(renewalWindowOpensOn(rightsEnd, settings));
  return now.getTime() >= opens.getTime() ? 'renewal_window' : 'in_force';
}
