/**
 * Where the resident goes after verifying: a screen of this app, never another site. A path
 * that starts with one slash, has no backslash, control character or scheme, and is not an API
 * or card-service URL. Anything else is refused rather than silently replaced.
 */
export function isAppPath(value: string): boolean {
  if (value.length === 0 || value.length > 200) return false;
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  // Backslashes are read as slashes by browsers ("/\\evil.example"); control characters hide tricks.
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char === '\\' || code < 0x20 || code === 0x7f) return false;
  }
  let url: URL;
  try {
    url = new URL(value, 'https://app.invalid');
  } catch {
    return false;
  }
  if (url.origin !== 'https://app.invalid') return false;
  return !/^\/(api|dev-card-service)(\/|$)/.test(url.pathname);
}

export const defaultReturnTo = '/mypage';
