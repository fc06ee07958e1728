import {
  activityCategoryIds,
  isActivityCategoryId,
  type ActivityCategoryId,
  type GeoPoint,
} from '@kumamoto/domain';

/**
 * The search screen's filters, kept in the address bar so a search can be shared and the
 * back button returns to it. The names are the API's (`activitySearchParamsSchema`), so the
 * page's query is also the request's.
 */
export interface SearchFilters {
  /** As typed: the server folds it (NFKC, kana) and matches parts of words. */
  q: string;
  /** JST calendar days (YYYY-MM-DD) or ''. */
  from: string;
  to: string;
  categories: ActivityCategoryId[];
  district: string;
  hasPlacesLeft: boolean;
  near: (GeoPoint & { radiusKm: number }) | null;
}

export const emptyFilters: SearchFilters = {
  q: '',
  from: '',
  to: '',
  categories: [],
  district: '',
  hasPlacesLeft: false,
  near: null,
};

/**
 * The distances a resident picks from (km), and the one "near me" starts with. They lie
 * inside the API's bounds (`searchCaps`, `searchDefaults`; a test checks), restated here
 * because the module that holds those also holds the zod schemas, 25 KB gzip this screen
 * does not otherwise need.
 */
export const radiusChoices = [1, 3, 5, 10, 20] as const;
export const defaultRadiusKm = 5;
/** The longest keyword text the API takes (`searchCaps.maxQueryLength`). */
export const maxKeywordLength = 200;

const isoDay = /^\d{4}-\d{2}-\d{2}$/u;
const validDay = (value: string | null): string =>
  value && isoDay.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : '';

function finite(value: string | null, min: number, max: number): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : null;
}

/**
 * Reads the filters from a URL query. Whatever does not make sense (an unknown category, a
 * malformed date, a point without its pair) is dropped, so a mangled link still searches.
 */
export function filtersFromParams(params: URLSearchParams): SearchFilters {
  const categories = (params.get('categories') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(isActivityCategoryId);
  const lat = finite(params.get('lat'), -90, 90);
  const lng = finite(params.get('lng'), -180, 180);
  const radius = finite(params.get('radiusKm'), 0, Infinity);
  const radiusKm = radiusChoices.find((km) => km === radius) ?? defaultRadiusKm;
  return {
    q: (params.get('q') ?? '').slice(0, maxKeywordLength),
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
    // In the table's order, once each: the same filters always give the same address.
    categories: activityCategoryIds.filter((id) => categories.includes(id)),
    district: (params.get('district') ?? '').slice(0, 64),
    hasPlacesLeft: params.get('hasPlacesLeft') === 'true',
    near: lat !== null && lng !== null ? { lat, lng, radiusKm } : null,
  };
}

/** The filters as a URL query, defaults left out, in a fixed order (also the cache key). */
export function paramsFromFilters(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  const q = filters.q.trim();
  if (q) params.set('q', q);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.categories.length > 0) params.set('categories', filters.categories.join(','));
  if (filters.district) params.set('district', filters.district);
  if (filters.hasPlacesLeft) params.set('hasPlacesLeft', 'true');
  if (filters.near) {
    params.set('lat', String(filters.near.lat));
    params.set('lng', String(filters.near.lng));
    params.set('radiusKm', String(filters.near.radiusKm));
  }
  return params;
}

/** "to" before "from" is a mistake to point out at the field, not a search to send. */
export function dateRangeIsReversed(filters: Pick<SearchFilters, 'from' | 'to'>): boolean {
  return filters.from !== '' && filters.to !== '' && filters.to < filters.from;
}

/** How many filters beyond the keyword are on (shown on the collapsed filter panel). */
export function activeFilterCount(filters: SearchFilters): number {
  return (
    (filters.from || filters.to ? 1 : 0) +
    filters.categories.length +
    (filters.district ? 1 : 0) +
    (filters.hasPlacesLeft ? 1 : 0) +
    (filters.near ? 1 : 0)
  );
}

/**
 * A position rounded to 3 decimals (about 100 m): near enough to find activities, while the
 * address bar and a shared link never carry exactly where the resident stands.
 */
export function roundedPoint(point: GeoPoint): GeoPoint {
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { lat: round(point.lat), lng: round(point.lng) };
}

/** The place on OpenStreetMap, with a marker: a plain link, no map library in the app. */
export function openStreetMapUrl(point: GeoPoint): string {
  const lat = point.lat.toFixed(5);
  const lng = point.lng.toFixed(5);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
}
