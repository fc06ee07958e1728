import { existsSync, readFileSync } from 'node:fs';

/**
 * The Japanese fonts certificate PDFs are set in (R-PT-10). pdfkit embeds each as a subset:
 * only the glyphs a certificate uses, so a PDF stays small and prints the same everywhere.
 *
 * The first font is the certificate's own (CERTIFICATE_FONT_FILE, else IPAex Gothic); later
 * ones stand in for a text the first cannot draw completely, such as a name written with a rare
 * kanji (𠮷 is not in IPAex Gothic but is in Noto Sans CJK), so nothing prints as an empty box.
 */
export interface CertificateFont {
  path: string;
  /** A font collection (.ttc) needs the PostScript name of the face to use. */
  postscriptName?: string;
}

/** Known system locations (Debian: fonts-ipaexfont-gothic, fonts-noto-cjk), best first. */
export const systemCertificateFonts: readonly CertificateFont[] = [
  { path: '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf' },
  { path: '/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKjp-Regular' },
];

/** No usable font: an operator must install one or point CERTIFICATE_FONT_FILE at one. */
export class CertificateFontMissingError extends Error {
  constructor(configured: string | null) {
    super(
      configured
        ? `CERTIFICATE_FONT_FILE is set to ${configured}, but no such file exists. ` +
            'Point it at a Japanese TrueType font (.ttf), or unset it to use a system font.'
        : 'No Japanese font for certificate PDFs. Install fonts-ipaexfont-gothic (or fonts-noto-cjk), ' +
            `or set CERTIFICATE_FONT_FILE to a Japanese TrueType font (.ttf). Looked for: ${systemCertificateFonts
              .map((font) => font.path)
              .join(', ')}`,
    );
    this.name = 'CertificateFontMissingError';
  }
}

export interface LoadedFont extends CertificateFont {
  /** The file's bytes, read once per process when first needed (a stand-in font rarely is). */
  bytes(): Buffer;
}

const cache = new Map<string, LoadedFont[]>();

/**
 * The fonts to set certificates in, read once: the configured file (which must exist), else the
 * first system font found; then the other system fonts found, as stand-ins for missing glyphs.
 * A `.ttc` given as CERTIFICATE_FONT_FILE may name its face after a `#`: `…/font.ttc#PostScriptName`.
 */
export function certificateFonts(configured: string | null): LoadedFont[] {
  const key = configured ?? '';
  const cached = cache.get(key);
  if (cached) return cached;
  const candidates: CertificateFont[] = [];
  if (configured) {
    const [path = '', postscriptName] = configured.split('#');
    if (!existsSync(path)) throw new CertificateFontMissingError(configured);
    candidates.push(postscriptName ? { path, postscriptName } : { path });
  }
  candidates.push(...systemCertificateFonts.filter((font) => existsSync(font.path)));
  if (candidates.length === 0) throw new CertificateFontMissingError(null);
  const unique = candidates.filter(
    (font, index) => candidates.findIndex((other) => other.path === font.path) === index,
  );
  const loaded = unique.map((font): LoadedFont => {
    let bytes: Buffer | undefined;
    return { ...font, bytes: () => (bytes ??= readFileSync(font.path)) };
  });
  // The certificate's own font is read now, so a broken file shows at start.
  loaded[0]?.bytes();
  cache.set(key, loaded);
  return loaded;
}
