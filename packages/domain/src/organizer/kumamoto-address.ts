/**
 * R-ORG-1: except local governments, a group's main office must be in Kumamoto City. People
 * type addresses in many ways; this reads the forms a resident may use and accepts only those
 * that name 熊本市 and one of its five wards (every address in the city has had a ward since
 * 2012). The city's reviewer still reads the address; this catches slips early.
 */

export const kumamotoWards = ['中央区', '東区', '西区', '南区', '北区'] as const;
export type KumamotoWard = (typeof kumamotoWards)[number];

export type CityAddressCheck =
  | { inCity: true; ward: KumamotoWard }
  | { inCity: false; reason: 'outside_city' | 'ward_missing' | 'address_incomplete' };

/**
 * The comparable form: NFKC (full-width digits and letters, half-width kana) with every
 * space removed, a leading postal code (〒860-8601) and "日本" dropped.
 */
export function addressKey(address: string): string {
  return address
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/^〒?\d{3}[-‐‑–—−ー]?\d{4}/u, '')
    .replace(/^日本(国)?[、,]?/u, '');
}

/** Whether `address` is in Kumamoto City; "熊本県" before "熊本市" is optional. */
export function checkKumamotoCityAddress(address: string): CityAddressCheck {
  const key = addressKey(address).replace(/^熊本県/u, '');
  if (!key.startsWith('熊本市')) return { inCity: false, reason: 'outside_city' };
  const afterCity = key.slice('熊本市'.length);
  const ward = kumamotoWards.find((candidate) => afterCity.startsWith(candidate));
  if (!ward) return { inCity: false, reason: 'ward_missing' };
  if (afterCity.length === ward.length) return { inCity: false, reason: 'address_incomplete' };
  return { inCity: true, ward };
}
