import type { MiniAppId } from '@kumamoto/domain';
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * Registry glue: each mini-app's page, loaded only when opened so the home screen stays
 * small. A mini-app added to the domain registry without a page here fails to compile.
 */
export const miniAppPages: Record<MiniAppId, LazyExoticComponent<ComponentType>> = {
  volunteer: lazy(async () => ({
    default: (await import('../miniapps/volunteer/VolunteerPage.tsx')).VolunteerPage,
  })),
  points: lazy(async () => ({ default: (await import('../miniapps/points/PointsPage.tsx')).PointsPage })),
  disaster: lazy(async () => ({
    default: (await import('../miniapps/disaster/DisasterPage.tsx')).DisasterPage,
  })),
  organizer: lazy(async () => ({
    default: (await import('../miniapps/organizer/OrganizerPage.tsx')).OrganizerPage,
  })),
  city: lazy(async () => ({ default: (await import('../miniapps/city/CityPage.tsx')).CityPage })),
  shop: lazy(async () => ({ default: (await import('../miniapps/shop/ShopPage.tsx')).ShopPage })),
};
