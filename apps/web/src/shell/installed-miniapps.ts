import { miniApps, type MiniAppId } from '@kumamoto/domain';

/**
 * Mini-apps added by install code, kept in the browser while nobody is signed in and handed
 * to the server at sign-in. Only install-code mini-apps are kept: the others are on every
 * home screen anyway.
 */
const installable: readonly MiniAppId[] = miniApps
  .filter((app) => app.availability === 'install-code')
  .map((app) => app.id);

export const localInstallsKey = 'kma.installedMiniApps';

/** Whatever is stored (possibly edited by hand, or from an older version) as a clean list. */
export function parseStoredInstalls(raw: string | null): MiniAppId[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return inRegistryOrder(installable.filter((id) => value.includes(id)));
}

export function withInstalled(list: readonly MiniAppId[], id: MiniAppId): MiniAppId[] {
  return inRegistryOrder(list.includes(id) ? list : [...list, id]);
}

export function withoutInstalled(list: readonly MiniAppId[], id: MiniAppId): MiniAppId[] {
  return list.filter((entry) => entry !== id);
}

/** The local installs the server does not have yet: what sign-in must upload. */
export function installsToUpload(local: readonly MiniAppId[], server: readonly MiniAppId[]): MiniAppId[] {
  return local.filter((id) => !server.includes(id));
}

export function isInstallable(id: MiniAppId): boolean {
  return installable.includes(id);
}

function inRegistryOrder(list: readonly MiniAppId[]): MiniAppId[] {
  return miniApps.map((app) => app.id).filter((id) => list.includes(id));
}

/** Storage can throw (private mode, quota): then the browser simply remembers nothing. */
export function readLocalInstalls(storage: Storage | undefined = globalThis.localStorage): MiniAppId[] {
  try {
    return parseStoredInstalls(storage?.getItem(localInstallsKey) ?? null);
  } catch {
    return [];
  }
}

export function writeLocalInstalls(
  list: readonly MiniAppId[],
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    if (list.length === 0) storage?.removeItem(localInstallsKey);
    else storage?.setItem(localInstallsKey, JSON.stringify(list));
  } catch {
    // Nothing to do: the tile stays until the page is reloaded.
  }
}
