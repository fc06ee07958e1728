import { describe, expect, test } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import { isTransient } from './api.ts';

describe("sending a resident's check-in on a weak connection", () => {
  test('retries only failures where sending again is safe and may help', () => {
    expect(isTransient(new ApiError('network', 0))).toBe(true);
    expect(isTransient(new ApiError('service_unavailable', 503))).toBe(true);
    expect(isTransient(new ApiError('rate_limited', 429))).toBe(true);
    // A refusal is an answer: repeating it would only repeat the refusal.
    expect(isTransient(new ApiError('check_in_token_expired', 410))).toBe(false);
    expect(isTransient(new ApiError('verification_required', 403))).toBe(false);
    expect(isTransient(new Error('boom'))).toBe(false);
  });
});
