import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundingBoxAround, distanceKm, isInKumamotoArea, kumamotoCityHall } from './geo.ts';

const kumamotoStation = { lat: 32.7898, lng: 130.6887 };
const tokyoStation = { lat: 35.6812, lng: 139.7671 };

describe('distanceKm (haversine)', () => {
  it('measures known distances', () => {
    expect(distanceKm(kumamotoCityHall, kumamotoCityHall)).toBe(0);
    // One degree of latitude is about 111.2 km.
    expect(distanceKm({ lat: 32, lng: 130 }, { lat: 33, lng: 130 })).toBeCloseTo(111.2, 1);
    expect(distanceKm(kumamotoCityHall, kumamotoStation)).toBeGreaterThan(2.2);
    expect(distanceKm(kumamotoCityHall, kumamotoStation)).toBeLessThan(2.5);
    expect(distanceKm(kumamotoCityHall, tokyoStation)).toBeGreaterThan(880);
    expect(distanceKm(kumamotoCityHall, tokyoStation)).toBeLessThan(900);
  });

  it('is symmetric', () => {
    const point = fc.record({
      lat: fc.double({ min: -80, max: 80, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
      }),
    );
  });
});

describe('boundingBoxAround', () => {
  it('contains every point within the radius', () => {
    const near = fc.record({
      lat: fc.double({ min: 32.5, max: 33.1, noNaN: true }),
      lng: fc.double({ min: 130.3, max: 131.2, noNaN: true }),
    });
    fc.assert(
      fc.property(near, near, fc.double({ min: 0.1, max: 50, noNaN: true }), (center, point, radius) => {
        if (distanceKm(center, point) > radius) return;
        const box = boundingBoxAround(center, radius);
        expect(point.lat).toBeGreaterThanOrEqual(box.minLat);
        expect(point.lat).toBeLessThanOrEqual(box.maxLat);
        expect(point.lng).toBeGreaterThanOrEqual(box.minLng);
        expect(point.lng).toBeLessThanOrEqual(box.maxLng);
      }),
      { numRuns: 2000 },
    );
  });

  it('is not much larger than the circle', () => {
    const box = boundingBoxAround(kumamotoCityHall, 5);
    expect(distanceKm({ lat: box.maxLat, lng: kumamotoCityHall.lng }, kumamotoCityHall)).toBeCloseTo(5, 3);
    expect(distanceKm({ lat: kumamotoCityHall.lat, lng: box.maxLng }, kumamotoCityHall)).toBeLessThan(5.01);
  });
});

describe('isInKumamotoArea', () => {
  it('takes the city and its edges, not elsewhere', () => {
    expect(isInKumamotoArea(kumamotoCityHall)).toBe(true);
    expect(isInKumamotoArea({ lat: 32.93, lng: 130.66 })).toBe(true); // Ueki, Kita-ku
    expect(isInKumamotoArea({ lat: 32.68, lng: 130.62 })).toBe(true); // Jōnan, Minami-ku
    expect(isInKumamotoArea(tokyoStation)).toBe(false);
    expect(isInKumamotoArea({ lat: 0, lng: 0 })).toBe(false);
    expect(isInKumamotoArea({ lat: 130.7, lng: 32.8 })).toBe(false);
  });
});
