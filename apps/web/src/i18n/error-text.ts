import { useCallback } from 'react';
import { ApiError } from '../api/client.ts';
import { useTranslation } from './index.ts';

/** Localized text for a failure: the domain's errorMessages by problem code, never the raw title. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('internal', { ns: 'errors' });
      return error.code === 'network' ? t('common.networkError') : t(error.code, { ns: 'errors' });
    },
    [t],
  );
}
