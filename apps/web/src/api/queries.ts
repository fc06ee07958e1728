import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchSession } from './client.ts';
import type { DemoPersona, Inbox, PublicConfig, User } from './types.ts';

/** Query keys in one place, so sign-in and sign-out can drop everything personal. */
export const queryKeys = {
  config: ['config'],
  session: ['session'],
  personas: ['demo-personas'],
  miniApps: ['me', 'miniapps'],
  notifications: ['me', 'notifications'],
  /** Prefix of every per-person query. */
  personal: ['me'],
} as const;

export const configQuery = queryOptions({
  queryKey: queryKeys.config,
  queryFn: () => api<PublicConfig>('GET', '/api/config'),
  staleTime: Infinity,
});

export const sessionQuery = queryOptions({
  queryKey: queryKeys.session,
  queryFn: fetchSession,
  staleTime: 60_000,
});

export function useSession(): { user: User | null; isPending: boolean } {
  const { data, isPending } = useQuery(sessionQuery);
  return { user: data?.user ?? null, isPending };
}

export function usePersonas(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.personas,
    queryFn: async () => (await api<{ personas: DemoPersona[] }>('GET', '/api/demo/personas')).personas,
    enabled,
    staleTime: Infinity,
  });
}

/** `opened`: the inbox screen itself, which always asks again so a notice just sent shows at once. */
export function useInbox(signedIn: boolean, opened = false) {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => api<Inbox>('GET', '/api/notifications'),
    enabled: signedIn,
    refetchOnMount: opened ? 'always' : true,
  });
}
