/**
 * R-ID-3: the 12-digit individual number (個人番号) is never asked for, received or stored.
 * The JPKI signature certificate does not carry it, so a value that looks like one means the
 * input is not what it claims to be, and it is refused rather than stored.
 */

/** Spaces and hyphen-like marks people put between digit groups ("1234-5678-9012"). */
const separators = /[\s\-‐‑‒–—―−ー]+/gu;

/**
 * True when `text` holds 12 or more digits in a row once full-width digits are made
 * half-width and separators between digits are dropped: "123456789012", "１２３４…",
 * "1234 5678 9012", "1234-5678-9012". A longer run counts too, as it could hide one.
 */
export function looksLikeIndividualNumber(text: string): boolean {
  const normalized = text.normalize('NFKC');
  const joined = normalized.replace(separators, (gap, offset: number) =>
    isDigitAt(normalized, offset - 1) && isDigitAt(normalized, offset + gap.length) ? '' : gap,
  );
  return /[0-9]{12}/.test(joined);
}

function isDigitAt(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && char >= '0' && char <= '9';
}
