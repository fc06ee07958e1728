import { MiniAppPlaceholder } from '../../shell/MiniAppPlaceholder.tsx';

/** Placeholder until the points mini-app is built; loaded only when opened. */
export function PointsPage() {
  return <MiniAppPlaceholder id="points" />;
}
