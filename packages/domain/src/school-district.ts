import type { Localized } from './locale.ts';

/**
 * School districts (校区) from the city's table: address prefix -> district. A verified
 * resident's district comes from their card address (issue 3 part 5); the longest matching
 * prefix wins, so a table can say "東町 -> A, but 東町4丁目 -> B".
 *
 * Addresses are compared in one canonical form (`normalizeAddress`), so the card's
 * 「熊本県熊本市中央区手取本町１番１号」 and a hand-written 「熊本市中央区手取本町1-1」 meet the same
 * prefix 「熊本市中央区手取本町」 (or 「熊本市中央区手取本町1丁目」).
 */
export interface SchoolDistrict {
  code: string;
  nameJa: string;
  nameEn: string;
}

/** One row of the table: `prefix` is already in canonical form (see normalizeAddress). */
export interface SchoolDistrictPrefix {
  prefix: string;
  districtCode: string;
}

export interface SchoolDistrictTable {
  /** In the order the file first names them: the order residents choose from. */
  districts: SchoolDistrict[];
  prefixes: SchoolDistrictPrefix[];
}

/** Shorter canonical prefixes would match half the city; the database checks the same. */
export const minPrefixLength = 2;
/** A card address holds at most 256 characters; longer table prefixes are refused. */
export const maxPrefixLength = 256;

// — Normalisation —

