import fc from 'fast-check';
import * as asn1js from 'asn1js';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpkiOtherNames, parseBirthDate, readJpkiAttributes } from './attributes.ts';
import { parseCertificate } from './certificate.ts';
import {
  hanako,
  jpkiAttributes,
  makeCertificate,
  rsaKeyPair,
  utf8,
  type CardHolder,
  type KeyPair,
} from './test-pki.ts';

let key: KeyPair;
beforeAll(async () => {
  key = await rsaKeyPair();
});

function read(otherNames: readonly (readonly [string, Uint8Array])[] | undefined) {
  const der = makeCertificate({
    subject: 'card',
    issuer: 'CA',
    publicKey: key.publicKey,
    signingKey: key.privateKey,
    serial: 7,
    notBefore: new Date('2026-01-01'),
    notAfter: new Date('2030-01-01'),
    ...(otherNames === undefined ? {} : { otherNames }),
  });
  const parsed = parseCertificate(der);
  if (!parsed) throw new Error('test certificate does not parse');
  return readJpkiAttributes(parsed.asn);
}
const readHolder = (holder: CardHolder) => read(jpkiAttributes(holder));

describe('the JPKI otherName table', () => {
  it('maps the six OIDs of the arc 1.2.392.200149.8.5.5, each once', () => {
    expect(jpkiOtherNames.map((row) => row.oid)).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => `1.2.392.200149.8.5.5.${n}`),
    );
    expect(jpkiOtherNames.filter((row) => row.required).map((row) => row.field)).toEqual([
      'name',
      'gender',
      'birthDate',
      'address',
    ]);
  });
});

describe('readJpkiAttributes', () => {
  it('reads the four items in Japanese, dates in ISO and gender as a word', () => {
    expect(readHolder(hanako)).toEqual({
      ok: true,
      attributes: {
        name: '熊本\u3000花子',
        address: '熊本県熊本市中央区手取本町1番1号',
        birthDate: '1990-04-01',
        gender: 'female',
        substituted: { name: false, address: false },
      },
    });
  });

  it.each([
    ['1', 'male'],
    ['2', 'female'],
    ['3', 'unspecified'],
  ])('reads gender %s as %s', (code, gender) => {
    const result = readHolder({ ...hanako, gender: code });
    expect(result.ok && result.attributes.gender).toBe(gender);
  });

  it.each(['0', '9', 'F', '女', ''])('refuses the unknown gender code %j', (code) => {
    expect(readHolder({ ...hanako, gender: code })).toMatchObject({
      reason: 'attribute_malformed',
      field: 'gender',
    });
  });

  it.each(['name', 'gender', 'birthDate', 'address'] as const)(
    'refuses a certificate without %s',
    (field) => {
      expect(readHolder({ ...hanako, [field]: undefined })).toEqual({
        ok: false,
        reason: 'attribute_missing',
        field,
      });
    },
  );

  it('refuses a certificate with no subjectAltName at all', () => {
    expect(read(undefined)).toMatchObject({ ok: false, reason: 'attribute_missing' });
  });

  it('reads the substitute-character flags, absent meaning none', () => {
    const flagged = readHolder({ ...hanako, nameSubstitutes: '01000' });
    expect(flagged.ok && flagged.attributes.substituted).toEqual({ name: true, address: false });
    const absent = readHolder({ ...hanako, nameSubstitutes: undefined, addressSubstitutes: undefined });
    expect(absent.ok && absent.attributes.substituted).toEqual({ name: false, address: false });
    expect(readHolder({ ...hanako, addressSubstitutes: '0x0' })).toMatchObject({
      field: 'addressSubstitutes',
    });
  });

  it('does not mistake a long flag string (as long as the address) for an individual number', () => {
    expect(readHolder({ ...hanako, addressSubstitutes: '0'.repeat(25) }).ok).toBe(true);
  });

  it.each([
    ['address', { address: '熊本市中央区 123456789012' }],
    ['address', { address: '熊本市中央区１２３４－５６７８－９０１２' }],
    ['name', { name: '熊本 1234 5678 9012' }],
  ] as const)('refuses a %s that carries a 12-digit number (R-ID-3)', (field, change) => {
    expect(readHolder({ ...hanako, ...change })).toEqual({
      ok: false,
      reason: 'individual_number_suspected',
      field,
    });
  });

  it('refuses a repeated attribute', () => {
    const twice = [...jpkiAttributes(hanako), ['1.2.392.200149.8.5.5.1', utf8('別人')] as const];
    expect(read(twice)).toMatchObject({ reason: 'attribute_malformed', field: 'name' });
  });

  it('refuses a value that is not a UTF8String or not valid UTF-8', () => {
    const printable = new Uint8Array(new asn1js.PrintableString({ value: 'Kumamoto' }).toBER());
    const withName = (value: Uint8Array) =>
      jpkiAttributes(hanako).map(([oid, v]) => [oid, oid.endsWith('.1') ? value : v] as const);
    expect(read(withName(printable))).toMatchObject({ reason: 'attribute_malformed', field: 'name' });
    expect(read(withName(Uint8Array.from([0x0c, 0x02, 0xc3, 0x28])))).toMatchObject({ field: 'name' });
    expect(readHolder({ ...hanako, name: '熊本\u0000花子' })).toMatchObject({
      reason: 'attribute_malformed',
    });
  });
});

describe('parseBirthDate (GYYYYMMDD)', () => {
  it('reads any real calendar date, ignoring the era digit', () => {
    const dates = fc.date({ min: new Date('1868-01-01'), max: new Date('2099-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), dates, (era, date) => {
        const iso = date.toISOString().slice(0, 10);
        expect(parseBirthDate(`${era}${iso.replaceAll('-', '')}`)).toBe(iso);
      }),
    );
  });

  it.each([
    '419900001',
    '419900400',
    '419900231',
    '41990041',
    '4199004011',
    '4１９９００４０１',
    '318000101',
    '',
  ])('refuses %j (unknown, impossible or badly shaped)', (value) => {
    expect(parseBirthDate(value)).toBeUndefined();
  });
});
