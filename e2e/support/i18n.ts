import enScreens from '../../apps/web/src/i18n/locales/en.screens.json' with { type: 'json' };
import en from '../../apps/web/src/i18n/locales/en.json' with { type: 'json' };
import jaScreens from '../../apps/web/src/i18n/locales/ja.screens.json' with { type: 'json' };
import ja from '../../apps/web/src/i18n/locales/ja.json' with { type: 'json' };

/** The web app's own strings (Home's and every other screen's), so journeys follow its wording. */
export const text = { ja: { ...ja, ...jaScreens }, en: { ...en, ...enScreens } } as const;
export type Lang = keyof typeof text;

/** i18next-style `{{name}}` interpolation. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => String(values[key] ?? whole));
}

/** A RegExp matching `value` literally (for accessible names that contain it). */
export function literal(value: string): RegExp {
  return new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
