import { describe, expect, it } from 'vitest';
import { freeTextProblem, maxNoticeBodyLength } from './notice-text.ts';

describe('freeTextProblem (notices and cancellation reasons, R-ACT-4)', () => {
  it('accepts several lines of plain text, HTML included, as text', () => {
    expect(freeTextProblem('雨天中止です。\n<script>alert(1)</script>', maxNoticeBodyLength)).toBeNull();
  });

  it('refuses an empty or blank text, including the full-width space', () => {
    expect(freeTextProblem('', 10)).toBe('empty');
    expect(freeTextProblem(' \u3000\n', 10)).toBe('empty');
  });

  it('counts characters as a person does (𠮷 is one) and refuses past the limit', () => {
    expect(freeTextProblem('𠮷'.repeat(10), 10)).toBeNull();
    expect(freeTextProblem('𠮷'.repeat(11), 10)).toBe('too_long');
  });

  it('refuses control characters and broken UTF-16', () => {
    expect(freeTextProblem('a\u0000b', 10)).toBe('forbidden_characters');
    expect(freeTextProblem('a\uD800b', 10)).toBe('forbidden_characters');
  });
});
