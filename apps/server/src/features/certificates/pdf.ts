import { certificateDisplay, jstDate, type CertificateContent, type Locale } from '@kumamoto/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { certificateFonts, type LoadedFont } from './fonts.ts';

/**
 * The activity certificate as an A4 PDF (R-PT-10, issue 6 part 4), in Japanese or English, and
 * the blank paper form organizers keep for the day the app cannot issue one (part 5). Both
 * share one layout, so the paper form looks like the certificate it stands in for.
 *
 * The text is set in a real Japanese font, embedded as a subset (see fonts.ts); every string
 * is checked against the font's glyphs and set in a stand-in font when the first one lacks a
 * character, so a rare kanji in a name never prints as an empty box.
 */
export interface CertificatePdfOptions {
  locale: Locale;
  /** What the QR code encodes: `certificateVerificationUrl(publicUrl, serial, signature)`. */
  verificationUrl: string;
  /** CERTIFICATE_FONT_FILE; null: the first of the known system fonts. */
  fontFile?: string | null;
}

/** What an organizer's paper form prints in advance; everything about the person is left blank. */
export interface PaperFormContent {
  activityTitle: string;
  groupName: string;
  place: string;
  /** A draft may not have its date yet: then the date and time lines are left blank too. */
  startsAt: Date | null;
  endsAt: Date | null;
}

export interface PaperFormOptions {
  locale: Locale;
  fontFile?: string | null;
}

/** The issuer, as the guide names the city's office (FAQ, 問い合わせ先). */
const issuer = {
  ja: { name: '熊本市　くまもとアプリ運営事務局', note: '（くまもとアプリにより電子的に発行）' },
  en: { name: 'Kumamoto App Office, Kumamoto City', note: '(issued electronically by the Kumamoto App)' },
} as const;

const texts = {
  ja: {
    title: '活動証明書',
    subtitle: '',
    serial: '証明書番号',
    paperSerial: '整理番号',
    issuedOn: '発行日',
    honorific: '様',
    nameLabel: '氏名',
    statement: '上記の方が、下記の地域活動・ボランティア活動に参加したことを証明します。',
    note: '記',
    end: '以上',
    rows: {
      activity: '活動名',
      group: '主催団体',
      date: '活動日',
      time: '実施時間',
      duration: '活動時間',
      place: '活動場所',
    },
    blankDuration: '　　　　時間　　　　分',
    blankDate: '令和　　　年　　　月　　　日',
    electronic:
      'この証明書は、活動当日に主催団体が提示した二次元コードを参加者が読み取ったことにより、くまもとアプリで電子的に発行されたものです。このため押印を省略しています。',
    verifyHeading: 'この証明書の確認方法',
    verifyBody:
      '左の二次元コードをスマートフォンで読み取ると、熊本市の確認ページで、この証明書が本物であり、内容が変更されていないことを確認できます。',
    verifyTyped: '読み取れない場合は、次のページで証明書番号と氏名を入力してください。',
    paperIssuerLabel: '証明者（主催団体）',
    representative: '代表者',
    seal: '印',
    paperHeading: 'この様式について',
    paperBody:
      'くまもとアプリで活動証明書を発行できなかった参加者に、主催団体が記入・押印して交付する紙の様式です。この様式は二次元コードで確認できません。内容についての問い合わせは主催団体が受けてください。',
    paperTitle: (activity: string) => `紙の活動証明書（${activity}）`,
  },
  en: {
    title: 'Certificate of Activity',
    subtitle: 'Community and volunteer activities in Kumamoto City',
    serial: 'Certificate No.',
    paperSerial: 'Reference No.',
    issuedOn: 'Issued on',
    honorific: '',
    nameLabel: 'Name',
    statement:
      'This is to certify that the person named above took part in the community / volunteer activity described below.',
    note: '',
    end: '',
    rows: {
      activity: 'Activity',
      group: 'Organized by',
      date: 'Date',
      time: 'Time',
      duration: 'Duration',
      place: 'Place',
    },
    blankDuration: '          hours          minutes',
    blankDate: 'Day            Month                    Year',
    electronic:
      'This certificate was issued electronically by the Kumamoto App when the participant scanned the code shown by the organizer on the day of the activity. It therefore bears no seal.',
    verifyHeading: 'How to verify this certificate',
    verifyBody:
      "Scan the QR code on the left with a smartphone: Kumamoto City's verification page confirms that this certificate is authentic and unchanged.",
    verifyTyped:
      "If the code cannot be scanned, open this page and enter the certificate number and the holder's name:",
    paperIssuerLabel: 'Certified by (organizer)',
    representative: 'Representative',
    seal: 'Seal',
    paperHeading: 'About this form',
    paperBody:
      'A paper form the organizer fills in, seals and hands to a participant whose certificate the Kumamoto App could not issue. It cannot be verified by QR code; questions about it go to the organizer.',
    paperTitle: (activity: string) => `Paper certificate of activity (${activity})`,
  },
} as const;

