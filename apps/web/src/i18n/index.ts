import { defaultLocale, isLocale, locales, type Locale } from '@kumamoto/domain';
import i18n, { type ResourceLanguage, type TFunction } from 'i18next';
import { useMemo, useSyncExternalStore } from 'react';
import { detectLocale } from './detect-locale.ts';
import ja from './locales/ja.json';

/** Where the person's explicit choice is kept; absent until they use the switch. */
export const localeStorageKey = 'kma.locale';

/**
 * A language's texts: the app's own, plus the domain's errorMessages as the `errors`
 * namespace so each problem code has exactly one text per language. Only Home and the shell's
 * Japanese texts are in the entry bundle (the home screen's JS budget, and Home shows no
 * problem texts); every other screen's texts and the problem texts load with the first such
 * screen (loadScreenTexts), and English loads whole for those who use it.
 */
async function resourcesFor(locale: Locale): Promise<ResourceLanguage> {
  switch (locale) {
    case 'ja':
      return { translation: ja };
    case 'en': {
      const [core, screens, errors] = await Promise.all([
        import('./locales/en.json'),
        import('./locales/en.screens.json'),
        import('@kumamoto/domain/error-messages/en'),
      ]);
      return { translation: { ...core.default, ...screens.default }, errors: errors.errorMessagesEn };
    }
  }
}

let screenTexts: Promise<void> | undefined;

/**
 * The Japanese texts of every screen but Home, and the problem texts, loaded once. Lazy screens wait for them (see
 * shell/lazy-screen.ts); Japanese is also every language's fallback. A failed load is retried
 * by the next screen that asks.
 */
export function loadScreenTexts(): Promise<void> {
  screenTexts ??= Promise.all([
    import('./locales/ja.screens.json'),
    import('@kumamoto/domain/error-messages/ja'),
  ]).then(
    ([{ default: texts }, { errorMessagesJa }]) => {
      i18n.addResourceBundle('ja', 'translation', texts, true, false);
      i18n.addResourceBundle('ja', 'errors', errorMessagesJa);
    },
    (error: unknown) => {
      screenTexts = undefined;
      throw error;
    },
  );
  return screenTexts;
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(localeStorageKey);
  } catch {
    return null;
  }
}

function applyDocumentLanguage(lng: string): void {
  document.documentElement.lang = isLocale(lng) ? lng : defaultLocale;
}

/** Call once before the first render: the first screen is already in the right language. */
export async function initI18n(): Promise<void> {
  const initialLocale = detectLocale(storedLocale(), navigator.languages ?? [navigator.language]);
  const resources: Record<string, ResourceLanguage> = { ja: await resourcesFor('ja') };
  if (initialLocale !== 'ja') resources[initialLocale] = await resourcesFor(initialLocale);
  await i18n.init({
    lng: initialLocale,
    resources,
    supportedLngs: [...locales],
    fallbackLng: defaultLocale,
    // English is added when switched to (switchLocale).
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
  });
  applyDocumentLanguage(initialLocale);
  i18n.on('languageChanged', applyDocumentLanguage);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : defaultLocale;
}

/** Switches the language now (loading its texts if needed) and remembers it in this browser. */
export async function switchLocale(locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation')) {
    const resources = await resourcesFor(locale);
    for (const [namespace, texts] of Object.entries(resources)) {
      i18n.addResourceBundle(locale, namespace, texts);
    }
  }
  try {
    localStorage.setItem(localeStorageKey, locale);
  } catch {
    // Not remembered: the switch still applies until the page is reloaded.
  }
  await i18n.changeLanguage(locale);
}

function subscribe(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange);
  return () => i18n.off('languageChanged', onChange);
}

/**
 * The React binding: re-renders on a language switch. These few lines replace react-i18next
 * (~3 KB gzip) to keep the home screen inside its 120 KB budget.
 */
export function useTranslation(): { t: TFunction; locale: Locale } {
  const language = useSyncExternalStore(subscribe, () => i18n.language);
  // A new `t` per language, so callers memoised on it recompute after a switch.
  const t = useMemo(() => i18n.getFixedT(language), [language]);
  return { t, locale: isLocale(language) ? language : defaultLocale };
}

/** The active locale, re-rendering on change. */
export function useLocale(): Locale {
  return useTranslation().locale;
}

export { i18n };
