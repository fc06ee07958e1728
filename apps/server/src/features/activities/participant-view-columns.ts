import { users } from '../../db/schema.ts';

/**
 * R-ID-4: the users columns the domain's `participantView` needs to show a person by name, age
 * (on a given day) and gender, and nothing more: the address is never read. Every list of
 * people for organizers or staff selects these.
 */
export const participantViewColumns = {
  displayName: users.displayName,
  identityLevel: users.identityLevel,
  cardName: users.cardName,
  cardBirthDate: users.cardBirthDate,
  cardGender: users.cardGender,
  declaredBirthDate: users.declaredBirthDate,
  declaredGender: users.declaredGender,
};
