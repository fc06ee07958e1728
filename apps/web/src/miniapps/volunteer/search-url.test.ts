import { activitySearchParamsSchema, searchCaps, searchDefaults } from '@kumamoto/domain';
import { describe, expect, test } from 'vitest';
import {
  activeFilterCount,
  dateRangeIsReversed,
  defaultRadiusKm,
  maxKeywordLength,
  radiusChoices,
  emptyFilters,
  filtersFromParams,
  openStreetMapUrl,
  paramsFromFilters,
  roundedPoint,
  type SearchFilters,
} from './search-url.ts';

const full: SearchFilters = {
  q: '清掃 公園',
  from: '2026-12-01',
  to: '2026-12-31',
  categories: ['environment', 'children'],
  district: '43100-01',
  hasPlacesLeft: true,
  near: { lat: 32.803, lng: 130.708, radiusKm: 3 },
};

describe('search filters in the address bar (shareable, back button works)', () => {
  test('every filter survives the round trip through the URL', () => {
    expect(filtersFromParams(paramsFromFilters(full))).toEqual(full);
    expect(filtersFromParams(new URLSearchParams(''))).toEqual(emptyFilters);
  });

  test('defaults are left out, so the plain list has a plain address', () => {
    expect(paramsFromFilters(emptyFilters).toString()).toBe('');
    expect(paramsFromFilters({ ...emptyFilters, q: '  清掃 ' }).toString()).toBe(
      `q=${encodeURIComponent('清掃')}`,
    );
  });

  test('the query is one the API accepts with the same meaning', () => {
    const parsed = activitySearchParamsSchema.parse(Object.fromEntries(paramsFromFilters(full)));
    expect(parsed.categories).toEqual(['environment', 'children']);
    expect(parsed.from).toBe('2026-12-01');
    expect(parsed.districtCode).toBe('43100-01');
    expect(parsed.hasPlacesLeft).toBe(true);
    expect(parsed.near).toEqual({ point: { lat: 32.803, lng: 130.708 }, radiusKm: 3 });
  });

  test('a mangled link drops what makes no sense and still searches', () => {
    const filters = filtersFromParams(
      new URLSearchParams(
        'categories=children,bogus,environment,children&from=2026-13-45&to=yesterday&lat=32.8',
      ),
    );
    // In the table's order, once each.
    expect(filters.categories).toEqual(['environment', 'children']);
    expect(filters.from).toBe('');
    expect(filters.to).toBe('');
    // A latitude without its longitude is no point.
    expect(filters.near).toBeNull();
    expect(filtersFromParams(new URLSearchParams('lat=32.8&lng=130.7&radiusKm=999')).near).toEqual({
      lat: 32.8,
      lng: 130.7,
      radiusKm: 5,
    });
  });

  test('the choices offered stay inside what the API accepts', () => {
    expect(defaultRadiusKm).toBe(searchDefaults.radiusKm);
    expect(radiusChoices).toContain(defaultRadiusKm);
    for (const km of radiusChoices) {
      expect(km).toBeGreaterThanOrEqual(searchCaps.minRadiusKm);
      expect(km).toBeLessThanOrEqual(searchCaps.maxRadiusKm);
    }
    expect(maxKeywordLength).toBe(searchCaps.maxQueryLength);
    expect(filtersFromParams(new URLSearchParams({ q: 'あ'.repeat(300) })).q).toHaveLength(maxKeywordLength);
  });

  test('a reversed date range is caught before it is sent', () => {
    expect(dateRangeIsReversed({ from: '2026-12-10', to: '2026-12-01' })).toBe(true);
    expect(dateRangeIsReversed({ from: '2026-12-01', to: '2026-12-01' })).toBe(false);
    expect(dateRangeIsReversed({ from: '', to: '2026-12-01' })).toBe(false);
  });

  test('the filter count names each chosen filter once', () => {
    expect(activeFilterCount(emptyFilters)).toBe(0);
    expect(activeFilterCount({ ...full, q: '' })).toBe(1 + 2 + 1 + 1 + 1);
  });
});

describe('places', () => {
  test('the position in a link is rounded to about 100 m', () => {
    expect(roundedPoint({ lat: 32.8031234, lng: 130.7078999 })).toEqual({ lat: 32.803, lng: 130.708 });
  });

  test('the map link marks the point on OpenStreetMap', () => {
    expect(openStreetMapUrl({ lat: 32.8031, lng: 130.7079 })).toBe(
      'https://www.openstreetmap.org/?mlat=32.80310&mlon=130.70790#map=17/32.80310/130.70790',
    );
  });
});