const kanjiDigits: Readonly<Record<string, number>> = {
  〇: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 「四」 4, 「十二」 12, 「二十」 20, 「百三」 103, and positional 「二〇」 20. */
function kanjiNumber(text: string): number {
  if (!/[十百]/u.test(text)) return Number([...text].map((c) => kanjiDigits[c] ?? 0).join(''));
  let total = 0;
  let current: number | undefined;
  for (const char of text) {
    if (char === '十' || char === '百') {
      total += (current ?? 1) * (char === '十' ? 10 : 100);
      current = undefined;
    } else current = (current ?? 0) * 10 + (kanjiDigits[char] ?? 0);
  }
  return total + (current ?? 0);
}

/**
 * The canonical form addresses and prefixes are compared in:
 * - NFKC (full-width digits and letters become ASCII, half-width kana become full-width),
 *   every space removed, ヶ/ヵ written ケ/カ, 「大字」 dropped;
 * - a leading 「熊本県」 and 「熊本市」 dropped. The card always writes the prefecture and the
 *   city, a table or a resident often omits one, and both are implied by the table itself: it is
 *   Kumamoto City's. Only these are dropped: an address in another prefecture keeps its
 *   prefecture (「東京都中央区…」) and so can never match 「中央区…」;
 * - 丁目・番地・番・号 after a number, and hyphen-like marks or の between numbers, become "-";
 *   a kanji number before 丁目 becomes digits (「六丁目」 = 「6丁目」); a number at the end gets
 *   its "-" too. Every house number thus ends in "-", so the prefix 「水前寺1」 ("水前寺1-")
 *   matches 「水前寺1丁目」 but not 「水前寺10丁目」.
 */
export function normalizeAddress(address: string): string {
  let text = address.normalize('NFKC').replace(/\s+/gu, '');
  text = text.replaceAll('ヶ', 'ケ').replaceAll('ヵ', 'カ');
  while (text.includes('大字')) text = text.replaceAll('大字', '');
  text = text.replace(/^(?:熊本県|熊本市)+/u, '');
  text = text.replace(
    /([〇一二三四五六七八九十百]+)丁目/gu,
    (_, kanji: string) => `${kanjiNumber(kanji)}丁目`,
  );
  text = text.replace(/[‐‑‒–—―−]/gu, '-');
  text = text.replace(/([0-9])(?:丁目|番地|番|号)/gu, '$1-');
  text = text.replace(/([0-9])-?[ーの之ノ](?=[0-9])/gu, '$1-');
  text = text.replace(/-{2,}/gu, '-');
  return text.replace(/([0-9])$/u, '$1-');
}

/** Every prefix of a canonical address a table row could be, longest first (at most 256 long). */
export function prefixCandidates(canonicalAddress: string): string[] {
  const candidates: string[] = [];
  const longest = Math.min(canonicalAddress.length, maxPrefixLength);
  for (let length = longest; length >= minPrefixLength; length -= 1) {
    candidates.push(canonicalAddress.slice(0, length));
  }
  return candidates;
}

/** The district of an address: the longest table prefix it starts with, or undefined. */
export function schoolDistrictMatcher(
  prefixes: Iterable<SchoolDistrictPrefix>,
): (address: string) => string | undefined {
  const byPrefix = new Map<string, string>();
  for (const { prefix, districtCode } of prefixes) byPrefix.set(prefix, districtCode);
  return (address) => {
    for (const candidate of prefixCandidates(normalizeAddress(address))) {
      const code = byPrefix.get(candidate);
      if (code !== undefined) return code;
    }
    return undefined;
  };
}

// — A resident's district —

export const schoolDistrictSources = ['address', 'chosen'] as const;
export type SchoolDistrictSource = (typeof schoolDistrictSources)[number];

export interface ResidentDistrict {
  code: string;
  source: SchoolDistrictSource;
}

/**
 * A resident's district after their verified address or the table changed: the district of
 * the address when it matches one (the address wins); otherwise a district the resident chose
 * earlier, while the table still lists it; otherwise none, and the resident chooses.
 */
export function residentDistrictAfter(
  matched: string | undefined,
  previous: ResidentDistrict | null,
  isListed: (code: string) => boolean,
): ResidentDistrict | null {
  if (matched !== undefined) return { code: matched, source: 'address' };
  if (previous?.source === 'chosen' && isListed(previous.code)) return previous;
  return null;
}

/** A district set from the address is not the resident's to change; anything else is. */
export function mayChooseDistrict(current: ResidentDistrict | null, addressMatches: boolean): boolean {
  return current?.source !== 'address' && !addressMatches;
}

// — The city's CSV —

/** One refused row of the CSV: the line it starts on (1 = the header) and what is wrong. */
export interface CsvProblem {
  line: number;
  message: Localized;
}

export type SchoolDistrictCsvResult =
  { ok: true; table: SchoolDistrictTable } | { ok: false; problems: CsvProblem[] };

export const schoolDistrictCsvColumns = [
  'address prefix',
  'district code',
  'name (ja)',
  'name (en)',
] as const;
const codePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;
const maxNameLength = 100;
const maxProblems = 50;

/**
 * Reads the city's table: UTF-8 (with or without a BOM), a header row, then one row per
 * address prefix with four columns: address prefix, district code, district name in
 * Japanese, in English. Fields may be quoted ("…", with "" for a quote). A district appears
 * on as many rows as it has prefixes; its names must be the same on each. Every problem is
 * reported with its line number, and a table with any problem is refused whole.
 */
export function parseSchoolDistrictCsv(text: string): SchoolDistrictCsvResult {
  const read = readCsvRecords(text.startsWith('\uFEFF') ? text.slice(1) : text);
  const problems: CsvProblem[] = [...read.problems];
  const [header, ...rows] = read.records;
  if (header === undefined) {
    return { ok: false, problems: [problem(1, '表が空です。', 'The table is empty.')] };
  }
  if (header.fields.length !== 4) problems.push(columnCount(header.line, header.fields.length));
  if (rows.length === 0 && problems.length === 0) {
    problems.push(
      problem(header.line, '見出し行のほかに行がありません。', 'There are no rows after the header.'),
    );
  }

  const districts = new Map<string, SchoolDistrict & { line: number }>();
  const prefixLines = new Map<string, number>();
  const prefixes: SchoolDistrictPrefix[] = [];
  for (const { line, fields } of rows) {
    const row = checkRow(line, fields);
    if (!row.ok) {
      problems.push(row.problem);
      continue;
    }
    const { prefix, district } = row;
    const known = districts.get(district.code);
    if (known === undefined) districts.set(district.code, { ...district, line });
    else if (known.nameJa !== district.nameJa || known.nameEn !== district.nameEn) {
      problems.push(
        problem(
          line,
          `校区コード「${district.code}」の名前が ${known.line} 行目と違います。`,
          `District code "${district.code}" has different names than on line ${known.line}.`,
        ),
      );
    }
    const earlier = prefixLines.get(prefix);
    if (earlier !== undefined) {
      problems.push(
        problem(
          line,
          `住所の前方部分が ${earlier} 行目と重複しています（表記の違いをそろえると同じになります）。`,
          `The address prefix duplicates line ${earlier} (they are the same once normalised).`,
        ),
      );
      continue;
    }
    prefixLines.set(prefix, line);
    prefixes.push({ prefix, districtCode: district.code });
  }

  if (problems.length > 0) return { ok: false, problems: problems.slice(0, maxProblems) };
  return {
    ok: true,
    table: {
      districts: [...districts.values()].map(({ code, nameJa, nameEn }) => ({ code, nameJa, nameEn })),
      prefixes,
    },
  };
}

type RowCheck = { ok: true; prefix: string; district: SchoolDistrict } | { ok: false; problem: CsvProblem };

function checkRow(line: number, fields: readonly string[]): RowCheck {
  const refuse = (ja: string, en: string): RowCheck => ({ ok: false, problem: problem(line, ja, en) });
  if (fields.length !== 4) return { ok: false, problem: columnCount(line, fields.length) };
  const [rawPrefix = '', code = '', nameJa = '', nameEn = ''] = fields.map((field) => field.trim());
  const prefix = normalizeAddress(rawPrefix);
  if (prefix.length < minPrefixLength) {
    return refuse(
      `住所の前方部分「${rawPrefix}」が短すぎます（熊本県・熊本市を除いて2文字以上）。`,
      `The address prefix "${rawPrefix}" is too short (at least 2 characters besides 熊本県/熊本市).`,
    );
  }
  if (prefix.length > maxPrefixLength) {
    return refuse(
      `住所の前方部分が長すぎます（${maxPrefixLength}文字まで）。`,
      `The address prefix is too long (at most ${maxPrefixLength} characters).`,
    );
  }
  if (!codePattern.test(code)) {
    return refuse(
      `校区コード「${code}」は英数字（と _ . -）32文字以内で書いてください。`,
      `The district code "${code}" must be up to 32 letters, digits, "_", "." or "-".`,
    );
  }
  for (const [name, ja, en] of [
    [nameJa, '日本語の校区名', 'Japanese name'],
    [nameEn, '英語の校区名', 'English name'],
  ] as const) {
    if (name === '' || name.length > maxNameLength || /\p{Cc}/u.test(name)) {
      return refuse(
        `${ja}が空か、${maxNameLength}文字を超えるか、使えない文字を含んでいます。`,
        `The ${en} is empty, longer than ${maxNameLength} characters, or holds control characters.`,
      );
    }
  }
  return { ok: true, prefix, district: { code, nameJa, nameEn } };
}

function columnCount(line: number, found: number): CsvProblem {
  return problem(
    line,
    `列が4つ（${schoolDistrictCsvColumns.join('、')}）ではなく ${found} つあります。`,
    `Expected 4 columns (${schoolDistrictCsvColumns.join(', ')}), found ${found}.`,
  );
}

function problem(line: number, ja: string, en: string): CsvProblem {
  return { line, message: { ja, en } };
}

interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 records: commas between fields, CRLF, LF or CR between records, quoted fields may
 * hold commas, quotes ("") and line breaks. Blank lines are skipped. Each record keeps the
 * line it starts on.
 */
function readCsvRecords(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const start = line;
    const fields: string[] = [];
    let broken = false;
    for (;;) {
      let field = '';
      if (text[index] === '"') {
        const closing = readQuoted(text, index + 1);
        if (closing === undefined) {
          problems.push(
            problem(start, '引用符 " が閉じられていません。', 'A quoted field is not closed (missing ").'),
          );
          return { records, problems };
        }
        field = closing.value;
        line += closing.lineBreaks;
        index = closing.next;
        const after = text[index];
        if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
          broken = true;
          while (index < text.length && text[index] !== '\n' && text[index] !== '\r') index += 1;
        }
      } else {
        while (index < text.length && !',\r\n'.includes(text[index] ?? '')) field += text[index++];
      }
      fields.push(field);
      if (text[index] === ',') {
        index += 1;
        continue;
      }
      break;
    }
    if (text[index] === '\r') index += 1;
    if (text[index] === '\n') index += 1;
    line += 1;
    if (broken) {
      problems.push(
        problem(
          start,
          '引用符 " で囲んだ値の後ろに文字があります。',
          'There are characters after a closing quote (").',
        ),
      );
    } else if (!(fields.length === 1 && fields[0]?.trim() === '')) {
      records.push({ line: start, fields });
    }
  }
  return { records, problems };
}

function readQuoted(
  text: string,
  from: number,
): { value: string; next: number; lineBreaks: number } | undefined {
  let value = '';
  let lineBreaks = 0;
  for (let index = from; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"') {
      if (text[index + 1] === '"') {
        value += '"';
        index += 1;
        continue;
      }
      return { value, next: index + 1, lineBreaks };
    }
    if (char === '\n' || (char === '\r' && text[index + 1] !== '\n')) lineBreaks += 1;
    value += char;
  }
  return undefined;
}
