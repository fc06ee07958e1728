/**
 * Why a JPKI identity proof was refused. Each reason is meant to become an API error code
 * (see the accounts issue); until then callers get this local result and map it themselves.
 * Reasons name what failed, never personal data.
 */
export const jpkiFailures = [
  'challenge_unknown_or_used', // never issued, already consumed (a replay), or issued to another session
  'challenge_expired',
  'input_malformed', // certificate, intermediate or signature bytes that do not parse
  'unsupported_key', // not an RSA key of at least 2048 bits (the JPKI profile)
  'signature_invalid', // the signature does not verify over this challenge with this certificate
  'untrusted_chain', // no path to a configured CA: unknown CA, forged or altered certificate
  'certificate_not_yet_valid',
  'certificate_expired',
  'key_usage_invalid', // not a signature certificate: no digitalSignature + nonRepudiation, or a CA
  'certificate_revoked',
  'crl_missing', // no configured CRL covers the issuing CA
  'crl_signature_invalid', // a CRL names the CA but is not signed by its key
  'crl_not_yet_valid', // thisUpdate is in the future: a clock or feed problem
  'crl_stale', // nextUpdate has passed (or is absent): revocation status unknown, so refuse
  'attribute_missing', // one of the four identity items is absent
  'attribute_malformed', // present but not in the profile's format
  'individual_number_suspected', // R-ID-3: a value looks like a 12-digit individual number
] as const;
export type JpkiFailure = (typeof jpkiFailures)[number];

/** The four identity items (基本4情報) plus the substitute-character flags. */
export type JpkiAttributeField =
  'name' | 'address' | 'birthDate' | 'gender' | 'nameSubstitutes' | 'addressSubstitutes';

export interface JpkiRefusal {
  ok: false;
  reason: JpkiFailure;
  /** Which attribute, for attribute_* and individual_number_suspected. */
  field?: JpkiAttributeField;
}

export type JpkiResult<T> = ({ ok: true } & T) | JpkiRefusal;

export function refuse(reason: JpkiFailure, field?: JpkiAttributeField): JpkiRefusal {
  return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}
