import type { Viewer } from '@kumamoto/domain';
import { useMemo } from 'react';
import { useSession } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { useInstalledMiniApps } from './use-installed-miniapps.ts';

/** Who is looking, as the mini-app registry's rules need it. Signed out = unverified, no roles. */
export function useViewer(): { viewer: Viewer; user: User | null; isPending: boolean } {
  const { user } = useSession();
  const { installed, isPending } = useInstalledMiniApps();
  const viewer = useMemo<Viewer>(
    () => ({ identity: user?.identity ?? 'unverified', roles: user?.roles ?? [], installed }),
    [user, installed],
  );
  return { viewer, user, isPending };
}
