import { describe, expect, it } from 'vitest';
import { pickLocale } from './locale.ts';

describe('pickLocale', () => {
  it.each([
    [undefined, 'ja'],
    ['', 'ja'],
    ['en-US,en;q=0.9', 'en'],
    ['ja-JP,ja;q=0.9,en;q=0.8', 'ja'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en'],
    ['fr,de', 'ja'],
    ['ja;q=0.2,en;q=0.8', 'en'],
    ['en;q=0,ja;q=0.1', 'ja'],
    ['*', 'ja'],
  ])('%s -> %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});
