import { MiniAppPlaceholder } from '../../shell/MiniAppPlaceholder.tsx';

/** Placeholder until the volunteer mini-app is built; loaded only when opened. */
export function VolunteerPage() {
  return <MiniAppPlaceholder id="volunteer" />;
}
