import { jstDate, startOfJstDay, type IsoDate } from '../jst.ts';
import { addDays, dateParts, daysInMonth, isoDate } from './calendar.ts';

/** R-PT-5 (guide section 10, operating rule 7(2)): every activity grants 100 points, whatever it is. */
export const pointsPerCheckIn = 100;

/**
 * The last day on which points granted on `grantedOn` (a JST date) can be used (R-PT-6).
 *
 * The rule says "valid for one year counted from the day of grant" (付与日から起算して1年間,
 * operating rule 7(3)), and gives the example 2025-06-01 → usable through 2026-05-31. Counting
 * a period in years the way the Civil Code does (民法143条, with the grant day as the first day):
 * the year ends on the day before the same date one year later, and when that year has no such
 * date (a grant on 29 February) it ends on the last day of that month instead.
 *
 * So 2024-02-29 → through 2025-02-28 (not 02-27: the year has no 29 February to step back
 * from), while 2024-02-28 → through 2025-02-27, and 2023-03-01 → through 2024-02-29.
 * The fiscal year plays no part: a grant on 31 March is good until 30 March next year.
 */
export function lastUsableDay(grantedOn: IsoDate): IsoDate {
  const [year, month, day] = dateParts(grantedOn);
  const nextYear = year + 1;
  const lastDayOfMonth = daysInMonth(nextYear, month);
  if (day > lastDayOfMonth) return isoDate(nextYear, month, lastDayOfMonth);
  return addDays(isoDate(nextYear, month, day), -1);
}

/**
 * The instant points granted at `grantedAt` stop counting: the end of their last usable day in
 * Japan, i.e. midnight JST that starts the next day. Usable while `now < pointsExpireAt(…)`.
 * Balances compare against this instant, so expiry needs no job to run (issue 6).
 */
export function pointsExpireAt(grantedAt: Date): Date {
  return startOfJstDay(addDays(lastUsableDay(jstDate(grantedAt)), 1));
}

/** Whether points granted at `grantedAt` can still be used at `now` (R-PT-6). */
export function pointsUsableAt(grantedAt: Date, now: Date): boolean {
  return grantedAt.getTime() <= now.getTime() && now.getTime() < pointsExpireAt(grantedAt).getTime();
}
