import type { GeoPoint } from '@kumamoto/domain';
import { useCallback, useState } from 'react';

export type GeolocationState = 'idle' | 'locating' | 'denied' | 'unavailable' | 'unsupported';

/**
 * "Near me" (optional): asks the browser for the position once, when the resident presses
 * the button, never on page load. A refusal is a normal answer with its own message.
 */
export function useGeolocation(): { state: GeolocationState; locate: () => Promise<GeoPoint | null> } {
  const [state, setState] = useState<GeolocationState>('idle');
  const locate = useCallback(async (): Promise<GeoPoint | null> => {
    if (!('geolocation' in navigator)) {
      setState('unsupported');
      return null;
    }
    setState('locating');
    try {
      const position = await new Promise<GeolocationPosition>((resolve, reject) =>
        navigator.geolocation.getCurrentPosition(resolve, reject, {
          enableHighAccuracy: false,
          timeout: 15_000,
          maximumAge: 5 * 60_000,
        }),
      );
      setState('idle');
      return { lat: position.coords.latitude, lng: position.coords.longitude };
    } catch (error) {
      const denied =
        typeof error === 'object' &&
        error !== null &&
        'code' in error &&
        (error as GeolocationPositionError).code === 1;
      setState(denied ? 'denied' : 'unavailable');
      return null;
    }
  }, []);
  return { state, locate };
}
