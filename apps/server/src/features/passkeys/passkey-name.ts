import type { Locale } from '@kumamoto/domain';
import { deviceLabel } from '../sessions/device-label.ts';

/**
 * Password managers that keep synced passkeys, by the AAGUID their authenticator reports
 * (from the community list of passkey provider AAGUIDs). A name the person knows from their
 * phone beats a device label: the passkey follows the manager, not the device.
 */
const providers: Record<string, Record<Locale, string>> = {
  'fbfc3007-154e-4ecc-8c0b-6e020557d7bd': { ja: 'iCloud キーチェーン', en: 'iCloud Keychain' },
  'dd4ec289-e01d-41c9-bb89-70fa845d4bf2': { ja: 'iCloud キーチェーン', en: 'iCloud Keychain' },
  'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4': {
    ja: 'Google パスワード マネージャー',
    en: 'Google Password Manager',
  },
  'adce0002-35bc-c60a-648b-0b25f1f05503': { ja: 'Mac の Chrome', en: 'Chrome on Mac' },
  '08987058-cadc-4b81-b6e1-30de50dcbe96': { ja: 'Windows Hello', en: 'Windows Hello' },
  '9ddd1817-af5a-4672-a2b9-3e3dd95000a9': { ja: 'Windows Hello', en: 'Windows Hello' },
  '6028b017-b1d4-4c02-b4b3-afcdafc96bb2': { ja: 'Windows Hello', en: 'Windows Hello' },
  'bada5566-a7aa-401f-bd96-45619a55120d': { ja: '1Password', en: '1Password' },
  'd548826e-79b4-db40-a3d8-11116f7e8349': { ja: 'Bitwarden', en: 'Bitwarden' },
};

const fallback: Record<Locale, string> = { ja: 'パスキー', en: 'Passkey' };

/**
 * The first name a new passkey gets (the person may rename it on My page): its password
 * manager, else the device and browser it was made on, else simply "passkey".
 */
export function initialPasskeyName(input: {
  aaguid: string;
  userAgent: string | undefined;
  locale: Locale;
}): string {
  return providers[input.aaguid]?.[input.locale] ?? deviceLabel(input.userAgent) ?? fallback[input.locale];
}
