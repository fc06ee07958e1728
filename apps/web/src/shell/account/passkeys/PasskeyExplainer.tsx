import { useTranslation } from '../../../i18n/index.ts';

/** "What is a passkey?" in plain words, folded away until asked for. */
export function PasskeyExplainer({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  return (
    <details className={`rounded-8 border border-solid-gray-300 bg-solid-gray-50 ${className}`}>
      <summary className="flex min-h-12 cursor-pointer items-center px-4 py-2 text-std-17B-170 text-blue-900 underline">
        {t('passkeys.whatIsHeading')}
      </summary>
      <p className="px-4 pb-4 text-std-16N-170 text-solid-gray-800">{t('passkeys.whatIs')}</p>
    </details>
  );
}
