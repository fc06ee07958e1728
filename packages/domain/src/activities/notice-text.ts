import { characterCount, hasForbiddenCharacters, isBlank } from './plain-text.ts';

/**
 * The free texts an organizer writes beside the form: a notice to participants (R-ACT-4) and
 * the reason for cancelling (shown in the automatic cancellation notice). Stored and shown as
 * plain text like every activity text (`plain-text.ts`): "<script>" is harmless words.
 */
export const maxNoticeBodyLength = 2000;
export const maxCancelReasonLength = 500;

export type FreeTextProblem = 'empty' | 'too_long' | 'forbidden_characters';

/** Why the text is not accepted, or null. Several lines are fine; control characters are not. */
export function freeTextProblem(text: string, maxLength: number): FreeTextProblem | null {
  if (isBlank(text)) return 'empty';
  if (hasForbiddenCharacters(text, true)) return 'forbidden_characters';
  return characterCount(text) > maxLength ? 'too_long' : null;
}
