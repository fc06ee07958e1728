import { findActivityCategory, type ActivityCategoryId } from './categories.ts';

/**
 * Japanese keyword search (issue 5: 清掃 must find まち清掃). Japanese has no spaces between
 * words, so a keyword matches anywhere inside the text (substring), after both sides are
 * folded the same way:
 * - NFKC: full-width ＡＢＣ１２３ and half-width ｶﾀｶﾅ become ABC123 and カタカナ, and the
 *   ideographic space becomes a plain space;
 * - lower case, for English and romaji;
 * - katakana to hiragana: ゴミ拾い and ごみ拾い, ボランティア and ぼらんてぃあ are written
 *   both ways by residents and organizers alike.
 * Several keywords separated by spaces must all match (AND).
 */
export function normalizeSearchText(text: string): string {
  return foldKatakana(text.normalize('NFKC').toLowerCase()).replace(/\s+/gu, ' ').trim();
}

/** ァ (U+30A1) … ヶ (U+30F6) sit exactly 0x60 above ぁ … ゖ. ヷ–ヺ and ー have no hiragana twin. */
function foldKatakana(text: string): string {
  return text.replace(/[\u30A1-\u30F6]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

/** More keywords than this add nothing for a resident and only cost the database. */
export const maxSearchTerms = 5;
export const maxSearchTermLength = 30;

/** The keywords of a query: folded, split on spaces, duplicates dropped, at most five. */
export function searchTerms(query: string): string[] {
  const terms = normalizeSearchText(query)
    .split(' ')
    .filter((term) => term !== '')
    .map((term) => Array.from(term).slice(0, maxSearchTermLength).join(''));
  return [...new Set(terms)].slice(0, maxSearchTerms);
}

/** Every keyword occurs in the (already normalized) text. No keywords matches everything. */
export function matchesAllTerms(normalizedText: string, terms: readonly string[]): boolean {
  return terms.every((term) => normalizedText.includes(term));
}

/** The texts of an activity that keyword search looks into. */
export interface SearchableTexts {
  title: string;
  message: string;
  content: string;
  targetParticipants: string;
  placeName: string;
  address: string;
  category: ActivityCategoryId | null;
}

/**
 * The one normalized text a keyword is looked for in: the activity's own words plus its
 * category's name in both languages, so that 防災 or "clean" finds activities of that kind
 * even when the organizer did not repeat the word. Parts are joined by a line break, which
 * normalizes to a space, so a keyword never matches across the join of two fields.
 */
export function activitySearchText(texts: SearchableTexts): string {
  const category = texts.category ? findActivityCategory(texts.category).label : null;
  return normalizeSearchText(
    [
      texts.title,
      category?.ja ?? '',
      category?.en ?? '',
      texts.placeName,
      texts.address,
      texts.content,
      texts.targetParticipants,
      texts.message,
    ].join('\n'),
  );
}

/**
 * Index tokens for a database that cannot index substrings of Japanese (pg_trgm finds no
 * trigram in a two-character word such as 清掃): every character and every pair of
 * neighbouring characters within a word of the normalized text. A keyword can occur in a
 * text only if all of its `keywordTokens` are among the text's `documentTokens`, so a GIN
 * index on these narrows the candidates and a substring test (`matchesAllTerms`, or LIKE)
 * confirms them.
 */
export function documentTokens(normalizedText: string): string[] {
  const tokens = new Set<string>();
  for (const word of normalizedText.split(' ')) {
    const chars = Array.from(word);
    chars.forEach((char, i) => {
      tokens.add(char);
      const next = chars[i + 1];
      if (next !== undefined) tokens.add(char + next);
    });
  }
  return [...tokens];
}

/** The fewest tokens a keyword needs: its pairs, or the single character of a one-character keyword. */
export function keywordTokens(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((char, i) => `${chars[i]}${char}`))];
}
