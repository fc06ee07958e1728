import { needsVerification, type MiniAppDefinition, type Viewer } from '@kumamoto/domain';

/** Why a person opening a mini-app's address may not use it yet, if at all. */
export type MiniAppAccess = 'open' | 'restricted' | 'not-installed' | 'needs-verification';

export function miniAppAccess(app: MiniAppDefinition, viewer: Viewer): MiniAppAccess {
  if (app.roles.length > 0 && !app.roles.some((role) => viewer.roles.includes(role))) return 'restricted';
  if (app.availability === 'install-code' && !viewer.installed.includes(app.id)) return 'not-installed';
  // Points and certificates need My Number Card verification (R-ID-2).
  if (needsVerification(app, viewer)) return 'needs-verification';
  return 'open';
}
