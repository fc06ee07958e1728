import { describe, expect, it } from 'vitest';
import { normalizeName, personKey } from './keys.ts';

const secret = 'a-server-secret-of-some-length';

describe('personKey', () => {
  it('is the same however the space between the names was typed', () => {
    const keys = ['熊本\u3000花子', '熊本 花子', '熊本花子'].map((name) =>
      personKey(secret, name, '1990-04-01'),
    );
    expect(new Set(keys).size).toBe(1);
    expect(normalizeName('ｸﾏﾓﾄ　ﾊﾅｺ')).toBe('クマモトハナコ');
  });

  it('differs by birth date, by name and by secret, and does not show either input', () => {
    const key = personKey(secret, '熊本\u3000花子', '1990-04-01');
    expect(personKey(secret, '熊本\u3000花子', '1990-04-02')).not.toBe(key);
    expect(personKey(secret, '熊本\u3000太郎', '1990-04-01')).not.toBe(key);
    expect(personKey(`${secret}!`, '熊本\u3000花子', '1990-04-01')).not.toBe(key);
    expect(key).not.toMatch(/1990|熊本/);
  });

  it('refuses a short secret, which would make it a reversible hash', () => {
    expect(() => personKey('', '熊本花子', '1990-04-01')).toThrow(/secret/);
  });
});
