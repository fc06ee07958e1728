import { describe, expect, it } from 'vitest';
import { readVerificationResult, safeNext } from './verification-result.ts';

const read = (query: string) => readVerificationResult(new URLSearchParams(query));

describe('readVerificationResult', () => {
  it('reads a success with the changed items', () => {
    expect(read('result=verified&changed=address,gender&next=/points')).toEqual({
      kind: 'verified',
      changed: ['address', 'gender'],
      next: '/points',
    });
  });

  it('ignores unknown item names', () => {
    expect(read('result=verified&changed=address,password')).toMatchObject({ changed: ['address'] });
  });

  it('reads a failure by its error code, and an unknown code as internal', () => {
    expect(read('result=failed&code=oidc_state_expired')).toEqual({
      kind: 'failed',
      code: 'oidc_state_expired',
      next: '/mypage',
    });
    expect(read('result=failed&code=%3Cscript%3E')).toMatchObject({ code: 'internal' });
  });

  it('is nothing without a result', () => {
    expect(read('')).toBeNull();
  });
});

describe('safeNext', () => {
  it.each(['https://evil.example', '//evil.example', '/\\evil.example', null])(
    'replaces %j by My page',
    (next) => {
      expect(safeNext(next)).toBe('/mypage');
    },
  );
});
