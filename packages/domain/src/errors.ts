import { errorMessagesEn } from './error-messages/en.ts';
import { errorMessagesJa } from './error-messages/ja.ts';
import type { Locale } from './locale.ts';

/**
 * Every error the API can answer with. The server maps each code to an HTTP status in one
 * table, the web maps each to localized text here: adding a code without both fails to compile.
 * Clients match on the code, never on message text.
 */
export const errorCodes = [
  'validation_failed',
  'malformed_body',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'rate_limited',
  'conflict',
  'demo_disabled',
  'unknown_persona',
  'unknown_scan_code',
  'unknown_miniapp',
  'miniapp_not_installable',
  'identity_already_bound',
  'individual_number_refused',
  // — sign-in: passkeys and sessions —
  'passkey_challenge_invalid',
  'passkey_unknown',
  'passkey_verification_failed',
  'passkey_already_registered',
  'passkey_last_one',
  // — sign-in: e-mail codes and mail —
  'email_code_wrong',
  'email_code_expired',
  'email_code_attempts_exceeded',
  'email_code_unavailable',
  'email_code_too_many',
  'email_in_use',
  'mail_send_failed',
  'dev_mail_disabled',
  // — identity: OIDC card service —
  'identity_not_bound',
  'card_service_not_configured',
  'card_service_unavailable',
  'card_service_denied',
  'card_response_invalid',
  'card_claims_incomplete',
  'oidc_state_invalid',
  'oidc_state_expired',
  'declared_profile_locked',
  // — identity: JPKI and school districts —
  'jpki_not_offered',
  'jpki_malformed',
  'jpki_challenge_used',
  'jpki_challenge_expired',
  'jpki_signature_invalid',
  'jpki_certificate_untrusted',
  'jpki_wrong_certificate',
  'jpki_certificate_not_yet_valid',
  'jpki_certificate_expired',
  'jpki_certificate_revoked',
  'jpki_card_data_invalid',
  'jpki_individual_number_suspected',
  'jpki_revocation_unavailable',
  'school_district_from_address',
  'school_district_unknown',
  // — organizer groups —
  'organizer_application_invalid',
  'organizer_duplicate_application',
  'organizer_wrong_state',
  'organizer_reason_required',
  'organizer_reason_too_long',
  'organizer_document_type',
  'organizer_document_empty',
  'organizer_document_too_large',
  'organizer_invitation_invalid',
  'organizer_invitation_used',
  'organizer_invitation_expired',
  'organizer_invitation_revoked',
  'organizer_member_limit',
  'organizer_already_member',
  'organizer_not_a_member',
  'organizer_cannot_remove_admin',
  'organizer_group_lapsed',
  'organizer_group_suspended',
  'organizer_group_ended',
  'organizer_renewal_window_not_open',
  'organizer_termination_requested',
  'organizer_no_changes',
  // — activities: organizer side (create, publish, notices, participants) —
  'activity_group_change_pending',
  'activity_not_a_draft',
  'activity_not_published',
  'activity_already_cancelled',
  'activity_already_ended',
  'activity_image_type',
  'activity_image_too_large',
  'activity_image_not_found',
  'activity_notice_empty',
  'activity_notice_too_long',
  'activity_cancel_reason_required',
  'activity_cancel_reason_too_long',
  'activity_text_forbidden_characters',
  // — activities: discover and apply —
  'application_not_open',
  'application_activity_cancelled',
  'application_activity_ended',
  'application_closed',
  'application_already_applied',
  'application_already_waitlisted',
  'application_district_needs_verification',
  'application_district_unknown',
  'application_wrong_district',
  'application_not_found',
  'application_activity_started',
  // — check-in and points —
  'check_in_token_malformed',
  'check_in_token_invalid',
  'check_in_token_expired',
  'check_in_token_not_yet_valid',
  'check_in_token_other_activity',
  'check_in_code_not_recognised',
  'check_in_group_inactive',
  'check_in_activity_cancelled',
  'check_in_wrong_day',
  'check_in_not_applied',
  'check_in_already_checked_in',
  'check_in_reason_required',
  'check_in_not_held_yet',
  'check_in_not_verified_by_activity_day',
  // — city late issue: finding activity and resident —
  'late_issue_search_dates_invalid',
  'late_issue_search_page_out_of_range',
  'late_issue_search_keyword_too_long',
  'late_issue_lookup_name_required',
  'late_issue_lookup_birth_date_invalid',
  'late_issue_activity_not_eligible',
  // — certificates —
  'certificate_not_found',
  'certificate_revoked',
  'certificate_already_revoked',
  'certificate_serial_invalid',
  'certificate_reason_required',
  'certificate_reason_too_long',
  'certificate_font_unavailable',
  // — account deletion and access policy —
  'account_is_group_administrator',
  'verification_required',
  'account_deletion_unconfirmed',
  'account_deleted',
  'service_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** What a person reads for each code: short, plain, and telling them what to do next. */
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  ja: errorMessagesJa,
  en: errorMessagesEn,
};

/** RFC 9457 problem details as this API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  /** Field-level problems for validation errors: a JSON path and the field's own code. */
  errors?: { path: string; message: string }[];
}
