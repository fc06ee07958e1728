import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queries.ts';
import type { User } from '../../../api/types.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { completeSignIn } from '../use-account.ts';

/** Answers of the e-mail code API (apps/server/src/features/email-code/routes.ts). */
export interface CodeSent {
  sentTo: string;
  expiresAt: string;
}

export type VerifyAnswer =
  { result: 'signed_in'; created: boolean; user: User; csrfToken: string } | { result: 'name_required' };

export interface AccountEmail {
  email: string | null;
  verifiedAt: string | null;
}

/** Per person: starts with 'me', so signing out drops it. */
export const accountEmailKey = [...queryKeys.personal, 'email'] as const;

/** What people type: spaces and hyphens dropped, full-width digits made half-width. */
export function cleanCode(typed: string): string {
  return typed
    .normalize('NFKC')
    .replace(/[^0-9]/g, '')
    .slice(0, 6);
}

export function useRequestSignInCode() {
  return useMutation({
    mutationFn: (email: string) =>
      api<CodeSent>('POST', '/api/sign-in/email-code', { email: email.trim(), locale: currentLocale() }),
  });
}

/**
 * Checks the code; with `displayName` it also creates the account when the address has none.
 * On success the new session replaces whatever this browser had: personal queries are dropped
 * and the session is fetched again.
 */
export function useVerifySignInCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; code: string; displayName?: string }) =>
      api<VerifyAnswer>('POST', '/api/sign-in/email-code/verify', {
        email: input.email.trim(),
        code: input.code,
        ...(input.displayName === undefined ? {} : { displayName: input.displayName.trim() }),
        locale: currentLocale(),
      }),
    onSuccess: async (answer) => {
      if (answer.result === 'signed_in') await completeSignIn(queryClient, answer);
    },
  });
}

export function useAccountEmail() {
  return useQuery({
    queryKey: accountEmailKey,
    queryFn: () => api<AccountEmail>('GET', '/api/me/email'),
  });
}

export function useRequestEmailCode() {
  return useMutation({
    mutationFn: (email: string) => api<CodeSent>('POST', '/api/me/email/code', { email: email.trim() }),
  });
}

export function useConfirmEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; code: string }) =>
      api<AccountEmail>('POST', '/api/me/email/verify', { email: input.email.trim(), code: input.code }),
    onSuccess: (answer) => queryClient.setQueryData(accountEmailKey, answer),
  });
}
