import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { certificateVerificationUrl, type CertificateContent } from '@kumamoto/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity, createGroup } from '../../test/activity-factories.ts';
import { callerFor, createUser } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { CertificateFontMissingError, certificateFonts } from './fonts.ts';
import { renderCertificatePdf, renderPaperCertificatePdf } from './pdf.ts';
import { issueTestCertificate, type IssuedCertificate } from './test-support.ts';

/**
 * The certificate PDF read back the way a school's reader would (R-PT-10): poppler extracts the
 * Japanese text and renders the page, ZBar reads the QR code, and the page it points to
 * confirms the certificate. Glyphs are checked in the embedded subset fonts themselves.
 */
const run = promisify(execFile);
let test: TestApp;
let dir: string;
let hanako: IssuedCertificate;
let rare: IssuedCertificate;

beforeAll(async () => {
  test = await createTestApp();
  dir = await mkdtemp(join(tmpdir(), 'kumamoto-certificate-'));
  hanako = await issueTestCertificate(test, { holderName: '熊本 花子' });
  // 𠮷 (U+20BB7) is not in IPAex Gothic: the name must come out in the stand-in font, not as a box.
  rare = await issueTestCertificate(test, { holderName: '𠮷田 髙子', place: '﨑津の浜（熊本市西区）' });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await test?.close();
});

async function download(certificate: IssuedCertificate, lang: 'ja' | 'en'): Promise<Buffer> {
  const caller = await callerFor(test, certificate.userId);
  const response = await test.app.inject({
    method: 'GET',
    url: `/api/me/certificates/${certificate.serial}/pdf?lang=${lang}`,
    headers: caller.headers,
  });
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  return response.rawPayload;
}

let files = 0;
async function saved(pdf: Buffer): Promise<string> {
  const file = join(dir, `certificate-${++files}.pdf`);
  await writeFile(file, pdf);
  return file;
}

async function pdftotext(pdf: Buffer): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', await saved(pdf), '-']);
  return stdout;
}

/** The page as a PNG, and what poppler complained about while drawing it. */
async function pdftoppm(pdf: Buffer, dpi: number): Promise<{ png: Buffer; stderr: string }> {
  const file = await saved(pdf);
  const { stderr } = await run('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', file, file]);
  return { png: await readFile(`${file}.png`), stderr };
}

interface FontInfo {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

async function pdffonts(pdf: Buffer): Promise<FontInfo[]> {
  const { stdout } = await run('pdffonts', [await saved(pdf)]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID
      const [emb, sub] = columns.slice(-5, -3);
      return {
        name: columns[0] ?? '',
        type: columns.slice(1, -6).join(' '),
        embedded: emb === 'yes',
        subset: sub === 'yes',
      };
    });
}

