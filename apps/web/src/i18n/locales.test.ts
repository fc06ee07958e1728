import { describe, expect, test } from 'vitest';
import enScreens from './locales/en.screens.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };
import jaScreens from './locales/ja.screens.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };

/** Every leaf of a message tree as `a.b.c`, with its text. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree) as [string, unknown][]) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') leaves(value, path).forEach((v, k) => out.set(k, v));
    else out.set(path, value);
  }
  return out;
}

/** `{{name}}` placeholders in a message, sorted. */
function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  const jaLeaves = leaves({ ...ja, ...jaScreens });
  const enLeaves = leaves({ ...en, ...enScreens });

  test('Home and the shell (in the entry bundle) and the other screens split the same way in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    expect(Object.keys(enScreens).sort()).toEqual(Object.keys(jaScreens).sort());
    expect(Object.keys(jaScreens).filter((key) => key in ja)).toEqual([]);
  });

  test('Japanese and English have exactly the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...jaLeaves.keys()].sort());
  });

  test('every message is a non-empty string with the same placeholders in both languages', () => {
    for (const [key, text] of jaLeaves) {
      expect(typeof text === 'string' && text.trim().length > 0, `ja ${key}`).toBe(true);
      expect(
        typeof enLeaves.get(key) === 'string' && String(enLeaves.get(key)).trim().length > 0,
        `en ${key}`,
      ).toBe(true);
      expect(placeholders(enLeaves.get(key)), key).toEqual(placeholders(text));
    }
  });
});
