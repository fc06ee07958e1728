import type { Viewer } from '../../platform/viewer.ts';

/** The signed-in person as the API presents them: no personal data beyond the display name. */
export function presentUser(viewer: Viewer) {
  return {
    id: viewer.userId,
    displayName: viewer.displayName,
    identity: viewer.identity,
    roles: viewer.roles,
    locale: viewer.locale,
    persona: viewer.persona,
  };
}
