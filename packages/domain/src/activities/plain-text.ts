/**
 * Text fields are stored and shown as plain text, never as HTML, so "<script>" is harmless
 * words and nothing is stripped. What is refused are characters that have no place in
 * something a person typed: control characters (which can break CSV, calendar files and
 * terminals), and broken UTF-16 (a lone surrogate, which no font can draw and PostgreSQL
 * refuses to store as UTF-8).
 */

/* eslint-disable no-control-regex -- matching control characters is the point here */
/** Tab, line feed and carriage return are allowed only where the field has several lines. */
const multilineControls = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const singleLineControls = /[\u0000-\u001F\u007F-\u009F]/u;
/* eslint-enable no-control-regex */

export function hasForbiddenCharacters(text: string, multiline: boolean): boolean {
  return hasLoneSurrogate(text) || (multiline ? multilineControls : singleLineControls).test(text);
}

/** String.prototype.isWellFormed by hand: older phones' browsers (Safari before 16.4) lack it. */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i += 1;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return true;
    }
  }
  return false;
}

/**
 * Length as a person counts it: one per character (code point), so an emoji or a rare kanji
 * such as 𠮷 counts once, not twice as UTF-16 would.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** Empty or only spaces (including the full-width space U+3000 that Japanese keyboards type). */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}
