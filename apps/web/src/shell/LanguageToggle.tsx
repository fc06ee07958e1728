import { useTranslation } from '../i18n/index.ts';
import { GlobeIcon } from '../ui/icons.tsx';
import { useLocaleSwitch } from './account/use-locale-switch.ts';

/**
 * One tap to the other language, always in the header: a resident who cannot read the
 * current language can still find their own, written in it.
 */
export function LanguageToggle() {
  const { t, locale } = useTranslation();
  const switchLocale = useLocaleSwitch();
  const other = locale === 'ja' ? 'en' : 'ja';
  return (
    <button
      type="button"
      onClick={() => switchLocale.mutate(other)}
      className="inline-flex min-h-12 min-w-12 items-center gap-2 rounded-8 border-2 border-solid-gray-600 bg-white px-3 text-std-16B-170 text-solid-gray-900 hover:bg-solid-gray-50 hover:underline"
    >
      <GlobeIcon className="size-5 shrink-0" />
      <span className="sr-only">{t('language.switchTo')}</span>
      <span lang={other}>{t(`language.${other}`)}</span>
    </button>
  );
}
