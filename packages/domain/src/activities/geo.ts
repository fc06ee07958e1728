/** A point on the map in WGS 84 degrees (what phones and map tiles use). */
export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * A generous box around Kumamoto City (the city spans about 32.66–32.95 N, 130.55–130.87 E).
 * R-ACT-1 asks for activities in the city "in principle", so the box leaves a margin for one
 * held just across the border, while catching swapped coordinates, (0, 0) and taps elsewhere
 * in Japan.
 */
export const kumamotoAreaBounds = { minLat: 32.55, maxLat: 33.05, minLng: 130.45, maxLng: 131.0 } as const;

/** Kumamoto City Hall (熊本市役所), where the map opens when nothing else is known. */
export const kumamotoCityHall: GeoPoint = { lat: 32.8031, lng: 130.7079 };

export function isInKumamotoArea(point: GeoPoint): boolean {
  const { minLat, maxLat, minLng, maxLng } = kumamotoAreaBounds;
  return point.lat >= minLat && point.lat <= maxLat && point.lng >= minLng && point.lng <= maxLng;
}

/** The mean Earth radius (IUGG), in km: good to about 0.5 % anywhere, far better than needed here. */
const earthRadiusKm = 6371.0088;
const radians = (deg: number) => (deg * Math.PI) / 180;
const degrees = (rad: number) => (rad * 180) / Math.PI;

/** Great-circle distance in km between two points (haversine formula). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against h creeping past 1 through rounding for antipodal points.
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A latitude/longitude box that contains every point within `radiusKm` of `center`, so that
 * a database can narrow candidates with plain range conditions before the exact distance.
 * The longitude half-width is the exact one for a small circle on the sphere (slightly wider
 * than radius / cos(latitude)); a hair of margin absorbs rounding. Valid away from the poles.
 */
export function boundingBoxAround(center: GeoPoint, radiusKm: number) {
  const angle = radiusKm / earthRadiusKm;
  const margin = 1e-9;
  const dLat = degrees(angle) + margin;
  const dLng = degrees(Math.asin(Math.min(1, Math.sin(angle) / Math.cos(radians(center.lat))))) + margin;
  return {
    minLat: center.lat - dLat,
    maxLat: center.lat + dLat,
    minLng: center.lng - dLng,
    maxLng: center.lng + dLng,
  };
}