/** A line of the sheet: its label and value; a null value is a line to write on by hand. */
interface Row {
  label: string;
  value: string | null;
  /** Printed faintly on the blank line (units to fill in around). */
  blankHint?: string;
}

interface Sheet {
  locale: Locale;
  documentTitle: string;
  serialLabel: string;
  serial: string | null;
  holderName: string | null;
  rows: Row[];
  issuedOn: string | null;
  issuedAt: Date;
  footer:
    { kind: 'verification'; qr: QRCode.BitMatrix; typedUrl: string } | { kind: 'paper'; groupName: string };
}

/** Renders one certificate (the bench times this). */
export async function renderCertificatePdf(
  content: CertificateContent,
  options: CertificatePdfOptions,
): Promise<Buffer> {
  const { locale } = options;
  const t = texts[locale];
  const display = certificateDisplay(content, locale);
  const qr = QRCode.create(options.verificationUrl, { errorCorrectionLevel: 'M' }).modules;
  const verifyUrl = new URL(options.verificationUrl);
  return renderSheet(
    {
      locale,
      documentTitle: `${t.title} ${content.serial}`,
      serialLabel: t.serial,
      serial: content.serial,
      holderName: content.holderName,
      rows: [
        { label: t.rows.activity, value: content.activityTitle },
        { label: t.rows.group, value: content.groupName },
        { label: t.rows.date, value: withWeekday(display.date, content.startsAt, locale) },
        { label: t.rows.time, value: display.time },
        { label: t.rows.duration, value: display.duration },
        { label: t.rows.place, value: content.place },
      ],
      issuedOn: display.issuedOn,
      issuedAt: content.issuedAt,
      footer: {
        kind: 'verification',
        qr,
        typedUrl: `${verifyUrl.origin}${verifyUrl.pathname}`,
      },
    },
    options.fontFile ?? null,
  );
}

/** The blank paper form for one activity (R-PT-10): activity and group printed, the rest by hand. */
export async function renderPaperCertificatePdf(
  form: PaperFormContent,
  options: PaperFormOptions,
): Promise<Buffer> {
  const { locale } = options;
  const t = texts[locale];
  const display =
    form.startsAt && form.endsAt && form.endsAt > form.startsAt
      ? certificateDisplay(
          {
            ...form,
            startsAt: form.startsAt,
            endsAt: form.endsAt,
            serial: '',
            holderName: '',
            issuedAt: form.startsAt,
          },
          locale,
        )
      : null;
  return renderSheet(
    {
      locale,
      documentTitle: t.paperTitle(form.activityTitle),
      serialLabel: t.paperSerial,
      serial: null,
      holderName: null,
      rows: [
        { label: t.rows.activity, value: form.activityTitle },
        { label: t.rows.group, value: form.groupName },
        {
          label: t.rows.date,
          value: display && form.startsAt ? withWeekday(display.date, form.startsAt, locale) : null,
          blankHint: t.blankDate,
        },
        { label: t.rows.time, value: display?.time ?? null },
        { label: t.rows.duration, value: null, blankHint: t.blankDuration },
        { label: t.rows.place, value: form.place || null },
      ],
      issuedOn: null,
      issuedAt: new Date(),
      footer: { kind: 'paper', groupName: form.groupName },
    },
    options.fontFile ?? null,
  );
}

const weekdays = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;

/** 令和7年6月1日（日） / Sunday, 1 June 2025: the JST weekday of the activity's start. */
function withWeekday(date: string, startsAt: Date, locale: Locale): string {
  const weekday = weekdays[locale][new Date(`${jstDate(startsAt)}T00:00:00Z`).getUTCDay()] ?? '';
  return locale === 'ja' ? `${date}（${weekday}）` : `${weekday}, ${date}`;
}

