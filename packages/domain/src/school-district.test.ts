import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mayChooseDistrict,
  normalizeAddress,
  parseSchoolDistrictCsv,
  prefixCandidates,
  residentDistrictAfter,
  schoolDistrictMatcher,
  type SchoolDistrictPrefix,
  type SchoolDistrictTable,
} from './school-district.ts';

const header = 'address_prefix,district_code,name_ja,name_en\n';

function table(csv: string): SchoolDistrictTable {
  const result = parseSchoolDistrictCsv(csv);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.table;
}

function problems(csv: string) {
  const result = parseSchoolDistrictCsv(csv);
  if (result.ok) throw new Error('expected the CSV to be refused');
  return result.problems.map((p) => ({ line: p.line, en: p.message.en }));
}

describe('normalizeAddress', () => {
  it('gives the card’s form and a hand-written form of one address the same canonical text', () => {
    expect(normalizeAddress('熊本市中央区手取本町１番１号')).toBe('中央区手取本町1-1-');
    expect(normalizeAddress('熊本県熊本市中央区手取本町1-1')).toBe('中央区手取本町1-1-');
    expect(normalizeAddress('熊本県 熊本市 中央区 手取本町 1 - 1')).toBe('中央区手取本町1-1-');
  });

  it.each([
    ['水前寺6丁目18番1号', '水前寺6-18-1-'],
    ['水前寺六丁目18番1号', '水前寺6-18-1-'],
    ['水前寺６丁目１８－１', '水前寺6-18-1-'],
    ['水前寺6ー18ー1', '水前寺6-18-1-'],
    ['水前寺6−18‐1', '水前寺6-18-1-'],
    ['九品寺二十二丁目', '九品寺22-'],
    ['九品寺十丁目', '九品寺10-'],
    ['植木町大字岩野238番地1', '植木町岩野238-1-'],
    ['植木町岩野238番地の1', '植木町岩野238-1-'],
    ['武蔵ヶ丘1丁目', '武蔵ケ丘1-'],
    ['ﾃﾄﾘﾎﾝﾁｮｳ', 'テトリホンチョウ'],
  ])('%s -> %s', (input, canonical) => {
    expect(normalizeAddress(input)).toBe(canonical);
  });

  it('drops only Kumamoto’s own prefecture and city: another prefecture keeps its name', () => {
    expect(normalizeAddress('東京都中央区銀座1丁目')).toBe('東京都中央区銀座1-');
    expect(normalizeAddress('熊本県合志市竹迫')).toBe('合志市竹迫');
  });

  it('leaves kanji numerals that are part of a town name alone', () => {
    expect(normalizeAddress('熊本市中央区九品寺')).toBe('中央区九品寺');
    expect(normalizeAddress('熊本市中央区二本木')).toBe('中央区二本木');
  });

  const addressChars = fc.constantFrom(
    ...'熊本県市中央区手取町水前寺一二三十百〇丁目番地号のノー-－‐ 　１２0129大字ヶケ'.split(''),
  );
  const addressText = fc.array(addressChars, { maxLength: 30 }).map((chars) => chars.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(addressText, (address) => {
        const once = normalizeAddress(address);
        expect(normalizeAddress(once)).toBe(once);
      }),
    );
  });

  it('gives the same text for any mix of the usual ways to write a house number', () => {
    const part = fc.integer({ min: 1, max: 99 });
    const digits = (n: number, wide: boolean) =>
      wide ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(n);
    fc.assert(
      fc.property(
        part,
        part,
        part,
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('-', '－', '‐', 'ー'),
        (chome, ban, go, wide, prefecture, dash) => {
          const d = (n: number) => digits(n, wide);
          const formal = `熊本県熊本市中央区水前寺${chome}丁目${ban}番${go}号`;
          const short = `${prefecture ? '熊本県' : ''}熊本市中央区水前寺${d(chome)}${dash}${d(ban)}${dash}${d(go)}`;
          expect(normalizeAddress(short)).toBe(normalizeAddress(formal));
        },
      ),
    );
  });
});

