import { MiniAppPlaceholder } from '../../shell/MiniAppPlaceholder.tsx';

/** Placeholder until the city mini-app is built; loaded only when opened. */
export function CityPage() {
  return <MiniAppPlaceholder id="city" />;
}
