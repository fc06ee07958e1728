import { z } from 'zod';
import type { IsoDate } from '../jst.ts';
import { activityCategoryIds, type ActivityCategoryId } from './categories.ts';
import type { GeoPoint } from './geo.ts';
import { searchTerms } from './search-text.ts';

/** A resident's activity search, checked and normalized (issue 5: Discover). */
export interface ActivitySearchQuery {
  /** Normalized keywords that must all occur (see `searchTerms`). */
  terms: string[];
  /** JST calendar days, both inclusive: activities overlapping them. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Any of these; empty means every category. */
  categories: ActivityCategoryId[];
  /** 校区 where the activity takes place. */
  districtCode: string | null;
  /** Only activities without a capacity or with a place free. */
  hasPlacesLeft: boolean;
  /**
   * Also ended activities. Off by default: search is for things one can still join, while
   * ended ones live on in each participant's history (R-ACT-5).
   */
  includeEnded: boolean;
  near: { point: GeoPoint; radiusKm: number } | null;
  page: number;
  pageSize: number;
}

export const searchDefaults = { radiusKm: 5, page: 1, pageSize: 20 } as const;
/**
 * Deep pages cost the database most and help nobody: 100 pages of 50 is 5,000 activities.
 * The query text may hold 200 characters, more than five keywords of 30 ever need once
 * joined back, so a query always survives the round trip through `activitySearchParams`.
 */
export const searchCaps = {
  maxPage: 100,
  maxPageSize: 50,
  minRadiusKm: 0.1,
  maxRadiusKm: 50,
  maxQueryLength: 200,
};

/** Query strings arrive as text; an empty value means "not given". */
const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const flag = optional(z.stringbool()).transform((value) => value ?? false);
const categoryList = z
  .union([z.string().max(500), z.array(z.string().max(50)).max(activityCategoryIds.length)])
  .transform((value) =>
    (Array.isArray(value) ? value : value.split(',')).map((id) => id.trim()).filter(Boolean),
  )
  .pipe(z.array(z.enum(activityCategoryIds)));

/**
 * The URL query of the search endpoint (and of the web's search page): `q`, `from`, `to`,
 * `categories` (comma-separated or repeated), `district`, `hasPlacesLeft`, `includeEnded`,
 * `lat`+`lng`+`radiusKm`, `page`, `pageSize`. Output: `ActivitySearchQuery`.
 */
export const activitySearchParamsSchema = z
  .object({
    q: optional(z.string().max(searchCaps.maxQueryLength)),
    from: optional(z.iso.date()),
    to: optional(z.iso.date()),
    categories: optional(categoryList),
    district: optional(z.string().max(64)),
    hasPlacesLeft: flag,
    includeEnded: flag,
    lat: optional(z.coerce.number().min(-90).max(90)),
    lng: optional(z.coerce.number().min(-180).max(180)),
    radiusKm: optional(z.coerce.number().min(searchCaps.minRadiusKm).max(searchCaps.maxRadiusKm)),
    page: optional(z.coerce.number().int().min(1).max(searchCaps.maxPage)),
    pageSize: optional(z.coerce.number().int().min(1).max(searchCaps.maxPageSize)),
  })
  .superRefine((params, context) => {
    if (params.from && params.to && params.to < params.from) {
      context.addIssue({ code: 'custom', path: ['to'], message: 'to must not be before from' });
    }
    if ((params.lat === undefined) !== (params.lng === undefined)) {
      context.addIssue({ code: 'custom', path: ['lng'], message: 'lat and lng go together' });
    }
    if (params.radiusKm !== undefined && params.lat === undefined) {
      context.addIssue({ code: 'custom', path: ['radiusKm'], message: 'radiusKm needs lat and lng' });
    }
  })
  .transform((params): ActivitySearchQuery => ({
    terms: searchTerms(params.q ?? ''),
    from: (params.from as IsoDate | undefined) ?? null,
    to: (params.to as IsoDate | undefined) ?? null,
    categories: [...new Set(params.categories ?? [])],
    districtCode: params.district ?? null,
    hasPlacesLeft: params.hasPlacesLeft,
    includeEnded: params.includeEnded,
    near:
      params.lat !== undefined && params.lng !== undefined
        ? {
            point: { lat: params.lat, lng: params.lng },
            radiusKm: params.radiusKm ?? searchDefaults.radiusKm,
          }
        : null,
    page: params.page ?? searchDefaults.page,
    pageSize: params.pageSize ?? searchDefaults.pageSize,
  }));

/** The query back as URL parameters (defaults left out), for links and the web's address bar. */
export function activitySearchParams(query: ActivitySearchQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.terms.length > 0) params.q = query.terms.join(' ');
  if (query.from) params.from = query.from;
  if (query.to) params.to = query.to;
  if (query.categories.length > 0) params.categories = query.categories.join(',');
  if (query.districtCode) params.district = query.districtCode;
  if (query.hasPlacesLeft) params.hasPlacesLeft = 'true';
  if (query.includeEnded) params.includeEnded = 'true';
  if (query.near) {
    params.lat = String(query.near.point.lat);
    params.lng = String(query.near.point.lng);
    params.radiusKm = String(query.near.radiusKm);
  }
  if (query.page !== searchDefaults.page) params.page = String(query.page);
  if (query.pageSize !== searchDefaults.pageSize) params.pageSize = String(query.pageSize);
  return params;
}

/** Rows to skip for the query's page. */
export function searchOffset(query: Pick<ActivitySearchQuery, 'page' | 'pageSize'>): number {
  return (query.page - 1) * query.pageSize;
}
