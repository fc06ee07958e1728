import type { ErrorCode } from '@kumamoto/domain';
import * as client from 'openid-client';
import { AppError } from '../../../platform/errors.ts';

/**
 * What went wrong, as the resident is told (an error code) and as the audit log and the server
 * log record it (a short reason, never personal data).
 */
export interface OidcFailure {
  code: ErrorCode;
  reason: string;
  /** Unexpected on our side or at the service: worth an error-level log line. */
  unexpected: boolean;
}

/** Error codes the authorization endpoint may send back (RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6). */
const unavailableErrors = new Set(['server_error', 'temporarily_unavailable']);
const deniedErrors = new Set(['access_denied', 'login_required', 'consent_required', 'interaction_required']);

/** openid-client codes for a service that answered, but not in a way we could use. */
const serviceFaults = new Set([
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
  'OAUTH_RESPONSE_IS_NOT_JSON',
  // An http:// issuer in production: a configuration fault, logged for the operator.
  'OAUTH_HTTP_REQUEST_FORBIDDEN',
  'OAUTH_REQUEST_PROTOCOL_FORBIDDEN',
]);

export function classifyFailure(error: unknown): OidcFailure {
  if (error instanceof AppError) {
    return { code: error.code, reason: error.detail ?? error.code, unexpected: false };
  }
  if (error instanceof client.AuthorizationResponseError) {
    const code: ErrorCode = deniedErrors.has(error.error)
      ? 'card_service_denied'
      : unavailableErrors.has(error.error)
        ? 'card_service_unavailable'
        : 'card_response_invalid';
    return {
      code,
      reason: `authorization_error:${safe(error.error)}`,
      unexpected: code === 'card_response_invalid',
    };
  }
  if (error instanceof client.ResponseBodyError) {
    // invalid_client: our registration or key does not match the service's: a configuration fault.
    const code: ErrorCode =
      error.error === 'invalid_client' || error.error === 'unauthorized_client'
        ? 'card_service_unavailable'
        : 'card_response_invalid';
    return { code, reason: `token_error:${safe(error.error)}`, unexpected: true };
  }
  if (error instanceof client.WWWAuthenticateChallengeError) {
    // A 401 with a challenge: the token endpoint refused our client (configuration), or
    // userinfo refused the access token it had just issued (an answer we cannot use).
    const invalidToken = error.cause.some((challenge) => challenge.parameters.error === 'invalid_token');
    return invalidToken
      ? { code: 'card_response_invalid', reason: 'userinfo:invalid_token', unexpected: true }
      : {
          code: 'card_service_unavailable',
          reason: `challenge:${safe(error.cause[0]?.scheme ?? '')}`,
          unexpected: true,
        };
  }
  if (error instanceof client.ClientError) {
    const code = error.code ?? 'unknown';
    if (serviceFaults.has(code)) return { code: 'card_service_unavailable', reason: code, unexpected: true };
    // Signature, nonce, issuer, audience or any other check of the answer failed.
    return { code: 'card_response_invalid', reason: code, unexpected: false };
  }
  if (isNetworkError(error)) return { code: 'card_service_unavailable', reason: 'network', unexpected: true };
  return { code: 'internal', reason: 'internal', unexpected: true };
}

function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && error.message === 'fetch failed';
}

/** Error codes from a remote service go into logs: keep them short and plain. */
function safe(value: string): string {
  return value.replace(/[^\w.-]/g, '').slice(0, 60);
}