// A4 in points, and the layout's measures.
const page = { width: 595.28, height: 841.89 };
const left = 76;
const right = page.width - 76;
const width = right - left;
const ink = '#1a1a1a';
const frame = '#1f3a63';
const faint = '#5c5c5c';

/** fontkit's face behind a pdfkit font: the glyph check needs it, and pdfkit takes it back as a source. */
interface Face {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

const faces = new WeakMap<LoadedFont, Face>();

/**
 * The parsed font, once per process: parsing a CJK font (Noto's collection is 19 MB) for every
 * certificate would cost more than the rest of the PDF. pdfkit makes a subset per document.
 */
function faceOf(font: LoadedFont): Face {
  let face = faces.get(font);
  if (!face) {
    const scratch = new PDFDocument({ autoFirstPage: false, font: '' });
    if (font.postscriptName) scratch.registerFont('face', font.bytes(), font.postscriptName);
    else scratch.registerFont('face', font.bytes());
    const parsed = (scratch.font('face') as unknown as { _font?: { font?: Partial<Face> } })._font?.font;
    if (typeof parsed?.hasGlyphForCodePoint !== 'function' || typeof parsed.layout !== 'function')
      throw new Error('pdfkit no longer exposes the embedded font face: update certificates/pdf.ts');
    face = parsed as Face;
    faces.set(font, face);
  }
  return face;
}

/** Sets text in the first font that has a glyph for every character (see fonts.ts). */
class Typesetter {
  readonly doc: PDFKit.PDFDocument;
  private readonly fonts: LoadedFont[];
  /** pdfkit's name of each font registered in this document so far, by index in `fonts`. */
  private readonly names = new Map<number, string>();

  constructor(doc: PDFKit.PDFDocument, fonts: LoadedFont[]) {
    this.doc = doc;
    this.fonts = fonts;
  }

  /** Selects the font for `text` (and returns the doc, for measuring or drawing). */
  use(text: string, size: number): PDFKit.PDFDocument {
    const codePoints = [...text].filter((char) => char !== '\n').map((char) => char.codePointAt(0) ?? 0);
    // Stand-ins are parsed only when the certificate's own font lacks a character.
    const index = this.fonts.findIndex((font) => {
      const face = faceOf(font);
      return codePoints.every((codePoint) => face.hasGlyphForCodePoint(codePoint));
    });
    return this.doc.font(this.nameOf(Math.max(index, 0))).fontSize(size);
  }

  private nameOf(index: number): string {
    let name = this.names.get(index);
    const font = this.fonts[index];
    if (!name && font) {
      name = `certificate-${index}`;
      this.doc.registerFont(name, faceOf(font) as unknown as PDFKit.Mixins.PDFFontSource);
      this.names.set(index, name);
    }
    if (!name) throw new Error('no certificate font');
    return name;
  }

  height(text: string, size: number, options: PDFKit.Mixins.TextOptions): number {
    return this.use(text, size).heightOfString(text, options);
  }

  widthOf(text: string, size: number, options: PDFKit.Mixins.TextOptions = {}): number {
    return this.use(text, size).widthOfString(text, options);
  }

