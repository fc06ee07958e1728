import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queries.ts';
import type { User } from '../../../api/types.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { completeSignIn } from '../use-account.ts';
import { createPasskey, requireSupport, signWithPasskey } from './ceremony.ts';

/** Answers of the passkey and session APIs (apps/server/src/features/passkeys, …/sessions). */
export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  synced: boolean;
}

export interface PasskeyList {
  passkeys: Passkey[];
  hasEmail: boolean;
}

export type SignInMethod = 'passkey' | 'email_code' | 'demo';

export interface SignedInSession {
  id: string;
  method: SignInMethod;
  device: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

interface SignedIn {
  user: User;
  csrfToken: string;
}

/** Per person: under 'me', so signing out drops them. */
export const passkeysKey = [...queryKeys.personal, 'passkeys'] as const;
export const sessionsKey = [...queryKeys.personal, 'sessions'] as const;

/** Sign in: the device offers its passkeys for this app; no user name is typed. */
export function usePasskeySignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      requireSupport();
      const { options } = await api<{ options: PublicKeyCredentialRequestOptionsJSON }>(
        'POST',
        '/api/passkeys/sign-in/options',
      );
      const response = await signWithPasskey(options);
      return api<SignedIn>('POST', '/api/passkeys/sign-in/verify', { response });
    },
    onSuccess: (answer) => completeSignIn(queryClient, answer),
  });
}

/** Create an account: a name, then a new passkey on this device. */
export function usePasskeySignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (displayName: string) => {
      requireSupport();
      const { options } = await api<{ options: PublicKeyCredentialCreationOptionsJSON }>(
        'POST',
        '/api/passkeys/sign-up/options',
        { displayName: displayName.trim() },
      );
      const response = await createPasskey(options);
      return api<SignedIn>('POST', '/api/passkeys/sign-up/verify', { response, locale: currentLocale() });
    },
    onSuccess: (answer) => completeSignIn(queryClient, answer),
  });
}

export function usePasskeys() {
  return useQuery({ queryKey: passkeysKey, queryFn: () => api<PasskeyList>('GET', '/api/me/passkeys') });
}

/** Add a passkey on this device to the signed-in account (also how e-mail code recovery ends). */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      requireSupport();
      const { options } = await api<{ options: PublicKeyCredentialCreationOptionsJSON }>(
        'POST',
        '/api/me/passkeys/options',
      );
      const response = await createPasskey(options);
      return api<{ passkey: Passkey }>('POST', '/api/me/passkeys/verify', { response });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysKey }),
  });
}

export function useRenamePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; name: string }) =>
      api<void>('PUT', `/api/me/passkeys/${encodeURIComponent(input.id)}/name`, { name: input.name.trim() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysKey }),
  });
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/me/passkeys/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: passkeysKey }),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: async () => (await api<{ sessions: SignedInSession[] }>('GET', '/api/me/sessions')).sessions,
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSignOutOthers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ revoked: number }>('POST', '/api/me/sessions/sign-out-others'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
