/**
 * Formats of the contact items (R-ORG-3). Phones are typed on phones, with full-width digits,
 * any dash, brackets or +81; each check reads the NFKC form and says yes or no only.
 */

const phoneSeparators = /[\s\-‐‑‒–—―−ー()（）.]/gu;

/** The digits of a Japanese phone number in national form (+81 96… → 096…), or null. */
export function phoneDigits(phone: string): string | null {
  let text = phone.normalize('NFKC').replace(phoneSeparators, '');
  if (text.startsWith('+81')) text = `0${text.slice(3).replace(/^0/, '')}`;
  return /^\d+$/.test(text) ? text : null;
}

/**
 * A Japanese number: 10 digits (fixed lines, 0120) or 11 digits for mobile, IP and 0800
 * numbers (0X0 prefixes). A 10-digit number with a mobile prefix (090…) is a digit short.
 */
export function isJapanesePhoneNumber(phone: string): boolean {
  const digits = phoneDigits(phone);
  if (digits === null) return false;
  if (/^0[2-9]0\d{8}$/.test(digits)) return true;
  return /^0[1-9]\d{8}$/.test(digits) && !/^0[5-9]0/.test(digits);
}

const localPart = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabel = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** A deliverable-looking address: ASCII local part, a domain with a dot and a letter TLD. */
export function isEmailAddress(email: string): boolean {
  const text = email.normalize('NFKC').trim();
  if (text.length > 254) return false;
  const at = text.lastIndexOf('@');
  if (at < 1) return false;
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split('.');
  return (
    local.length <= 64 &&
    localPart.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => domainLabel.test(label)) &&
    /^[A-Za-z]{2,}$/.test(labels.at(-1) ?? '')
  );
}

/**
 * The website as it will be stored: NFKC, trimmed, `https://` added when the scheme was left
 * out ("www.example.jp"), so the reviewer's link works.
 */
export function normalizeWebsite(website: string): string {
  const text = website.normalize('NFKC').trim();
  if (text === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  return `https://${text}`;
}

/** An http(s) address of a named host, with no user name or password in it. */
export function isWebsiteUrl(website: string): boolean {
  let url: URL;
  try {
    url = new URL(normalizeWebsite(website));
  } catch {
    return false;
  }
  return (
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    url.username === '' &&
    url.password === '' &&
    /^[^.]+(\.[^.]+)+$/.test(url.hostname) &&
    /[a-z]/i.test(url.hostname.split('.').at(-1) ?? '')
  );
}
