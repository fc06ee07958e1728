import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activitySearchText,
  documentTokens,
  keywordTokens,
  matchesAllTerms,
  maxSearchTerms,
  normalizeSearchText,
  searchTerms,
} from './search-text.ts';

const find = (text: string, query: string) => matchesAllTerms(normalizeSearchText(text), searchTerms(query));

describe('Japanese keyword matching (issue 5)', () => {
  it('finds part of a word: 清掃 finds まち清掃', () => {
    expect(find('まち清掃ボランティア', '清掃')).toBe(true);
    expect(find('江津湖の清掃活動', '清掃')).toBe(true);
    expect(find('防災訓練', '清掃')).toBe(false);
  });

  it('folds katakana and hiragana: ゴミ拾い finds ごみ拾い', () => {
    expect(find('河川敷のごみ拾い', 'ゴミ拾い')).toBe(true);
    expect(find('ボランティア募集', 'ぼらんてぃあ')).toBe(true);
  });

  it('folds full-width and half-width forms and letter case', () => {
    expect(find('ＡＥＤ講習会', 'aed')).toBe(true);
    expect(find('ｳｫｰｷﾝｸﾞ大会', 'ウォーキング')).toBe(true);
    expect(find('第３回 清掃', '第3回')).toBe(true);
  });

  it('needs every keyword (AND), split on any kind of space', () => {
    expect(find('まち清掃 in 手取本町', '清掃\u3000手取')).toBe(true);
    expect(find('まち清掃 in 手取本町', '清掃 大江')).toBe(false);
  });

  it('matches everything without keywords', () => {
    expect(find('なんでも', '  ')).toBe(true);
  });
});

describe('searchTerms', () => {
  it('drops duplicates and keeps at most five keywords', () => {
    expect(searchTerms('清掃 清掃 セイソウ せいそう')).toEqual(['清掃', 'せいそう']);
    expect(searchTerms('a b c d e f g')).toHaveLength(maxSearchTerms);
  });
});

describe('activitySearchText', () => {
  it('includes the category name in both languages, so 防災 finds a drill not called that', () => {
    const text = activitySearchText({
      title: '避難訓練',
      message: '',
      content: '',
      targetParticipants: '',
      placeName: '大江小学校',
      address: '',
      category: 'disaster_prevention',
    });
    expect(matchesAllTerms(text, searchTerms('防災'))).toBe(true);
    expect(matchesAllTerms(text, searchTerms('Disaster'))).toBe(true);
  });

  it('does not match across two fields', () => {
    const text = activitySearchText({
      title: 'まち',
      message: '',
      content: '',
      targetParticipants: '',
      placeName: '清掃',
      address: '',
      category: null,
    });
    expect(matchesAllTerms(text, searchTerms('まち清掃'))).toBe(false);
  });
});

describe('index tokens for the database', () => {
  it('are the characters and neighbouring pairs of each word', () => {
    expect(documentTokens(normalizeSearchText('まち清掃 会')).sort()).toEqual(
      ['ま', 'ち', '清', '掃', 'まち', 'ち清', '清掃', '会'].sort(),
    );
    expect(keywordTokens('清掃')).toEqual(['清掃']);
    expect(keywordTokens('まち清掃')).toEqual(['まち', 'ち清', '清掃']);
    expect(keywordTokens('清')).toEqual(['清']);
  });

  it('never miss a text that contains the keyword', () => {
    const japanese = fc.constantFrom(
      ...'まち清掃ボランティア防災訓練子ども会公園ごみ拾い 𠮷野家ＡＢＣabc１２３',
    );
    const text = fc.array(japanese, { maxLength: 60 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (raw, a, b) => {
        const normalized = normalizeSearchText(raw);
        const chars = Array.from(normalized);
        const [start, end] = [Math.min(a, b) % (chars.length + 1), Math.max(a, b) % (chars.length + 1)];
        const term = chars.slice(start, Math.max(start, end)).join('').trim();
        if (term === '' || term.includes(' ')) return;
        expect(normalized.includes(term)).toBe(true);
        const tokens = new Set(documentTokens(normalized));
        expect(keywordTokens(term).every((token) => tokens.has(token))).toBe(true);
      }),
    );
  });

  it('normalizing twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(normalizeSearchText(normalizeSearchText(text))).toBe(normalizeSearchText(text));
      }),
    );
  });
});
