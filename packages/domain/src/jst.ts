/**
 * Every "today" in this product is a date in Japan (Asia/Tokyo, UTC+9, no daylight saving).
 * Dates are carried as ISO strings 'YYYY-MM-DD' so that they compare and store plainly.
 */
export const timeZone = 'Asia/Tokyo';
const jstOffsetMs = 9 * 60 * 60 * 1000;

export type IsoDate = `${number}-${number}-${number}`;

/** The JST calendar date of an instant. */
export function jstDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + jstOffsetMs).toISOString().slice(0, 10) as IsoDate;
}

/** The instant a JST calendar date begins. */
export function startOfJstDay(date: IsoDate): Date {
  return new Date(Date.parse(`${date}T00:00:00+09:00`));
}

/** A clock that can be set in tests; production reads the system time. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
