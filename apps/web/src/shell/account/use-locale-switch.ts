import type { Locale } from '@kumamoto/domain';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { switchLocale } from '../../i18n/index.ts';

/** The language switch: applies at once, remembered here, and told to the account if any. */
export function useLocaleSwitch() {
  const { user } = useSession();
  return useMutation({
    mutationFn: async (locale: Locale) => {
      await switchLocale(locale);
      if (user) await api<void>('PUT', '/api/me/locale', { locale });
    },
  });
}
