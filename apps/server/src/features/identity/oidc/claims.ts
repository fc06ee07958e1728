import { looksLikeIndividualNumber, type CardIdentity, type Gender, type IsoDate } from '@kumamoto/domain';
import { AppError } from '../../../platform/errors.ts';

/**
 * The card service's answer as this app reads it: the four items (基本4情報, R-ID-1) under the
 * standard OpenID Connect claim names, from the ID token or, when it leaves them out, from
 * userinfo. Nothing else is kept.
 */
export type Claims = Readonly<Record<string, unknown>>;

/** The claims the four items come from (the scopes `name address birthdate gender`). */
export const identityClaimNames = ['name', 'address', 'birthdate', 'gender'] as const;

/** True when every one of the four claims is present, so userinfo need not be asked. */
export function hasIdentityClaims(claims: Claims | undefined): boolean {
  return claims !== undefined && identityClaimNames.every((name) => claims[name] !== undefined);
}

/** Each of the four from the ID token where it has it, otherwise from userinfo. */
export function pickIdentityClaims(idToken: Claims, userinfo: Claims | undefined): Claims {
  return Object.fromEntries(identityClaimNames.map((name) => [name, idToken[name] ?? userinfo?.[name]]));
}

/**
 * Protocol claims that are identifiers, times or hashes rather than facts about the person.
 * `sub` may legitimately be long and numeric; it is only ever kept as a keyed hash.
 */
const protocolClaims = new Set([
  'iss',
  'sub',
  'aud',
  'azp',
  'exp',
  'iat',
  'nbf',
  'auth_time',
  'nonce',
  'jti',
  'sid',
  'acr',
  'amr',
  'at_hash',
  'c_hash',
  's_hash',
  'updated_at',
]);

/**
 * R-ID-3: the individual number is never received. Any claim (at any depth, string or number)
 * that looks like a 12-digit individual number refuses the whole answer, so nothing of it is
 * stored, whichever claim name a service might use for it.
 */
export function refuseIndividualNumbers(...claimSets: (Claims | undefined)[]): void {
  for (const claims of claimSets) {
    if (!claims) continue;
    for (const [name, value] of Object.entries(claims)) {
      if (!protocolClaims.has(name) && containsIndividualNumber(value)) {
        throw new AppError('individual_number_refused', { detail: `claim ${name}` });
      }
    }
  }
}

function containsIndividualNumber(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return looksLikeIndividualNumber(value);
  if (typeof value === 'number' || typeof value === 'bigint') return looksLikeIndividualNumber(String(value));
  if (depth > 4 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((inner) => containsIndividualNumber(inner, depth + 1));
}

/**
 * Gender as card services send it: OpenID Connect's `male` / `female`, and the codes of the
 * card itself (JPKI: '1' male, '2' female, '3' read as unspecified, as the JPKI adapter does).
 * Anything else is refused so an unexpected value is noticed rather than guessed.
 */
const genderValues: Readonly<Record<string, Gender>> = {
  male: 'male',
  female: 'female',
  unspecified: 'unspecified',
  '1': 'male',
  '2': 'female',
  '3': 'unspecified',
};

/** The four items from the claims, or `card_claims_incomplete` naming the claim that failed. */
export function cardIdentityFromClaims(claims: Claims): CardIdentity {
  const name = text(claims.name, 100);
  if (!name) throw incomplete('name');
  const address = addressText(claims.address);
  if (!address) throw incomplete('address');
  const birthDate = isoDate(claims.birthdate);
  if (!birthDate) throw incomplete('birthdate');
  const gender =
    typeof claims.gender === 'string' ? genderValues[claims.gender.trim().toLowerCase()] : undefined;
  if (!gender) throw incomplete('gender');
  return { name, address, birthDate, gender };
}

function incomplete(claim: string): AppError {
  return new AppError('card_claims_incomplete', { detail: `claim ${claim} missing or malformed` });
}

function text(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.normalize('NFC').trim();
  return trimmed.length > 0 && trimmed.length <= maxLength ? trimmed : undefined;
}

/**
 * OpenID Connect sends the address as an object whose `formatted` member is the full address;
 * some services send a plain string. Without `formatted`, the parts are joined the Japanese
 * way (prefecture, city, street), which is how a Japanese card writes it.
 */
function addressText(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value, 300);
  if (value === null || typeof value !== 'object') return undefined;
  const address = value as Record<string, unknown>;
  const formatted = text(address.formatted, 300);
  if (formatted) return formatted;
  const parts = [address.region, address.locality, address.street_address].map((part) => text(part, 300));
  return parts.every((part) => part !== undefined) ? text(parts.join(''), 300) : undefined;
}

/** A full calendar date: OpenID Connect also allows "0000-MM-DD" and "YYYY", which a card never has. */
function isoDate(value: unknown): IsoDate | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return undefined;
  if (value < '1880-01-01') return undefined;
  return value as IsoDate;
}
