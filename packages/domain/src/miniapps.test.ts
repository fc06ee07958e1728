import { describe, expect, it } from 'vitest';
import { homeMiniApps, miniAppIds, miniApps, needsVerification, findMiniApp } from './miniapps.ts';

const ids = (apps: { id: string }[]) => apps.map((app) => app.id);

describe('mini-app registry', () => {
  it('declares every mini-app once, with a route of its own', () => {
    expect(ids([...miniApps]).sort()).toEqual([...miniAppIds].sort());
    expect(new Set(miniApps.map((app) => app.route)).size).toBe(miniApps.length);
  });

  it('shows a resident the default mini-apps, not the organizer one until its code is scanned', () => {
    const resident = { identity: 'unverified', roles: [], installed: [] } as const;
    expect(ids(homeMiniApps(resident))).toEqual(['volunteer', 'points', 'disaster']);
    expect(ids(homeMiniApps({ ...resident, installed: ['organizer'] }))).toEqual([
      'volunteer',
      'points',
      'disaster',
      'organizer',
    ]);
  });

  it('shows the city console only to city staff and the shop app only to shop staff', () => {
    expect(ids(homeMiniApps({ identity: 'verified', roles: ['city_reviewer'], installed: [] }))).toContain(
      'city',
    );
    expect(
      ids(homeMiniApps({ identity: 'verified', roles: ['shelter_staff'], installed: [] })),
    ).not.toContain('city');
    expect(ids(homeMiniApps({ identity: 'verified', roles: ['shop_staff'], installed: [] }))).toContain(
      'shop',
    );
  });

  it('asks for card verification before the points mini-app opens (R-ID-2)', () => {
    const points = findMiniApp('points');
    if (!points) throw new Error('points mini-app missing');
    expect(needsVerification(points, { identity: 'unverified' })).toBe(true);
    expect(needsVerification(points, { identity: 'verified' })).toBe(false);
  });
});
