import { identityFields, isErrorCode, type ErrorCode, type IdentityField } from '@kumamoto/domain';

/**
 * How verification ended, as the server's callback writes it into the /verify URL:
 * `?result=verified&changed=address&next=/mypage` or `?result=failed&code=…&next=…`.
 */
export type VerificationResult =
  | { kind: 'verified'; changed: IdentityField[]; next: string }
  | { kind: 'failed'; code: ErrorCode; next: string }
  | null;

/** Only paths inside this app; anything else falls back to My page. */
export function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.includes('\\') ? next : '/mypage';
}

export function readVerificationResult(params: URLSearchParams): VerificationResult {
  const next = safeNext(params.get('next'));
  switch (params.get('result')) {
    case 'verified': {
      const changed = (params.get('changed') ?? '')
        .split(',')
        .filter((field): field is IdentityField => (identityFields as readonly string[]).includes(field));
      return { kind: 'verified', changed, next };
    }
    case 'failed': {
      const code = params.get('code');
      return { kind: 'failed', code: isErrorCode(code) ? code : 'internal', next };
    }
    default:
      return null;
  }
}
