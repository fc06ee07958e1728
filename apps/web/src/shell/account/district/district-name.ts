import type { Locale, SchoolDistrict } from '@kumamoto/domain';

/** A district's name in the language on screen; in English with the Japanese name too, as notices use it. */
export function districtName(district: SchoolDistrict, locale: Locale): string {
  return locale === 'ja' ? district.nameJa : `${district.nameEn} (${district.nameJa})`;
}