describe('the certificate PDF read back with poppler (R-PT-10)', () => {
  it('says, in Japanese, who took part in what, when (和暦), for how long, where, and its serial', async () => {
    const text = await pdftotext(await download(hanako, 'ja'));
    const flat = text.replace(/\s+/g, '');
    for (const expected of [
      '活動証明書',
      '熊本花子',
      '【白川校区】白川河川敷の清掃活動',
      '白川校区まちづくり委員会',
      '令和7年6月1日（日）',
      '09:00〜11:30',
      '2時間30分',
      '白川河川敷（代継橋下）',
      hanako.serial,
      '発行日令和7年6月1日',
      '熊本市くまもとアプリ運営事務局',
      '参加したことを証明します',
    ])
      expect(flat).toContain(expected.replace(/\s+/g, ''));
  });

  it('says the same in English, the date written out', async () => {
    const text = (await pdftotext(await download(hanako, 'en'))).replace(/\s+/g, ' ');
    for (const expected of [
      'Certificate of Activity',
      '熊本 花子',
      'Sunday, 1 June 2025',
      '09:00–11:30 (JST)',
      '2 hours 30 minutes',
      'Kumamoto App Office, Kumamoto City',
      hanako.serial,
    ])
      expect(text).toContain(expected);
  });

  it('embeds its fonts, as subsets only', async () => {
    const fonts = await pdffonts(await download(hanako, 'ja'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
    }
    expect(fonts.map((font) => font.name.split('+')[1])).toContain('IPAexGothic');
    // Only what the page uses: a subset of a 4 MB font makes a PDF of tens of kilobytes.
    expect((await download(hanako, 'ja')).length).toBeLessThan(150_000);
  });

  it('draws every character of every field with a real glyph, a rare kanji included', async () => {
    for (const certificate of [hanako, rare]) {
      for (const lang of ['ja', 'en'] as const) {
        const pdf = await download(certificate, lang);
        const printed = Object.values(certificate.content).filter((value) => typeof value === 'string');
        expect(missingGlyphs(pdf, printed.join(''))).toEqual([]);
      }
    }
    const fonts = await pdffonts(await download(rare, 'ja'));
    expect(fonts.map((font) => font.name.split('+')[1])).toEqual(
      expect.arrayContaining(['IPAexGothic', 'NotoSansCJKjp-Regular']),
    );
  });

  it('would notice a character no font can draw (the glyph check can fail)', async () => {
    const content: CertificateContent = { ...hanako.content, holderName: 'テスト\u0378' };
    const pdf = await renderCertificatePdf(content, {
      locale: 'ja',
      verificationUrl: certificateVerificationUrl('http://localhost:3000', hanako.serial, new Uint8Array(64)),
    });
    expect(missingGlyphs(pdf, content.holderName)).toEqual(['\u0378']);
  });

  it('renders in poppler without complaint, and its QR code reads as the verification URL that confirms it', async () => {
    const { png, stderr } = await pdftoppm(await download(hanako, 'ja'), 150);
    expect(stderr).toBe('');
    const file = join(dir, 'page.png');
    await writeFile(file, png);
    const { stdout } = await run('zbarimg', ['--raw', '--quiet', file]);
    const url = stdout.trim();
    expect(url).toBe(
      certificateVerificationUrl(
        test.config.publicUrl,
        hanako.serial,
        new Uint8Array(Buffer.from(hanako.signature, 'base64url')),
      ),
    );
    const { pathname, searchParams } = new URL(url);
    const serial = pathname.split('/').pop() ?? '';
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/certificates/${serial}/verification?s=${searchParams.get('s') ?? ''}`,
    });
    expect(response.json()).toMatchObject({
      status: 'authentic',
      serial: hanako.serial,
      holderName: '熊本 花子',
    });
  });
});

describe('the paper form (R-PT-10)', () => {
  it('prints the activity and group, and leaves the person, serial and issue date blank', async () => {
    const { db } = test.database;
    const admin = await createUser(db, { identity: 'verified' });
    const { groupId } = await createGroup(db, { adminUserId: admin.id, name: '江津湖を守る会' });
    const { activityId } = await createActivity(db, groupId, {
      title: '江津湖の外来植物駆除',
      placeName: '江津湖公園（広木地区）',
      startsAt: new Date('2026-07-12T13:00:00+09:00'),
      endsAt: new Date('2026-07-12T15:00:00+09:00'),
    });
    const caller = await callerFor(test, admin.id);
    for (const lang of ['ja', 'en'] as const) {
      const response = await test.app.inject({
        method: 'GET',
        url: `/api/organizer/activities/${activityId}/paper-certificate.pdf?lang=${lang}`,
        headers: caller.headers,
      });
      expect(response.statusCode).toBe(200);
      const text = (await pdftotext(response.rawPayload)).replace(/\s+/g, '');
      const expected =
        lang === 'ja'
          ? [
              '活動証明書',
              '江津湖の外来植物駆除',
              '江津湖を守る会',
              '令和8年7月12日（日）',
              '13:00〜15:00',
              '整理番号',
              '代表者',
            ]
          : ['CertificateofActivity', '江津湖の外来植物駆除', 'Sunday,12July2026', 'Representative'];
      for (const part of expected) expect(text).toContain(part);
      expect(text).not.toMatch(/KMA-\d{4}/);
      expect(
        missingGlyphs(response.rawPayload, '江津湖の外来植物駆除江津湖を守る会江津湖公園（広木地区）'),
      ).toEqual([]);
    }
  });

  it('leaves the date blank for an activity without one yet', async () => {
    const pdf = await renderPaperCertificatePdf(
      {
        activityTitle: '下書きの活動',
        groupName: '白川校区まちづくり委員会',
        place: '',
        startsAt: null,
        endsAt: null,
      },
      { locale: 'ja' },
    );
    const text = (await pdftotext(pdf)).replace(/\s+/g, '');
    expect(text).toContain('下書きの活動');
    expect(text).not.toContain('令和8年');
  });
});

describe('fonts', () => {
  it('refuses a configured font file that does not exist, saying what to do', () => {
    expect(() => certificateFonts('/nonexistent/font.ttf')).toThrow(CertificateFontMissingError);
    expect(() => certificateFonts('/nonexistent/font.ttf')).toThrow(
      /CERTIFICATE_FONT_FILE.*\/nonexistent\/font\.ttf/,
    );
  });

  it('takes a configured TrueType font first', () => {
    const [first] = certificateFonts('/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf');
    expect(first?.path).toBe('/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf');
  });
});

// — Reading the PDF's fonts —

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

/** The objects of an uncrypted PDF as pdfkit writes it (no object streams), streams inflated. */
function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const streamAt = text.indexOf('stream', start);
    const endAt = text.indexOf('endobj', start);
    if (streamAt < 0 || endAt < streamAt) {
      objects.set(Number(match[1]), { dict: text.slice(start, endAt), stream: null });
      header.lastIndex = endAt;
      continue;
    }
    const dict = text.slice(start, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
    let dataAt = streamAt + 'stream'.length;
    if (text[dataAt] === '\r') dataAt++;
    if (text[dataAt] === '\n') dataAt++;
    const raw = pdf.subarray(dataAt, dataAt + length);
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    header.lastIndex = dataAt + length;
  }
  return objects;
}

function reference(dict: string, key: string): number | null {
  const found = new RegExp(`/${key}\\s*\\[?\\s*(\\d+) 0 R`).exec(dict);
  return found ? Number(found[1]) : null;
}

/** CID → text, from a ToUnicode CMap as pdfkit writes it (bfrange with arrays, UTF-16BE). */
function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]+)> <([0-9a-f]+)> \[([^\]]*)\]/gi)) {
    const first = parseInt(range[1] ?? '0', 16);
    const values = [...(range[3] ?? '').matchAll(/<([^>]*)>/g)].map((value) => value[1] ?? '');
    values.forEach((hex, i) => {
      const units = hex
        .replace(/\s+/g, '')
        .match(/.{4}/g)
        ?.map((unit) => parseInt(unit, 16));
      map.set(first + i, units ? String.fromCharCode(...units) : '');
    });
  }
  return map;
}

/** Whether glyph `gid` of a TrueType font has an outline (glyf data with contours). */
function trueTypeHasOutline(font: Buffer, gid: number): boolean {
  const tables = new Map<string, number>();
  for (let i = 0; i < font.readUInt16BE(4); i++)
    tables.set(font.toString('latin1', 12 + 16 * i, 16 + 16 * i), font.readUInt32BE(20 + 16 * i));
  const [head, loca, glyf] = [tables.get('head'), tables.get('loca'), tables.get('glyf')];
  if (head === undefined || loca === undefined || glyf === undefined) return false;
  const long = font.readInt16BE(head + 50) === 1;
  const offset = (i: number) =>
    long ? font.readUInt32BE(loca + 4 * i) : font.readUInt16BE(loca + 2 * i) * 2;
  const [start, end] = [offset(gid), offset(gid + 1)];
  return end > start && font.readInt16BE(glyf + start) !== 0;
}

/**
 * The characters of `text` the PDF does not draw with a real glyph: a character counts as drawn
 * when some embedded font maps a non-zero glyph to it (pdfkit sets a character the font lacks
 * as glyph 0, .notdef, the empty box) and, for TrueType subsets, that glyph has an outline.
 */
function missingGlyphs(pdf: Buffer, text: string): string[] {
  const objects = pdfObjects(pdf);
  const drawn = new Set<string>();
  for (const object of objects.values()) {
    if (!/\/Subtype \/Type0/.test(object.dict)) continue;
    const cmapRef = reference(object.dict, 'ToUnicode');
    const descendantRef = reference(object.dict, 'DescendantFonts');
    const cmap = cmapRef === null ? null : objects.get(cmapRef)?.stream?.toString('latin1');
    const descendant = descendantRef === null ? null : objects.get(descendantRef)?.dict;
    const descriptorRef = descendant ? reference(descendant, 'FontDescriptor') : null;
    const descriptor = descriptorRef === null ? null : objects.get(descriptorRef)?.dict;
    if (!cmap || !descriptor) continue;
    const trueTypeRef = reference(descriptor, 'FontFile2');
    const trueType = trueTypeRef === null ? null : objects.get(trueTypeRef)?.stream;
    const hasCff = reference(descriptor, 'FontFile3') !== null;
    for (const [cid, chars] of toUnicode(cmap)) {
      if (cid === 0) continue;
      if (trueType ? trueTypeHasOutline(trueType, cid) || chars.trim() === '' : hasCff) drawn.add(chars);
    }
  }
  return [...new Set(text)].filter((char) => char.trim() !== '' && !drawn.has(char));
}
