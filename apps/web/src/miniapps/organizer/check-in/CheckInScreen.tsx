// Placeholder until the screen is built: replace this whole file.
export function CheckInScreen() {
  return null;
}
