/**
 * A short label a person recognises for a browser ("iPhone · Safari", "Windows · Edge"), read
 * from its User-Agent. Only brand names, so it needs no translation; null when nothing is
 * recognised (the screen then says "unknown device"). The raw User-Agent never leaves the
 * server: it is a fingerprint, and the label is all My page needs (R-PRIV-1).
 */
export function deviceLabel(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const parts = [deviceOf(userAgent), browserOf(userAgent)].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** Order matters: iPads and Android phones also mention other systems. */
const devices: [RegExp, string][] = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'Chromebook'],
  [/\bWindows\b/, 'Windows'],
  // iPadOS asks for the desktop site by default and then says "Macintosh".
  [/\bMacintosh\b|\bMac OS X\b/, 'Mac'],
  [/\bLinux\b/, 'Linux'],
];

const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bOPR\/|\bOPiOS\//, 'Opera'],
  [/\bLine\//, 'LINE'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  // Also "HeadlessChrome/" (automated Chromium), hence no word boundary before it.
  [/\bCriOS\/|Chrom(?:e|ium)\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];

function deviceOf(userAgent: string): string | null {
  return devices.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}

function browserOf(userAgent: string): string | null {
  return browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
}
