import { describe, expect, it } from 'vitest';
import { codeHash, codeMatches, emailKey, newCode, normalizeCode } from './codes.ts';

describe('one-time codes', () => {
  it('are six digits, leading zeros kept, and vary', () => {
    const codes = Array.from({ length: 2000 }, () => newCode());
    expect(codes.every((code) => /^[0-9]{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    // Every digit position takes every digit: no position is fixed or skewed to a few values.
    for (let position = 0; position < 6; position++) {
      expect(new Set(codes.map((code) => code[position])).size).toBe(10);
    }
  });

  it('are stored only as a keyed hash bound to their row', () => {
    const hash = codeHash('secret-a', 'row-1', '012345');
    expect(hash).not.toContain('012345');
    expect(codeMatches('secret-a', 'row-1', '012345', hash)).toBe(true);
    expect(codeMatches('secret-a', 'row-1', '012346', hash)).toBe(false);
    expect(codeMatches('secret-b', 'row-1', '012345', hash)).toBe(false);
    expect(codeMatches('secret-a', 'row-2', '012345', hash)).toBe(false);
    expect(codeMatches('secret-a', 'row-1', '012345', 'short')).toBe(false);
  });

  it('accept what people type: full-width digits, spaces, hyphens; nothing but six digits', () => {
    expect(normalizeCode('012345')).toBe('012345');
    expect(normalizeCode('０１２３４５')).toBe('012345');
    expect(normalizeCode(' 012 345 ')).toBe('012345');
    expect(normalizeCode('012-345')).toBe('012345');
    expect(normalizeCode('01234')).toBeNull();
    expect(normalizeCode('0123456')).toBeNull();
    expect(normalizeCode('01234a')).toBeNull();
  });

  it('audit addresses by a keyed hash, never the address itself', () => {
    const key = emailKey('identity-secret', 'taro@example.jp');
    expect(key).not.toContain('taro');
    expect(key).toBe(emailKey('identity-secret', 'taro@example.jp'));
    expect(key).not.toBe(emailKey('identity-secret', 'jiro@example.jp'));
    expect(key).not.toBe(emailKey('another-secret', 'taro@example.jp'));
  });
});
