import { errorMessages, pickLocale, type ErrorCode, type Problem } from '@kumamoto/domain';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** The HTTP status of every error code. A new code without a status does not compile. */
export const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_body: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  not_found: 404,
  method_not_allowed: 405,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  rate_limited: 429,
  conflict: 409,
  demo_disabled: 404,
  unknown_persona: 404,
  unknown_scan_code: 400,
  unknown_miniapp: 404,
  miniapp_not_installable: 409,
  identity_already_bound: 409,
  individual_number_refused: 400,
  // — sign-in: passkeys and sessions —
  passkey_challenge_invalid: 400,
  passkey_unknown: 401,
  passkey_verification_failed: 400,
  passkey_already_registered: 409,
  passkey_last_one: 409,
  // — sign-in: e-mail codes and mail —
  email_code_wrong: 400,
  email_code_expired: 400,
  email_code_attempts_exceeded: 429,
  email_code_unavailable: 400,
  email_code_too_many: 429,
  email_in_use: 409,
  mail_send_failed: 503,
  dev_mail_disabled: 404,
  // — identity: OIDC card service —
  identity_not_bound: 409,
  card_service_not_configured: 503,
  card_service_unavailable: 503,
  card_service_denied: 403,
  card_response_invalid: 502,
  card_claims_incomplete: 502,
  oidc_state_invalid: 400,
  oidc_state_expired: 400,
  declared_profile_locked: 409,
  // — identity: JPKI and school districts —
  jpki_not_offered: 404,
  jpki_malformed: 400,
  jpki_challenge_used: 409,
  jpki_challenge_expired: 410,
  jpki_signature_invalid: 422,
  jpki_certificate_untrusted: 422,
  jpki_wrong_certificate: 422,
  jpki_certificate_not_yet_valid: 422,
  jpki_certificate_expired: 422,
  jpki_certificate_revoked: 422,
  jpki_card_data_invalid: 422,
  jpki_individual_number_suspected: 422,
  jpki_revocation_unavailable: 503,
  school_district_from_address: 409,
  school_district_unknown: 400,
  // — organizer groups —
  organizer_application_invalid: 400,
  organizer_duplicate_application: 409,
  organizer_wrong_state: 409,
  organizer_reason_required: 400,
  organizer_reason_too_long: 400,
  organizer_document_type: 415,
  organizer_document_empty: 400,
  organizer_document_too_large: 413,
  organizer_invitation_invalid: 404,
  organizer_invitation_used: 409,
  organizer_invitation_expired: 410,
  organizer_invitation_revoked: 410,
  organizer_member_limit: 409,
  organizer_already_member: 409,
  organizer_not_a_member: 404,
  organizer_cannot_remove_admin: 409,
  organizer_group_lapsed: 409,
  organizer_group_suspended: 409,
  organizer_group_ended: 409,
  organizer_renewal_window_not_open: 409,
  organizer_termination_requested: 409,
  organizer_no_changes: 400,
  // — activities: organizer side (create, publish, notices, participants) —
  activity_group_change_pending: 409,
  activity_not_a_draft: 409,
  activity_not_published: 409,
  activity_already_cancelled: 409,
  activity_already_ended: 409,
  activity_image_type: 415,
  activity_image_too_large: 413,
  activity_image_not_found: 400,
  activity_notice_empty: 400,
  activity_notice_too_long: 400,
  activity_cancel_reason_required: 400,
  activity_cancel_reason_too_long: 400,
  activity_text_forbidden_characters: 400,
  // — activities: discover and apply —
  application_not_open: 409,
  application_activity_cancelled: 409,
  application_activity_ended: 409,
  application_closed: 409,
  application_already_applied: 409,
  application_already_waitlisted: 409,
  application_district_needs_verification: 403,
  application_district_unknown: 403,
  application_wrong_district: 403,
  application_not_found: 404,
  application_activity_started: 409,
  // — check-in and points —
  check_in_token_malformed: 400,
  check_in_token_invalid: 400,
  check_in_token_expired: 410,
  check_in_token_not_yet_valid: 400,
  check_in_token_other_activity: 400,
  check_in_code_not_recognised: 400,
  check_in_group_inactive: 409,
  check_in_activity_cancelled: 409,
  check_in_wrong_day: 409,
  check_in_not_applied: 409,
  check_in_already_checked_in: 409,
  check_in_reason_required: 400,
  check_in_not_held_yet: 409,
  check_in_not_verified_by_activity_day: 409,
  // — city late issue: finding activity and resident —
  late_issue_search_dates_invalid: 400,
  late_issue_search_page_out_of_range: 400,
  late_issue_search_keyword_too_long: 400,
  late_issue_lookup_name_required: 400,
  late_issue_lookup_birth_date_invalid: 400,
  late_issue_activity_not_eligible: 409,
  // — certificates —
  certificate_not_found: 404,
  certificate_revoked: 410,
  certificate_already_revoked: 409,
  certificate_serial_invalid: 400,
  certificate_reason_required: 400,
  certificate_reason_too_long: 400,
  certificate_font_unavailable: 503,
  // — account deletion and access policy —
  account_is_group_administrator: 409,
  verification_required: 403,
  account_deletion_unconfirmed: 400,
  account_deleted: 410,
  service_unavailable: 503,
  internal: 500,
};

/** The one error type use-cases throw. Routes never build error responses by hand. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly fieldErrors: Problem['errors'];

  constructor(code: ErrorCode, options: { detail?: string; fieldErrors?: Problem['errors'] } = {}) {
    super(options.detail ?? code);
    this.code = code;
    this.detail = options.detail;
    this.fieldErrors = options.fieldErrors;
  }
}

export function problem(
  request: FastifyRequest,
  code: ErrorCode,
  extra: Pick<Problem, 'detail' | 'errors'> = {},
): Problem {
  const locale = pickLocale(request.headers['accept-language']);
  return {
    type: `urn:kumamoto-app:problem:${code}`,
    title: errorMessages[locale][code],
    status: statusByCode[code],
    code,
    ...extra,
    instance: request.id,
  };
}

export function sendProblem(
  reply: FastifyReply,
  code: ErrorCode,
  extra: Pick<Problem, 'detail' | 'errors'> = {},
): FastifyReply {
  const body = problem(reply.request, code, withoutUndefined(extra));
  return reply.status(body.status).type('application/problem+json').send(body);
}

/** Fastify's own error codes for bad requests, mapped onto ours. */
const fastifyCodes: Partial<Record<string, ErrorCode>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_body',
  FST_ERR_VALIDATION: 'validation_failed',
};

/**
 * Every error leaves as problem+json with a code. Client mistakes are 4xx and never a stack
 * trace; anything unexpected is logged with the request id and answered as `internal`.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(reply, error.code, { detail: error.detail, errors: error.fieldErrors });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, 'validation_failed', {
        errors: error.validation.map((issue) => ({
          path: `${error.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
          message: issue.message ?? 'invalid',
        })),
      });
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return sendProblem(reply, mapped);
    if (error.statusCode === 429) return sendProblem(reply, 'rate_limited');
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'unmapped client error');
      return sendProblem(reply, 'malformed_body');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 'internal');
  });
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
