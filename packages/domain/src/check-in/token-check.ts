import type { CheckInTokenPayload } from './token.ts';
import { checkInWindowTiming, type CheckInEntry } from './window.ts';

/**
 * Why a scanned or typed code itself was refused, before anything about the resident is asked
 * (issue 6, "bad input and attacks"). Nothing is granted for any of these.
 */
export const checkInCodeRefusalReasons = [
  /** Not a check-in token at all (damaged, cut short, edited). */
  'token_malformed',
  /** Well formed, but the server's key did not sign it: tampered or forged. Decided on the server. */
  'token_signature_invalid',
  /** Older than the accepted windows: a photo passed on, or a scan held too long. */
  'token_expired',
  /** From a window no screen shows yet: forged or leaked. */
  'token_not_yet_valid',
  /** Signed for another activity than the one the resident is checking in to. */
  'token_other_activity',
  /** A typed code that matches no open activity's current code. Decided on the server. */
  'code_not_recognised',
] as const;
export type CheckInCodeRefusalReason = (typeof checkInCodeRefusalReasons)[number];

/**
 * The time and activity checks on a token whose signature the server has verified. Null when
 * it is good. `expectedActivityId` is given when the resident is checking in from a particular
 * activity's page rather than the general scanner.
 */
export function checkInTokenRefusal(
  payload: CheckInTokenPayload,
  now: Date,
  options: { entry?: CheckInEntry; expectedActivityId?: string } = {},
): CheckInCodeRefusalReason | null {
  if (
    options.expectedActivityId !== undefined &&
    options.expectedActivityId.toLowerCase() !== payload.activityId
  )
    return 'token_other_activity';
  switch (checkInWindowTiming(payload.window, now, options.entry)) {
    case 'accepted':
      return null;
    case 'expired':
      return 'token_expired';
    case 'not_yet_valid':
      return 'token_not_yet_valid';
  }
}
