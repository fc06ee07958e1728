import type { CardIdentity } from '@kumamoto/domain';

/** The users columns for a card-proven identity (R-ID-1), or for none. */
export function cardColumns(card: CardIdentity | null, verifiedAt: Date) {
  if (!card) return { identityLevel: 'unverified' as const };
  return {
    identityLevel: 'verified' as const,
    displayName: card.name,
    cardName: card.name,
    cardAddress: card.address,
    cardBirthDate: card.birthDate,
    cardGender: card.gender,
    verifiedAt,
  };
}
