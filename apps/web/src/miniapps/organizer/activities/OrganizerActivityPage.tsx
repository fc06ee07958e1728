// Placeholder until the screen is built: replace this whole file.
export function OrganizerActivityPage() {
  return null;
}
