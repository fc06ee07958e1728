import { describe, expect, it } from 'vitest';
import {
  isEmailAddress,
  isJapanesePhoneNumber,
  isWebsiteUrl,
  normalizeWebsite,
  phoneDigits,
} from './contact-formats.ts';

describe('phone numbers', () => {
  it.each([
    '096-328-2477',
    '0963282477',
    '(096) 328-2477',
    '０９６－３２８－２４７７',
    '090-1234-5678',
    '080 1234 5678',
    '050-1234-5678',
    '0120-123-456',
    '0800-123-4567',
    '+81 96-328-2477',
    '+81-(0)96-328-2477',
    '+81 90 1234 5678',
  ])('accepts %s', (phone) => {
    expect(isJapanesePhoneNumber(phone)).toBe(true);
  });

  it.each([
    '',
    '328-2477',
    '96-328-2477',
    '090-1234-567',
    '096-328-24777',
    '00-1234-5678',
    '096-328-abcd',
    '+1 415 555 0100',
  ])('refuses %s', (phone) => {
    expect(isJapanesePhoneNumber(phone)).toBe(false);
  });

  it('reads the national digits', () => {
    expect(phoneDigits('+81 (0)96-328-2477')).toBe('0963282477');
    expect(phoneDigits('096-328-内線')).toBeNull();
  });
});

describe('e-mail addresses', () => {
  it.each([
    'info@example.jp',
    'kumaapuri-madoguchi@city.kumamoto.lg.jp',
    'a.b+c@mail.example.co.jp',
    'ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ',
  ])('accepts %s', (email) => {
    expect(isEmailAddress(email)).toBe(true);
  });

  it.each([
    '',
    'info',
    'info@',
    '@example.jp',
    'info@example',
    'in fo@example.jp',
    'a..b@example.jp',
    '.a@example.jp',
    'info@-example.jp',
    'info@example.123',
    'くまもと@example.jp',
    `${'a'.repeat(65)}@example.jp`,
  ])('refuses %s', (email) => {
    expect(isEmailAddress(email)).toBe(false);
  });
});

describe('websites', () => {
  it.each([
    ['https://www.city.kumamoto.jp/', 'https://www.city.kumamoto.jp/'],
    ['www.example.jp', 'https://www.example.jp'],
    ['ｗｗｗ．ｅｘａｍｐｌｅ．ｊｐ', 'https://www.example.jp'],
    ['http://example.jp/pta', 'http://example.jp/pta'],
  ])('accepts %s as %s', (input, stored) => {
    expect(isWebsiteUrl(input)).toBe(true);
    expect(normalizeWebsite(input)).toBe(stored);
  });

  it.each([
    'javascript:alert(1)',
    'ftp://example.jp',
    'https://user:pass@example.jp',
    'localhost:3000',
    'https://192.168.0.1',
    'not a url',
    'https://',
  ])('refuses %s', (input) => {
    expect(isWebsiteUrl(input)).toBe(false);
  });
});
