import type { ErrorCode } from '@kumamoto/domain';
import type { JpkiFailure } from './failures.ts';

/**
 * The API's answer to each refusal reason. Codes group reasons by what the resident can do
 * about them (the audit event keeps the exact reason): start again, use another certificate,
 * renew it, contact the office, or wait while the city's revocation feed is fixed.
 * Statuses (platform/errors.ts): malformed 400, challenge used 409, expired 410, problems with
 * the certificate or its contents 422, revocation status unknown 503.
 */
export const jpkiErrorCodes: Record<JpkiFailure, ErrorCode> = {
  challenge_unknown_or_used: 'jpki_challenge_used',
  challenge_expired: 'jpki_challenge_expired',
  input_malformed: 'jpki_malformed',
  unsupported_key: 'jpki_wrong_certificate',
  signature_invalid: 'jpki_signature_invalid',
  untrusted_chain: 'jpki_certificate_untrusted',
  certificate_not_yet_valid: 'jpki_certificate_not_yet_valid',
  certificate_expired: 'jpki_certificate_expired',
  key_usage_invalid: 'jpki_wrong_certificate',
  certificate_revoked: 'jpki_certificate_revoked',
  crl_missing: 'jpki_revocation_unavailable',
  crl_signature_invalid: 'jpki_revocation_unavailable',
  crl_not_yet_valid: 'jpki_revocation_unavailable',
  crl_stale: 'jpki_revocation_unavailable',
  attribute_missing: 'jpki_card_data_invalid',
  attribute_malformed: 'jpki_card_data_invalid',
  individual_number_suspected: 'jpki_individual_number_suspected',
};
