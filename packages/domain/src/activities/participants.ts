import { ageOn, type Gender } from '../identity.ts';
import type { IsoDate } from '../jst.ts';
import type { Localized } from '../locale.ts';

/**
 * The resident items a participant view may be built from: the columns of the users row.
 * The row may carry more (address, e-mail, …); `participantView` copies only what it may.
 */
export interface ParticipantSource {
  displayName: string;
  identityLevel: 'verified' | 'unverified';
  cardName: string | null;
  cardBirthDate: string | null;
  cardGender: Gender | null;
  /** Self-declared by an unverified resident (R-ID-2); the card's items win once verified. */
  declaredBirthDate: string | null;
  declaredGender: Gender | null;
}

/** R-ID-4: all an organizer ever sees of a participant: name, age and gender. */
export interface ParticipantView {
  name: string;
  /** Age on the activity's date; null when the resident has given no birth date. */
  age: number | null;
  gender: Gender | null;
}

/**
 * Builds the organizer's view of one participant. Never the address or the birth date
 * (R-ID-4): the age is worked out here, on `onDate` (the activity's JST date, so the list
 * says how old people are on the day), and the birth date goes no further.
 */
export function participantView(resident: ParticipantSource, onDate: IsoDate): ParticipantView {
  const verified = resident.identityLevel === 'verified';
  const name = (verified ? resident.cardName : null) ?? resident.displayName;
  const birthDate = verified ? resident.cardBirthDate : resident.declaredBirthDate;
  const gender = verified ? resident.cardGender : resident.declaredGender;
  return {
    name,
    age: birthDate ? ageOn(birthDate as IsoDate, onDate) : null,
    gender: gender ?? null,
  };
}

export const genderLabels: Record<Gender, Localized> = {
  male: { ja: '男性', en: 'Male' },
  female: { ja: '女性', en: 'Female' },
  unspecified: { ja: '指定なし', en: 'Not specified' },
};
