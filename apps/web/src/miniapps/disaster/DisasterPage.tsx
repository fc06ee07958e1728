import { MiniAppPlaceholder } from '../../shell/MiniAppPlaceholder.tsx';

/** Placeholder until the disaster mini-app is built; loaded only when opened. */
export function DisasterPage() {
  return <MiniAppPlaceholder id="disaster" />;
}