describe('schoolDistrictMatcher', () => {
  const sample = table(
    header +
      '熊本市中央区手取本町,keitoku,慶徳校区,Keitoku\n' +
      '熊本市中央区水前寺,sunatori,砂取校区,Sunatori\n' +
      '熊本市中央区水前寺6丁目,izumi,出水校区,Izumi\n' +
      '熊本市中央区水前寺1,suizenji-1,水前寺1丁目,Suizenji 1\n',
  );
  const match = schoolDistrictMatcher(sample.prefixes);

  it('matches the card’s address and a hand-written one to the same district', () => {
    expect(match('熊本市中央区手取本町１番１号')).toBe('keitoku');
    expect(match('熊本県熊本市中央区手取本町1-1')).toBe('keitoku');
  });

  it('lets the longest prefix win', () => {
    expect(match('熊本県熊本市中央区水前寺3丁目1番1号')).toBe('sunatori');
    expect(match('熊本県熊本市中央区水前寺六丁目18番1号')).toBe('izumi');
    expect(match('熊本県熊本市中央区水前寺6-18-1')).toBe('izumi');
  });

  it('does not take 10丁目 for 1丁目: numbers match whole', () => {
    expect(match('熊本市中央区水前寺1丁目2-3')).toBe('suizenji-1');
    expect(match('熊本市中央区水前寺10丁目2-3')).toBe('sunatori');
  });

  it('matches nothing outside the table', () => {
    expect(match('熊本県熊本市北区植木町岩野238番地1')).toBeUndefined();
    expect(match('東京都中央区手取本町1-1')).toBeUndefined();
    expect(match('')).toBeUndefined();
  });

  it('agrees with a brute-force longest-prefix search', () => {
    const piece = fc.constantFrom('中央区', '水前寺', '1', '2', '10', '-', '丁目', '番', '東町', 'ノ');
    const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(text, { maxLength: 8 }), text, (rawPrefixes, address) => {
        const prefixes: SchoolDistrictPrefix[] = [
          ...new Set(rawPrefixes.map(normalizeAddress).filter((p) => p.length >= 2)),
        ].map((prefix, i) => ({ prefix, districtCode: `d${i}` }));
        const canonical = normalizeAddress(address);
        const best = prefixes
          .filter(({ prefix }) => canonical.startsWith(prefix))
          .sort((a, b) => b.prefix.length - a.prefix.length)[0];
        expect(schoolDistrictMatcher(prefixes)(address)).toBe(best?.districtCode);
      }),
    );
  });

  it('offers candidates longest first and never shorter than two characters', () => {
    expect(prefixCandidates('中央区1-')).toEqual(['中央区1-', '中央区1', '中央区', '中央']);
    expect(prefixCandidates('x'.repeat(400))[0]).toHaveLength(256);
  });
});

