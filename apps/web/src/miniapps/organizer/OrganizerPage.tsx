import { MiniAppPlaceholder } from '../../shell/MiniAppPlaceholder.tsx';

/** Placeholder until the organizer mini-app is built; loaded only when opened. */
export function OrganizerPage() {
  return <MiniAppPlaceholder id="organizer" />;
}
