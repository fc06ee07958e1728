import { describe, expect, it } from 'vitest';
import { isAppPath } from './return-to.ts';

describe('isAppPath: where to go after verifying is a screen of this app', () => {
  it.each(['/mypage', '/verify', '/points?tab=history', '/volunteer/activities/1#apply'])(
    'accepts %s',
    (path) => {
      expect(isAppPath(path)).toBe(true);
    },
  );

  it.each([
    '',
    'mypage',
    '//evil.example/',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/mypage\nLocation: https://evil.example',
    '/api/session',
    '/dev-card-service/auth',
    `/${'a'.repeat(200)}`,
  ])('refuses %j', (path) => {
    expect(isAppPath(path)).toBe(false);
  });
});
