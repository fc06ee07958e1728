import { describe, expect, it } from 'vitest';
import { signingKey } from './signing-keys.ts';

describe('signing keys', () => {
  const message = new TextEncoder().encode('kumamoto');

  it('signs and verifies with the key of one purpose', () => {
    const key = signingKey('a-secret-of-more-than-thirty-two-characters', 'check-in');
    const signature = key.sign(message);
    expect(signature).toHaveLength(64);
    expect(key.verify(message, signature)).toBe(true);
    expect(key.verify(new TextEncoder().encode('kumamotO'), signature)).toBe(false);
  });

  it('derives the same key from the same secret, and another for another purpose or secret', () => {
    const secret = 'a-secret-of-more-than-thirty-two-characters';
    const signature = signingKey(secret, 'certificate').sign(message);
    expect(signingKey(secret, 'certificate').verify(message, signature)).toBe(true);
    expect(signingKey(secret, 'check-in').verify(message, signature)).toBe(false);
    expect(signingKey(`${secret}!`, 'certificate').verify(message, signature)).toBe(false);
  });

  it('refuses a signature of the wrong length instead of throwing', () => {
    const key = signingKey('a-secret-of-more-than-thirty-two-characters', 'check-in');
    expect(key.verify(message, new Uint8Array(10))).toBe(false);
  });
});
