import type { MiniAppId } from '@kumamoto/domain';
import type { ComponentType, LazyExoticComponent } from 'react';
import { lazyScreen } from './lazy-screen.ts';

/**
 * Registry glue: each mini-app's page, loaded only when opened so the home screen stays
 * small. A mini-app added to the domain registry without a page here fails to compile.
 */
export const miniAppPages: Record<MiniAppId, LazyExoticComponent<ComponentType>> = {
  volunteer: lazyScreen(async () => (await import('../miniapps/volunteer/VolunteerPage.tsx')).VolunteerPage),
  points: lazyScreen(async () => (await import('../miniapps/points/PointsPage.tsx')).PointsPage),
  disaster: lazyScreen(async () => (await import('../miniapps/disaster/DisasterPage.tsx')).DisasterPage),
  organizer: lazyScreen(async () => (await import('../miniapps/organizer/OrganizerPage.tsx')).OrganizerPage),
  city: lazyScreen(async () => (await import('../miniapps/city/CityPage.tsx')).CityPage),
  shop: lazyScreen(async () => (await import('../miniapps/shop/ShopPage.tsx')).ShopPage),
};
