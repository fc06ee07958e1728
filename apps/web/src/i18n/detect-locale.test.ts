import { describe, expect, test } from 'vitest';
import { detectLocale } from './detect-locale.ts';

describe('which language a visit starts in', () => {
  test('the stored choice wins over the browser', () => {
    expect(detectLocale('en', ['ja-JP'])).toBe('en');
    expect(detectLocale('ja', ['en-US'])).toBe('ja');
  });

  test('a first visit follows the browser languages in order, regions ignored', () => {
    expect(detectLocale(null, ['en-US', 'ja'])).toBe('en');
    expect(detectLocale(null, ['fr-FR', 'en-GB', 'ja'])).toBe('en');
    expect(detectLocale(null, ['ja-JP', 'en'])).toBe('ja');
  });

  test('Japanese when nothing fits, or the stored value is not a language we have', () => {
    expect(detectLocale(null, ['fr', 'zh-CN'])).toBe('ja');
    expect(detectLocale(null, [])).toBe('ja');
    expect(detectLocale('de', ['en'])).toBe('en');
  });
});
