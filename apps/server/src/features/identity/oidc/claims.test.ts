import { describe, expect, it } from 'vitest';
import {
  cardIdentityFromClaims,
  hasIdentityClaims,
  pickIdentityClaims,
  refuseIndividualNumbers,
} from './claims.ts';

const claims = {
  name: '肥後 太郎',
  address: { formatted: '熊本県熊本市北区龍田1丁目5番2号' },
  birthdate: '1996-04-12',
  gender: 'male',
};
const card = {
  name: '肥後 太郎',
  address: '熊本県熊本市北区龍田1丁目5番2号',
  birthDate: '1996-04-12',
  gender: 'male',
};

describe('cardIdentityFromClaims: the four items from standard claims (R-ID-1)', () => {
  it('reads name, address.formatted, birthdate and gender', () => {
    expect(cardIdentityFromClaims(claims)).toEqual(card);
  });

  it('takes an address sent as a plain string', () => {
    expect(cardIdentityFromClaims({ ...claims, address: card.address })).toEqual(card);
  });

  it('joins region, locality and street when `formatted` is missing', () => {
    const address = {
      region: '熊本県',
      locality: '熊本市北区',
      street_address: '龍田1丁目5番2号',
      postal_code: '861-8006',
    };
    expect(cardIdentityFromClaims({ ...claims, address })).toEqual(card);
  });

  it.each([
    ['female', 'female'],
    ['1', 'male'],
    ['2', 'female'],
    ['3', 'unspecified'],
    [' Male ', 'male'],
  ])('reads gender %j as %s', (gender, expected) => {
    expect(cardIdentityFromClaims({ ...claims, gender }).gender).toBe(expected);
  });

  it.each([
    ['no name', { name: undefined }],
    ['an empty name', { name: '  ' }],
    ['a name over 100 characters', { name: 'あ'.repeat(101) }],
    ['no address', { address: undefined }],
    ['an address object without any usable part', { address: { country: 'JP' } }],
    ['a birth date without the year', { birthdate: '0000-04-12' }],
    ['a year only', { birthdate: '1996' }],
    ['an impossible date', { birthdate: '1996-02-30' }],
    ['an unknown gender', { gender: 'x' }],
    ['no gender', { gender: undefined }],
  ])('refuses %s as card_claims_incomplete', (_what, change) => {
    expect(() => cardIdentityFromClaims({ ...claims, ...change })).toThrow(
      expect.objectContaining({ code: 'card_claims_incomplete' }),
    );
  });
});

describe('hasIdentityClaims', () => {
  it('is true only when all four are present (else userinfo is asked)', () => {
    expect(hasIdentityClaims(claims)).toBe(true);
    expect(hasIdentityClaims({ sub: 'a', name: '肥後 太郎' })).toBe(false);
    expect(hasIdentityClaims(undefined)).toBe(false);
  });
});

describe('pickIdentityClaims', () => {
  it('takes each item from the ID token, and from userinfo only where the token lacks it', () => {
    const idToken = { sub: 'a', iss: 'https://card.example', name: 'ID トークン', birthdate: '1996-04-12' };
    const userinfo = {
      sub: 'a',
      name: 'userinfo',
      address: '熊本市',
      birthdate: '2000-01-01',
      gender: 'male',
      extra: 'x',
    };
    expect(pickIdentityClaims(idToken, userinfo)).toEqual({
      name: 'ID トークン',
      address: '熊本市',
      birthdate: '1996-04-12',
      gender: 'male',
    });
  });

  it('keeps only the four claims, with nothing from userinfo when there is none', () => {
    expect(pickIdentityClaims(claims, undefined)).toEqual(claims);
    expect(pickIdentityClaims({ sub: 'a' }, undefined)).toEqual({
      name: undefined,
      address: undefined,
      birthdate: undefined,
      gender: undefined,
    });
  });
});

describe('refuseIndividualNumbers (R-ID-3)', () => {
  it.each([
    ['an extra claim', { individual_number: '123456789012' }],
    ['a grouped number in the address', { address: { formatted: '熊本市 1234-5678-9012' } }],
    ['full-width digits in the name', { name: '肥後 １２３４５６７８９０１２' }],
    ['a number value', { my_number: 123456789012 }],
    ['a nested array', { extra: { values: ['a', '1234 5678 9012'] } }],
  ])('refuses %s', (_what, extra) => {
    expect(() => refuseIndividualNumbers({ ...claims, ...extra })).toThrow(
      expect.objectContaining({ code: 'individual_number_refused' }),
    );
  });

  it('checks every claim set it is given', () => {
    expect(() => refuseIndividualNumbers(claims, { note: '123456789012' })).toThrow(
      expect.objectContaining({ code: 'individual_number_refused' }),
    );
  });

  it('leaves protocol claims alone: a long numeric subject or times are not personal numbers', () => {
    expect(() =>
      refuseIndividualNumbers({
        ...claims,
        sub: '109876543210987654321',
        iat: 1_780_000_000,
        auth_time: 1_780_000_000,
      }),
    ).not.toThrow();
  });

  it('accepts ordinary addresses with house numbers', () => {
    expect(() =>
      refuseIndividualNumbers({ ...claims, address: { formatted: '熊本市中央区水前寺6丁目18番1号 101' } }),
    ).not.toThrow();
  });
});