describe('parseSchoolDistrictCsv', () => {
  it('reads districts in file order and their canonical prefixes', () => {
    expect(
      table(
        header +
          '熊本市中央区手取本町,keitoku,慶徳校区,Keitoku\n' +
          '熊本市東区東町,higashimachi,東町校区,Higashimachi\n' +
          '熊本市中央区上通町,keitoku,慶徳校区,Keitoku\n',
      ),
    ).toEqual({
      districts: [
        { code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku' },
        { code: 'higashimachi', nameJa: '東町校区', nameEn: 'Higashimachi' },
      ],
      prefixes: [
        { prefix: '中央区手取本町', districtCode: 'keitoku' },
        { prefix: '東区東町', districtCode: 'higashimachi' },
        { prefix: '中央区上通町', districtCode: 'keitoku' },
      ],
    });
  });

  it('accepts a BOM, CRLF, blank lines, spaces around fields and quoted fields', () => {
    const csv =
      '\uFEFF"住所","校区コード","校区名","District"\r\n' +
      '\r\n' +
      ' 熊本市中央区手取本町 , keitoku ,"慶徳校区","Keitoku, ""central"""\r\n';
    expect(table(csv)).toEqual({
      districts: [{ code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku, "central"' }],
      prefixes: [{ prefix: '中央区手取本町', districtCode: 'keitoku' }],
    });
  });

  it('counts lines inside quoted fields, so later problems name the right line', () => {
    const csv =
      header +
      '"熊本市中央区\n手取本町",keitoku,慶徳校区,Keitoku\n' +
      '熊本市東区東町,bad code!,東町校区,Higashimachi\n';
    expect(problems(csv)).toEqual([{ line: 4, en: expect.stringContaining('district code') as unknown }]);
  });

  it('names the line of every bad row and refuses the whole table', () => {
    const csv =
      header +
      '熊本市中央区手取本町,keitoku,慶徳校区\n' + // 2: three columns
      '熊本市,city,市全体,Whole city\n' + // 3: prefix empty once 熊本市 is dropped
      '熊本市東区東町,higashimachi,,Higashimachi\n' + // 4: no Japanese name
      '熊本市東区健軍,kengun,健軍校区,Kengun\n' +
      '熊本県熊本市東区健軍,kengun,健軍校区,Kengun\n' + // 6: same prefix as 5 once normalised
      '熊本市東区長嶺,kengun,健軍,Kengun\n' + // 7: another name for kengun
      '熊本市東区月出,"tsukide,月出校区,Tsukide\n'; // 8: quote never closed
    expect(problems(csv)).toEqual([
      { line: 8, en: expect.stringContaining('not closed') as unknown },
      { line: 2, en: expect.stringContaining('found 3') as unknown },
      { line: 3, en: expect.stringContaining('too short') as unknown },
      { line: 4, en: expect.stringContaining('Japanese name') as unknown },
      { line: 6, en: expect.stringContaining('duplicates line 5') as unknown },
      { line: 7, en: expect.stringContaining('different names than on line 5') as unknown },
    ]);
  });

  it('refuses characters after a closing quote, an empty file and a header without rows', () => {
    expect(problems(header + '"熊本市中央区手取本町"x,keitoku,慶徳校区,Keitoku\n')).toEqual([
      { line: 2, en: expect.stringContaining('after a closing quote') as unknown },
    ]);
    expect(problems('')).toEqual([{ line: 1, en: 'The table is empty.' }]);
    expect(problems('\uFEFF' + header)).toEqual([{ line: 1, en: 'There are no rows after the header.' }]);
    expect(problems('a,b\n熊本市中央区手取本町,keitoku,慶徳校区,Keitoku\n')).toEqual([
      { line: 1, en: expect.stringContaining('found 2') as unknown },
    ]);
  });

  it('reads back any table it could be given, however the fields are quoted', () => {
    const name = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((s) => s.trim() === s && !/\p{Cc}/u.test(s) && s !== '');
    const code = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
    const town = fc.stringMatching(/^[あ-ん]{2,6}$/);
    const row = fc.record({ town, code, nameJa: name, nameEn: name });
    const quote = (value: string, always: boolean) =>
      always || /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { minLength: 1, maxLength: 8, selector: (r) => r.town }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom('\n', '\r\n'),
        (rows, bom, quoteAll, newline) => {
          // One name per code, as the parser requires.
          const names = new Map(rows.map((r) => [r.code, r]));
          const lines = rows.map((r) => {
            const named = names.get(r.code) ?? r;
            return [`熊本市中央区${r.town}`, r.code, named.nameJa, named.nameEn]
              .map((v) => quote(v, quoteAll))
              .join(',');
          });
          const csv = `${bom ? '\uFEFF' : ''}a,b,c,d${newline}${lines.join(newline)}${newline}`;
          const parsed = table(csv);
          expect(parsed.prefixes).toEqual(
            rows.map((r) => ({ prefix: normalizeAddress(`中央区${r.town}`), districtCode: r.code })),
          );
          expect(parsed.districts.map((d) => d.code)).toEqual([...new Set(rows.map((r) => r.code))]);
          for (const district of parsed.districts) {
            const named = names.get(district.code);
            expect(district).toEqual({ code: district.code, nameJa: named?.nameJa, nameEn: named?.nameEn });
          }
        },
      ),
    );
  });
});

describe('residentDistrictAfter and mayChooseDistrict', () => {
  const listed = (code: string) => code !== 'gone';
  it('takes the address’s district whenever the address matches, even over a chosen one', () => {
    expect(residentDistrictAfter('a', { code: 'b', source: 'chosen' }, listed)).toEqual({
      code: 'a',
      source: 'address',
    });
  });
  it('keeps a chosen district when the address matches nothing, while it is still listed', () => {
    expect(residentDistrictAfter(undefined, { code: 'b', source: 'chosen' }, listed)).toEqual({
      code: 'b',
      source: 'chosen',
    });
    expect(residentDistrictAfter(undefined, { code: 'gone', source: 'chosen' }, listed)).toBeNull();
  });
  it('drops a district the old address gave when the new one matches nothing', () => {
    expect(residentDistrictAfter(undefined, { code: 'b', source: 'address' }, listed)).toBeNull();
    expect(residentDistrictAfter(undefined, null, listed)).toBeNull();
  });
  it('lets a resident choose only when the address gives no district', () => {
    expect(mayChooseDistrict(null, false)).toBe(true);
    expect(mayChooseDistrict({ code: 'b', source: 'chosen' }, false)).toBe(true);
    expect(mayChooseDistrict({ code: 'b', source: 'address' }, false)).toBe(false);
    expect(mayChooseDistrict(null, true)).toBe(false);
  });
});
