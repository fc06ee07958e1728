import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, rememberCsrfToken } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import type { InstalledMiniApps, Session, User } from '../../api/types.ts';
import { currentLocale } from '../../i18n/index.ts';
import { installsToUpload, readLocalInstalls } from '../installed-miniapps.ts';
import { setLocalInstalls } from '../use-installed-miniapps.ts';

/** Forget everything about the previous person before showing the next one. */
function resetPersonalData(queryClient: QueryClient, user: User | null): void {
  queryClient.removeQueries({ queryKey: queryKeys.personal });
  queryClient.setQueryData<Session | undefined>(queryKeys.session, (old) => (old ? { ...old, user } : old));
  // The refetch also brings the CSRF token bound to the new session.
  void queryClient.invalidateQueries({ queryKey: queryKeys.session });
}

/**
 * Hands what this browser collected while signed out to the account: mini-apps added by
 * install code (then cleared locally), and the language on screen.
 */
async function adoptBrowserState(user: User): Promise<void> {
  const local = readLocalInstalls();
  if (local.length > 0) {
    const { installed } = await api<InstalledMiniApps>('GET', '/api/me/miniapps');
    for (const id of installsToUpload(local, installed)) {
      try {
        await api('POST', '/api/me/miniapps', { miniAppId: id });
      } catch (error) {
        // A mini-app this server no longer offers: nothing to keep.
        if (!(error instanceof ApiError) || error.status >= 500 || error.code === 'network') throw error;
      }
    }
    setLocalInstalls([]);
  }
  const locale = currentLocale();
  if (user.locale !== locale) await api('PUT', '/api/me/locale', { locale });
}

/**
 * Every way of signing in ends here: remember the new session's CSRF token, hand over what this
 * browser collected while signed out, then show the new person (nothing of the previous one).
 */
export async function completeSignIn(
  queryClient: QueryClient,
  answer: { user: User; csrfToken?: string | null },
): Promise<void> {
  rememberCsrfToken(answer.csrfToken ?? null);
  // Signed in either way; what failed to move stays in this browser for the next sign-in.
  await adoptBrowserState(answer.user).catch(() => undefined);
  resetPersonalData(queryClient, answer.user);
}

/** Demo sign-in as a persona (outside production only; the server refuses otherwise). */
export function useDemoSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (persona: string) => {
      // The answer carries the new session's CSRF token; without it the next write fetches one.
      const answer = await api<{ user: User; csrfToken?: string }>('POST', '/api/demo/sign-in', { persona });
      await completeSignIn(queryClient, answer);
      return answer.user;
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('POST', '/api/session/sign-out'),
    onSuccess: () => {
      rememberCsrfToken(null);
      resetPersonalData(queryClient, null);
    },
  });
}
