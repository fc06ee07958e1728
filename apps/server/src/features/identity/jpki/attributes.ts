import type { IsoDate } from '@kumamoto/domain';
import { AsnParser } from '@peculiar/asn1-schema';
import { SubjectAlternativeName, id_ce_subjectAltName, type Certificate } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { refuse, type JpkiAttributeField, type JpkiResult } from './failures.ts';
import { looksLikeIndividualNumber } from '@kumamoto/domain';

/**
 * The JPKI signature certificate carries the four identity items (基本4情報, R-ID-1) as
 * subjectAltName otherName entries under the arc 1.2.392.200149.8.5.5 (jpki-personalData).
 * This table is the one place that maps them.
 *
 * Sources (public copies; the primary is J-LIS 「署名用電子証明書及び利用者証明用電子証明書の
 * プロファイル仕様書」, which we could not read here, so treat these as confirmed by
 * agreement, not by the original):
 * - kjur/jsrsasign-oid-jpki lib/index.js names .1 commonName, .2 substituteCharacterOfCommonName,
 *   .3 gender, .4 dateOfBirth, .5 address, .6 substituteCharacterOfAddress, and its README dumps a
 *   real-shaped SAN: otherName value = [0] EXPLICIT UTF8String, e.g. '山田\u3000太郎', '319801231', '1'.
 * - PocketSign Verify API docs (docs.p8n.app) name the same six fields, defer their format to
 *   J-LIS profile spec 3.1 §2.1.1 (subjectAltName), and a published mock response from that API
 *   shows gender "2", dateOfBirth "118991201", substituteCharacterOfAddress "0000…".
 * - Independent readers agree (a Swift verifier citing J-LIS profile spec 3.2, Java and Python
 *   card readers): the birth date is one era digit then the Gregorian date (GYYYYMMDD), gender
 *   '1' = male, '2' = female, and a substitute-character entry is a string of '0'/'1' flags as
 *   long as the text, '1' where the card shows a substitute for a character (代替文字, 外字).
 * Not confirmed: any gender code beyond '1' and '2'. We read '3' as unspecified and refuse
 * anything else, so an unexpected code is noticed rather than guessed.
 */
export const jpkiOtherNames = [
  { oid: '1.2.392.200149.8.5.5.1', field: 'name', required: true }, // 氏名
  { oid: '1.2.392.200149.8.5.5.2', field: 'nameSubstitutes', required: false }, // 氏名代替文字の使用位置
  { oid: '1.2.392.200149.8.5.5.3', field: 'gender', required: true }, // 性別
  { oid: '1.2.392.200149.8.5.5.4', field: 'birthDate', required: true }, // 生年月日
  { oid: '1.2.392.200149.8.5.5.5', field: 'address', required: true }, // 住所
  { oid: '1.2.392.200149.8.5.5.6', field: 'addressSubstitutes', required: false }, // 住所代替文字の使用位置
] as const satisfies readonly { oid: string; field: JpkiAttributeField; required: boolean }[];

export type Gender = 'male' | 'female' | 'unspecified';
const genders: Readonly<Record<string, Gender>> = { '1': 'male', '2': 'female', '3': 'unspecified' };

export interface JpkiAttributes {
  /** As on the card, e.g. '熊本\u3000花子' (an ideographic space, U+3000, between the names). */
  name: string;
  address: string;
  birthDate: IsoDate;
  gender: Gender;
  /** Whether the card shows a substitute for some character (外字), so the text is not exact. */
  substituted: { name: boolean; address: boolean };
}

const maxTextLength = 256;

/** Reads and checks the four identity items from a parsed certificate. */
export function readJpkiAttributes(certificate: Certificate): JpkiResult<{ attributes: JpkiAttributes }> {
  const collected = collectOtherNames(certificate);
  if (!collected.ok) return collected;
  const raw = collected.values;
  for (const { field, required } of jpkiOtherNames) {
    if (required && raw.get(field) === undefined) return refuse('attribute_missing', field);
  }
  // R-ID-3 applies to the four items we keep. The substitute entries are 0/1 flag strings as
  // long as the text (often 12+ digits); they are reduced to a boolean and never stored.
  for (const field of ['name', 'address', 'birthDate', 'gender'] as const) {
    if (looksLikeIndividualNumber(raw.get(field) ?? '')) return refuse('individual_number_suspected', field);
  }
  const name = text(raw.get('name'));
  if (name === undefined) return refuse('attribute_malformed', 'name');
  const address = text(raw.get('address'));
  if (address === undefined) return refuse('attribute_malformed', 'address');
  const birthDate = parseBirthDate(raw.get('birthDate') ?? '');
  if (birthDate === undefined) return refuse('attribute_malformed', 'birthDate');
  const gender = genders[raw.get('gender') ?? ''];
  if (gender === undefined) return refuse('attribute_malformed', 'gender');
  const nameSubstituted = flags(raw.get('nameSubstitutes'));
  if (nameSubstituted === undefined) return refuse('attribute_malformed', 'nameSubstitutes');
  const addressSubstituted = flags(raw.get('addressSubstitutes'));
  if (addressSubstituted === undefined) return refuse('attribute_malformed', 'addressSubstitutes');
  return {
    ok: true,
    attributes: {
      name,
      address,
      birthDate,
      gender,
      substituted: { name: nameSubstituted, address: addressSubstituted },
    },
  };
}

/** 'GYYYYMMDD': an era digit (redundant with the year, so ignored) then the Gregorian date. */
export function parseBirthDate(value: string): IsoDate | undefined {
  const match = /^[0-9]([0-9]{4})([0-9]{2})([0-9]{2})$/.exec(value);
  if (!match) return undefined;
  const [, year = '', month = '', day = ''] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Round-tripping catches 00 and out-of-range parts: an unknown date is refused, not guessed.
  const iso = `${year}-${month}-${day}`;
  return Number(year) >= 1868 && date.toISOString().slice(0, 10) === iso ? (iso as IsoDate) : undefined;
}

function collectOtherNames(
  certificate: Certificate,
): JpkiResult<{ values: Map<JpkiAttributeField, string> }> {
  const sans = (certificate.tbsCertificate.extensions ?? []).filter((e) => e.extnID === id_ce_subjectAltName);
  const [extension] = sans;
  if (extension === undefined) return refuse('attribute_missing', 'name');
  if (sans.length > 1) return refuse('attribute_malformed');
  let names: SubjectAlternativeName;
  try {
    names = AsnParser.parse(extension.extnValue, SubjectAlternativeName);
  } catch {
    return refuse('attribute_malformed');
  }
  const values = new Map<JpkiAttributeField, string>();
  for (const { otherName } of names) {
    const row = jpkiOtherNames.find((r) => r.oid === otherName?.typeId);
    if (row === undefined || otherName === undefined) continue;
    const value = decodeUtf8String(otherName.value);
    if (value === undefined || values.has(row.field)) return refuse('attribute_malformed', row.field);
    values.set(row.field, value);
  }
  return { ok: true, values };
}

/** The value is exactly one DER UTF8String holding valid UTF-8. */
function decodeUtf8String(der: ArrayBuffer): string | undefined {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset !== der.byteLength || !(parsed.result instanceof asn1js.Utf8String)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(parsed.result.valueBlock.valueHexView);
  } catch {
    return undefined;
  }
}

function text(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === '' || value.length > maxTextLength) return undefined;
  return /\p{Cc}/u.test(value) ? undefined : value;
}

function flags(value: string | undefined): boolean | undefined {
  if (value === undefined) return false;
  return /^[01]*$/.test(value) ? value.includes('1') : undefined;
}
