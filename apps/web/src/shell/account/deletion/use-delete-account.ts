import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queries.ts';
import type { Session } from '../../../api/types.ts';

/**
 * Deletes the signed-in account (`DELETE /api/me`, which also signs this browser out), then
 * forgets everything personal the app held for it, as sign-out does.
 */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirm: boolean) => api<void>('DELETE', '/api/me', { confirm }),
    onSuccess: () => {
      rememberCsrfToken(null);
      queryClient.removeQueries({ queryKey: queryKeys.personal });
      queryClient.setQueryData<Session | undefined>(queryKeys.session, (old) =>
        old ? { ...old, user: null } : old,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
