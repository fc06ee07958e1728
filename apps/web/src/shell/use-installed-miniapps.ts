import type { MiniAppId } from '@kumamoto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../api/client.ts';
import { queryKeys, useSession } from '../api/queries.ts';
import type { InstalledMiniApps } from '../api/types.ts';
import {
  localInstallsKey,
  readLocalInstalls,
  withInstalled,
  withoutInstalled,
  writeLocalInstalls,
} from './installed-miniapps.ts';

/** In-tab listeners; other tabs hear the `storage` event. */
const listeners = new Set<() => void>();
let snapshot: { raw: string | null; list: MiniAppId[] } | null = null;

function subscribe(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === localInstallsKey || event.key === null) listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** A stable array per stored value, as useSyncExternalStore requires. */
function localSnapshot(): MiniAppId[] {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(localInstallsKey);
  } catch {
    // Unreadable storage: nothing installed.
  }
  if (snapshot?.raw !== raw) snapshot = { raw, list: readLocalInstalls() };
  return snapshot.list;
}

export function setLocalInstalls(list: readonly MiniAppId[]): void {
  writeLocalInstalls(list);
  listeners.forEach((listener) => listener());
}

/**
 * The mini-apps this person added by install code: on the server when signed in, in this
 * browser otherwise.
 */
export function useInstalledMiniApps() {
  const { user, isPending: sessionPending } = useSession();
  const queryClient = useQueryClient();
  const local = useSyncExternalStore(subscribe, localSnapshot);
  const server = useQuery({
    queryKey: queryKeys.miniApps,
    queryFn: async () => (await api<InstalledMiniApps>('GET', '/api/me/miniapps')).installed,
    enabled: user !== null,
  });

  const add = useMutation({
    mutationFn: async (id: MiniAppId): Promise<MiniAppId[]> => {
      if (!user) {
        const next = withInstalled(localSnapshot(), id);
        setLocalInstalls(next);
        return next;
      }
      return (await api<InstalledMiniApps>('POST', '/api/me/miniapps', { miniAppId: id })).installed;
    },
    onSuccess: (installed) => {
      if (user) queryClient.setQueryData(queryKeys.miniApps, installed);
    },
  });

  const remove = useMutation({
    mutationFn: async (id: MiniAppId): Promise<MiniAppId[]> => {
      if (!user) {
        const next = withoutInstalled(localSnapshot(), id);
        setLocalInstalls(next);
        return next;
      }
      return (await api<InstalledMiniApps>('DELETE', `/api/me/miniapps/${id}`)).installed;
    },
    onSuccess: (installed) => {
      if (user) queryClient.setQueryData(queryKeys.miniApps, installed);
    },
  });

  return {
    signedIn: user !== null,
    installed: user ? (server.data ?? []) : local,
    isPending: sessionPending || (user !== null && server.isPending),
    error: server.error,
    add,
    remove,
  };
}