  /** Draws text; `bold` strokes the outline as well, as the font has one weight only. */
  draw(
    text: string,
    x: number,
    y: number,
    size: number,
    options: PDFKit.Mixins.TextOptions & { bold?: boolean; color?: string } = {},
  ): number {
    const { bold = false, color = ink, ...rest } = options;
    const doc = this.use(text, size);
    doc
      .fillColor(color)
      .strokeColor(color)
      .lineWidth(size * 0.035);
    const height = doc.heightOfString(text, rest);
    doc.text(text, x, y, { lineBreak: rest.width !== undefined, ...rest, fill: true, stroke: bold });
    return height;
  }
}

async function renderSheet(sheet: Sheet, fontFile: string | null): Promise<Buffer> {
  const fonts = certificateFonts(fontFile);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    // No default Helvetica: pdfkit would parse its metrics for every document, and it is never used.
    font: '',
    autoFirstPage: true,
    pdfVersion: '1.7',
    lang: sheet.locale === 'ja' ? 'ja-JP' : 'en-GB',
    displayTitle: true,
    info: {
      Title: sheet.documentTitle,
      Author: issuer[sheet.locale].name,
      Subject: texts[sheet.locale].title,
      Creator: 'くまもとアプリ / Kumamoto App',
      CreationDate: sheet.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const type = new Typesetter(doc, fonts);
  drawSheet(type, sheet);
  doc.end();
  return done;
}

function drawSheet(type: Typesetter, sheet: Sheet): void {
  const { doc } = type;
  const t = texts[sheet.locale];
  const ja = sheet.locale === 'ja';

  // A double frame, as on printed certificates.
  doc
    .lineWidth(2.4)
    .strokeColor(frame)
    .rect(30, 30, page.width - 60, page.height - 60)
    .stroke();
  doc
    .lineWidth(0.7)
    .rect(36, 36, page.width - 72, page.height - 72)
    .stroke();

  // Serial and issue date, top right.
  let y = 56;
  const gap = ja ? '\u3000' : '  ';
  const serialText = `${sheet.serialLabel}${gap}${sheet.serial ?? ''}`;
  if (sheet.serial) {
    type.draw(serialText, left, y, 10.5, { width, align: 'right' });
  } else {
    const labelWidth = type.widthOf(`${sheet.serialLabel}${gap}`, 10.5);
    type.draw(`${sheet.serialLabel}${gap}`, right - 150 - labelWidth, y, 10.5);
    writingLine(doc, right - 150, right, y + 14);
  }
  y += 20;
  const issuedLabel = `${t.issuedOn}${gap}`;
  if (sheet.issuedOn) {
    type.draw(`${issuedLabel}${sheet.issuedOn}`, left, y, 10.5, { width, align: 'right' });
  } else {
    const blank = t.blankDate;
    const blankWidth = type.widthOf(blank, 10.5);
    type.draw(issuedLabel, right - blankWidth - type.widthOf(issuedLabel, 10.5), y, 10.5);
    type.draw(blank, right - blankWidth, y, 10.5, { color: faint });
  }

  // Title.
  y = 118;
  const titleSize = ja ? 32 : 27;
  type.draw(t.title, left, y, titleSize, {
    width,
    align: 'center',
    bold: true,
    characterSpacing: ja ? 12 : 1.5,
    color: frame,
  });
  if (t.subtitle)
    type.draw(t.subtitle, left, y + titleSize + 10, 11, { width, align: 'center', color: faint });

  // The holder's name, on its line.
  y = 215;
  const nameLeft = left + 40;
  const nameRight = right - 40;
  type.draw(t.nameLabel, nameLeft, y + 12, 11, { color: faint });
  const honorific = t.honorific;
  const honorificWidth = honorific ? type.widthOf(honorific, 16) + 4 : 0;
  if (sheet.holderName) {
    const room = nameRight - nameLeft - 70 - honorificWidth;
    let size = 24;
    while (size > 12 && type.widthOf(sheet.holderName, size, { characterSpacing: 2 }) > room) size -= 1;
    type.draw(sheet.holderName, nameLeft + 60, y + (24 - size) + 2, size, {
      width: room,
      align: 'center',
      characterSpacing: 2,
      lineBreak: false,
      bold: true,
    });
  }
  if (honorific) type.draw(honorific, nameRight - honorificWidth + 4, y + 10, 16);
  doc
    .lineWidth(0.9)
    .strokeColor(ink)
    .moveTo(nameLeft + 50, y + 34)
    .lineTo(nameRight, y + 34)
    .stroke();

  // Statement.
  y = 278;
  y += type.draw(t.statement, left, y, 12, { width, align: 'center', lineGap: 4 });
  if (t.note) {
    y += 16;
    type.draw(t.note, left, y, 13, { width, align: 'center' });
    y += 22;
  } else {
    y += 18;
  }

  // The facts: label and value per row, each on a ruled line.
  const labelWidth = ja ? 82 : 96;
  const valueLeft = left + labelWidth + 14;
  const valueWidth = right - valueLeft - 6;
  doc.lineWidth(1).strokeColor(frame).moveTo(left, y).lineTo(right, y).stroke();
  for (const row of sheet.rows) {
    const value = row.value ?? '';
    const valueHeight = value ? type.height(value, 12.5, { width: valueWidth, lineGap: 3 }) : 16;
    const rowHeight = Math.max(valueHeight, 16) + 16;
    type.draw(row.label, left + 6, y + 9, 11, { color: faint, width: labelWidth });
    if (row.value) {
      type.draw(row.value, valueLeft, y + 8, 12.5, { width: valueWidth, lineGap: 3 });
    } else if (row.blankHint) {
      type.draw(row.blankHint, valueLeft, y + 9, 11.5, { color: faint, lineBreak: false });
    }
    y += rowHeight;
    doc.lineWidth(0.5).strokeColor('#8a8a8a').moveTo(left, y).lineTo(right, y).stroke();
  }
  doc.lineWidth(1).strokeColor(frame).moveTo(left, y).lineTo(right, y).stroke();
  if (t.end) {
    y += 8;
    type.draw(t.end, left, y, 12, { width, align: 'right' });
    y += 16;
  }

  // Who certifies it.
  y = Math.max(y + 22, 560);
  if (sheet.footer.kind === 'verification') {
    type.draw(issuer[sheet.locale].name, left, y, 15, { width, align: 'right', bold: true });
    y += 22;
    type.draw(issuer[sheet.locale].note, left, y, 9.5, { width, align: 'right', color: faint });
    y += 18;
    type.draw(t.electronic, left, y, 8.5, { width, lineGap: 2, color: faint });
  } else {
    type.draw(t.paperIssuerLabel, left + 170, y, 10.5, { color: faint });
    y += 18;
    type.draw(sheet.footer.groupName, left + 170, y, 14, { width: right - left - 170, bold: true });
    y += 34;
    type.draw(t.representative, left + 170, y + 4, 10.5, { color: faint });
    writingLine(doc, left + 180 + type.widthOf(t.representative, 10.5), right - 50, y + 20);
    // Where the seal goes: a dashed circle.
    doc
      .lineWidth(0.6)
      .strokeColor('#8a8a8a')
      .dash(2, { space: 2 })
      .circle(right - 22, y + 10, 17)
      .stroke()
      .undash();
    type.draw(t.seal, right - 22 - type.widthOf(t.seal, 9) / 2, y + 5, 9, { color: faint });
  }

  // The verification box (or, on paper, what the form is for).
  const boxHeight = sheet.footer.kind === 'verification' ? 120 : 76;
  const boxTop = 792 - boxHeight;
  doc.lineWidth(0.8).strokeColor(frame).fillColor('#f3f6fa');
  doc.roundedRect(left - 10, boxTop, width + 20, boxHeight, 6).fillAndStroke();
  if (sheet.footer.kind === 'verification') {
    const qrSize = 96;
    const qrLeft = left + 2;
    const qrTop = boxTop + (boxHeight - qrSize) / 2;
    doc
      .fillColor('#ffffff')
      .rect(qrLeft - 6, qrTop - 6, qrSize + 12, qrSize + 12)
      .fill();
    drawQr(doc, sheet.footer.qr, qrLeft, qrTop, qrSize);
    const textLeft = qrLeft + qrSize + 18;
    const textWidth = right - textLeft;
    let textY = boxTop + 12;
    textY += type.draw(t.verifyHeading, textLeft, textY, 11, { width: textWidth, bold: true }) + 3;
    textY += type.draw(t.verifyBody, textLeft, textY, 8.8, { width: textWidth, lineGap: 1.5 }) + 3;
    textY += type.draw(t.verifyTyped, textLeft, textY, 8.8, { width: textWidth, lineGap: 1.5 }) + 2;
    type.draw(sheet.footer.typedUrl, textLeft, textY, 8.8, { width: textWidth, color: frame });
  } else {
    let textY = boxTop + 14;
    textY += type.draw(t.paperHeading, left + 4, textY, 11, { width: width - 8, bold: true }) + 4;
    type.draw(t.paperBody, left + 4, textY, 9.5, { width: width - 8, lineGap: 2 });
  }
}

/** The QR code as vector squares: sharp at any print resolution, and no image to encode. */
function drawQr(doc: PDFKit.PDFDocument, matrix: QRCode.BitMatrix, x: number, y: number, size: number): void {
  const module = size / matrix.size;
  for (let row = 0; row < matrix.size; row++) {
    for (let column = 0; column < matrix.size; column++) {
      // Runs of dark modules in a row become one rectangle.
      if (!matrix.get(row, column)) continue;
      let end = column;
      while (end + 1 < matrix.size && matrix.get(row, end + 1)) end++;
      doc.rect(x + column * module, y + row * module, (end - column + 1) * module, module);
      column = end;
    }
  }
  doc.fillColor('#000000').fill();
}

function writingLine(doc: PDFKit.PDFDocument, from: number, to: number, y: number): void {
  doc.lineWidth(0.7).strokeColor(ink).moveTo(from, y).lineTo(to, y).stroke();
}
