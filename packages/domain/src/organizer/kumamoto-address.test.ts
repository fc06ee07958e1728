import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKumamotoCityAddress, kumamotoWards } from './kumamoto-address.ts';

describe('checkKumamotoCityAddress (R-ORG-1)', () => {
  it.each([
    ['熊本市中央区手取本町1-1', '中央区'],
    ['熊本県熊本市中央区手取本町1番1号', '中央区'],
    ['〒860-8601 熊本県熊本市中央区手取本町1-1', '中央区'],
    ['〒８６０－８６０１　熊本県　熊本市　中央区　手取本町１－１', '中央区'],
    ['860-8601熊本市中央区手取本町1-1', '中央区'],
    ['日本 熊本県熊本市東区東町4丁目14-1', '東区'],
    ['熊本市西区春日1-14-1', '西区'],
    ['熊本市南区城南町隈庄1', '南区'],
    ['熊本市北区植木町岩野238-1', '北区'],
    [' 熊 本 市 北 区 清水 ', '北区'],
  ])('%s is in the city (%s)', (address, ward) => {
    expect(checkKumamotoCityAddress(address)).toEqual({ inCity: true, ward });
  });

  it.each([
    ['熊本県上益城郡益城町宮園702', 'outside_city'],
    ['熊本県合志市竹迫2140', 'outside_city'],
    ['福岡県福岡市中央区天神1-8-1', 'outside_city'],
    ['中央区手取本町1-1', 'outside_city'],
    ['東京都熊本市中央区1-1', 'outside_city'],
    ['熊本県下益城郡城南町隈庄1', 'outside_city'],
    ['Tedori-honmachi 1-1, Chuo-ku, Kumamoto', 'outside_city'],
    ['', 'outside_city'],
    ['熊本市手取本町1-1', 'ward_missing'],
    ['熊本県熊本市', 'ward_missing'],
    ['熊本市中央区', 'address_incomplete'],
  ])('%s is refused: %s', (address, reason) => {
    expect(checkKumamotoCityAddress(address)).toEqual({ inCity: false, reason });
  });

  it('reads full-width, half-width and spaced forms alike', () => {
    const toFullWidth = (text: string) =>
      text.replace(/[0-9A-Za-z-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const rest = fc.stringMatching(/^[0-9A-Za-z-]{1,12}$/);
    fc.assert(
      fc.property(fc.constantFrom(...kumamotoWards), rest, fc.boolean(), (ward, tail, prefecture) => {
        const plain = `${prefecture ? '熊本県' : ''}熊本市${ward}本町${tail}`;
        const fancy = toFullWidth(plain).split('').join('\u3000');
        expect(checkKumamotoCityAddress(plain)).toEqual({ inCity: true, ward });
        expect(checkKumamotoCityAddress(fancy)).toEqual({ inCity: true, ward });
      }),
    );
  });
});
