import { createHmac } from 'node:crypto';

/**
 * The binding of an OIDC-proven person to one account: issuer + subject, the pair OpenID
 * Connect promises is stable and never reassigned (Core 1.0 §5.7). Kept only as an HMAC under
 * the identity key secret, so the stored table cannot be matched against the card service's
 * own subject identifiers, and two services never collide.
 */
export function oidcBindingKey(secret: string, issuer: string, subject: string): string {
  if (secret.length < 16) throw new Error('the identity key secret must be at least 16 characters');
  const digest = createHmac('sha256', secret)
    .update(`oidc-binding:v1\u0000${issuer}\u0000${subject}`)
    .digest('base64url');
  return `oidc:v1:${digest}`;
}
