import type { IsoDate } from './jst.ts';

/**
 * The four identity items the My Number Card proves (基本4情報, R-ID-1). Never the
 * 12-digit individual number (R-ID-3).
 */
export const genders = ['male', 'female', 'unspecified'] as const;
export type Gender = (typeof genders)[number];

export interface CardIdentity {
  name: string;
  address: string;
  birthDate: IsoDate;
  gender: Gender;
}

export const identityFields = ['name', 'address', 'birthDate', 'gender'] as const;
export type IdentityField = (typeof identityFields)[number];

/** Which items a re-verification changed (e.g. a move changes the address), by name only. */
export function changedIdentityFields(before: CardIdentity | null, after: CardIdentity): IdentityField[] {
  if (!before) return [...identityFields];
  return identityFields.filter((field) => before[field] !== after[field]);
}

/**
 * Age on a JST date. One is a year older from one's birthday on; someone born on 29 February
 * turns a year older on 1 March in common years (as Japanese law counts it, at the end of
 * 28 February). Organizers see this, never the birth date (R-ID-4).
 */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const leapDay = bm === 2 && bd === 29;
  const commonYear = !(ty % 4 === 0 && (ty % 100 !== 0 || ty % 400 === 0));
  const [month, day] = leapDay && commonYear ? [3, 1] : [bm, bd];
  const hadBirthday = tm > month || (tm === month && td >= day);
  return ty - by - (hadBirthday ? 0 : 1);
}
