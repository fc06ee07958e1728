import { locales } from '@kumamoto/domain';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { useLocaleSwitch } from './use-locale-switch.ts';

/** The language setting on My page: each option written in its own language. */
export function LanguageChoice() {
  const { t, locale } = useTranslation();
  const switchLocale = useLocaleSwitch();
  return (
    <fieldset>
      <legend className="text-std-20B-150">{t('language.heading')}</legend>
      <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('language.lead')}</p>
      <div className="flex flex-col gap-2">
        {locales.map((option) => (
          <label
            key={option}
            lang={option}
            className="flex min-h-12 cursor-pointer items-center gap-3 rounded-8 border-2 border-solid-gray-300 bg-white px-4 py-2 text-std-17N-170 has-checked:border-blue-900 has-checked:bg-blue-50"
          >
            <input
              type="radio"
              name="locale"
              value={option}
              checked={locale === option}
              onChange={() => switchLocale.mutate(option)}
              className="size-6 accent-blue-900"
            />
            {t(`language.${option}`)}
          </label>
        ))}
      </div>
      <ProblemAlert error={switchLocale.error} className="mt-3" />
    </fieldset>
  );
}
