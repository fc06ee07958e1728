import { findMiniApp, type MiniAppDefinition, type Viewer } from '@kumamoto/domain';
import { describe, expect, test } from 'vitest';
import { miniAppAccess } from './miniapp-access.ts';

function app(id: string): MiniAppDefinition {
  const found = findMiniApp(id);
  if (!found) throw new Error(`no mini-app ${id}`);
  return found;
}
const resident: Viewer = { identity: 'unverified', roles: [], installed: [] };

describe('opening a mini-app', () => {
  test('points need My Number Card verification (R-ID-2)', () => {
    expect(miniAppAccess(app('points'), resident)).toBe('needs-verification');
    expect(miniAppAccess(app('points'), { ...resident, identity: 'verified' })).toBe('open');
  });

  test('the organizer mini-app must be added by its install code first', () => {
    expect(miniAppAccess(app('organizer'), resident)).toBe('not-installed');
    expect(miniAppAccess(app('organizer'), { ...resident, installed: ['organizer'] })).toBe('open');
  });

  test('staff mini-apps are for their roles only', () => {
    expect(miniAppAccess(app('city'), resident)).toBe('restricted');
    expect(miniAppAccess(app('city'), { ...resident, roles: ['city_reviewer'] })).toBe('open');
    expect(miniAppAccess(app('shop'), { ...resident, roles: ['city_admin'] })).toBe('restricted');
  });

  test('volunteer is open to everyone', () => {
    expect(miniAppAccess(app('volunteer'), resident)).toBe('open');
  });
});
