import { useTranslation } from '../i18n/index.ts';

/** Polite "loading" text: a spinner alone tells a screen reader nothing. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="flex items-center gap-3 py-6 text-std-17N-170 text-solid-gray-800">
      <span
        aria-hidden="true"
        className="size-6 animate-spin rounded-full border-4 border-solid-gray-200 border-t-blue-900"
      />
      {label ?? t('common.loading')}
    </p>
  );
}
