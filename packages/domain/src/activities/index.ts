/**
 * Activities (issue 5): the pure rules the organizer and volunteer mini-apps and the server
 * share. R-ACT-1 … R-ACT-7, R-ID-4, R-PT-3.
 */
export * from './activity.ts';
export * from './applications.ts';
export * from './calendar.ts';
export * from './categories.ts';
export * from './eligibility.ts';
export * from './field-errors.ts';
export * from './fields.ts';
export * from './geo.ts';
export * from './input-schema.ts';
export * from './insurance.ts';
export * from './jst-local-time.ts';
export * from './lifecycle.ts';
export * from './limits.ts';
export * from './notice-text.ts';
export * from './notices.ts';
export * from './participants-csv.ts';
export * from './participants.ts';
export { characterCount, hasForbiddenCharacters } from './plain-text.ts';
export * from './search-match.ts';
export * from './search-query.ts';
export * from './search-text.ts';
export * from './share-token.ts';
export * from './validate-activity.ts';
export * from './waitlist.ts';
