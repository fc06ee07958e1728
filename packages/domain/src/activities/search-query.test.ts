import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityCategoryIds } from './categories.ts';
import {
  activitySearchParams,
  activitySearchParamsSchema,
  searchCaps,
  searchOffset,
} from './search-query.ts';

const parse = (params: Record<string, unknown>) => activitySearchParamsSchema.safeParse(params);

describe('activitySearchParamsSchema', () => {
  it('fills sensible defaults for an empty query', () => {
    expect(parse({}).data).toEqual({
      terms: [],
      from: null,
      to: null,
      categories: [],
      districtCode: null,
      hasPlacesLeft: false,
      includeEnded: false,
      near: null,
      page: 1,
      pageSize: 20,
    });
  });

  it('reads every filter from URL text', () => {
    expect(
      parse({
        q: ' まち　清掃 ',
        from: '2026-02-14',
        to: '2026-02-15',
        categories: 'environment,children',
        district: 'tetori',
        hasPlacesLeft: 'true',
        includeEnded: '0',
        lat: '32.8031',
        lng: '130.7079',
        radiusKm: '3',
        page: '2',
        pageSize: '10',
      }).data,
    ).toEqual({
      terms: ['まち', '清掃'],
      from: '2026-02-14',
      to: '2026-02-15',
      categories: ['environment', 'children'],
      districtCode: 'tetori',
      hasPlacesLeft: true,
      includeEnded: false,
      near: { point: { lat: 32.8031, lng: 130.7079 }, radiusKm: 3 },
      page: 2,
      pageSize: 10,
    });
  });

  it('takes repeated categories and ignores empty values', () => {
    expect(parse({ categories: ['welfare', 'welfare', 'event'], lat: '', q: '' }).data).toMatchObject({
      categories: ['welfare', 'event'],
      near: null,
    });
  });

  it('uses a 5 km radius when only a point is given', () => {
    expect(parse({ lat: '32.8', lng: '130.7' }).data?.near?.radiusKm).toBe(5);
  });

  it.each([
    ['an unknown category', { categories: 'environment,shopping' }],
    ['a date that does not exist', { from: '2026-02-30' }],
    ['a range that ends before it starts', { from: '2026-03-01', to: '2026-02-28' }],
    ['a latitude without a longitude', { lat: '32.8' }],
    ['a radius without a point', { radiusKm: '3' }],
    ['a radius over the cap', { lat: '32.8', lng: '130.7', radiusKm: String(searchCaps.maxRadiusKm + 1) }],
    ['a page size over the cap', { pageSize: String(searchCaps.maxPageSize + 1) }],
    ['a page beyond the cap', { page: String(searchCaps.maxPage + 1) }],
    ['page zero', { page: '0' }],
    ['a fractional page', { page: '1.5' }],
    ['a non-number', { lat: 'north', lng: '130.7' }],
    ['a yes/no that is neither', { hasPlacesLeft: 'perhaps' }],
    ['an over-long query', { q: 'あ'.repeat(searchCaps.maxQueryLength + 1) }],
  ])('refuses %s', (_, params) => {
    expect(parse(params).success).toBe(false);
  });

  it('survives the round trip through URL parameters', () => {
    const params = fc.record(
      {
        q: fc.string({ maxLength: searchCaps.maxQueryLength }),
        categories: fc.subarray([...activityCategoryIds]).map((ids) => ids.join(',')),
        hasPlacesLeft: fc.constantFrom('true', 'false'),
        lat: fc.double({ min: 32, max: 33, noNaN: true }).map(String),
        lng: fc.double({ min: 130, max: 131, noNaN: true }).map(String),
        radiusKm: fc.double({ min: 0.1, max: 50, noNaN: true }).map(String),
        page: fc.integer({ min: 1, max: 100 }).map(String),
        from: fc.constantFrom('2026-01-01', '2026-02-18'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(params, (raw) => {
        if ((raw.lat === undefined) !== (raw.lng === undefined) || (raw.radiusKm && raw.lat === undefined))
          return;
        const query = activitySearchParamsSchema.parse(raw);
        expect(activitySearchParamsSchema.parse(activitySearchParams(query))).toEqual(query);
      }),
    );
  });
});

describe('searchOffset', () => {
  it('skips the earlier pages', () => {
    expect(searchOffset({ page: 1, pageSize: 20 })).toBe(0);
    expect(searchOffset({ page: 3, pageSize: 20 })).toBe(40);
  });
});
