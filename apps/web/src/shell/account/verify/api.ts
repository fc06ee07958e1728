import type { Gender, IdentityField, IdentityLevel, IsoDate } from '@kumamoto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queries.ts';

/** The answer of GET /api/me/identity (apps/server/src/features/identity/profile-routes.ts). */
export interface IdentityProfile {
  level: IdentityLevel;
  card: { name: string; address: string; birthDate: IsoDate; gender: Gender } | null;
  age: number | null;
  verifiedAt: string | null;
  history: { occurredAt: string; adapter: 'oidc' | 'jpki'; changedFields: IdentityField[] }[];
  declared: { displayName: string; birthDate: IsoDate | null; gender: Gender | null } | null;
  methods: { cardService: boolean };
}

export interface DeclaredItems {
  displayName: string;
  birthDate: IsoDate | null;
  gender: Gender | null;
}

/** Per person: starts with 'me', so signing out drops it. */
export const identityProfileKey = [...queryKeys.personal, 'identity'] as const;

export function useIdentityProfile(enabled = true) {
  return useQuery({
    queryKey: identityProfileKey,
    queryFn: () => api<IdentityProfile>('GET', '/api/me/identity'),
    enabled,
  });
}

/** After verifying (or editing the declared name) the shown name and level change too. */
export function useRefreshIdentity() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: identityProfileKey }),
        queryClient.invalidateQueries({ queryKey: queryKeys.session }),
      ]),
    [queryClient],
  );
}

/**
 * Starts verification: the server answers the card service's authorization URL and the whole
 * page goes there (a navigation, not a fetch: the card service shows its own screens).
 */
export function useStartVerification() {
  return useMutation({
    mutationFn: (returnTo?: string) =>
      api<{ authorizationUrl: string }>('POST', '/api/identity/oidc/start', returnTo ? { returnTo } : {}),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
}

export function useUpdateDeclared() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: DeclaredItems) => api<IdentityProfile>('PUT', '/api/me/identity/declared', items),
    onSuccess: (profile) => {
      queryClient.setQueryData(identityProfileKey, profile);
      void queryClient.invalidateQueries({ queryKey: queryKeys.session });
    },
  });
}
