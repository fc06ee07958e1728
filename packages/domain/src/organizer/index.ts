/** Organizer groups: application, review, fiscal-year rights, members, changes (issue 4). */
export * from './application-draft.ts';
export * from './application-items.ts';
export * from './categories.ts';
export * from './change-application.ts';
export * from './contact-formats.ts';
export * from './documents.ts';
export * from './eligibility.ts';
export * from './field-error-messages.ts';
export * from './fiscal-year.ts';
export * from './group-standing.ts';
export * from './kumamoto-address.ts';
export * from './lifecycle-states.ts';
export * from './lifecycle-table.ts';
export * from './lifecycle.ts';
export * from './members.ts';
export * from './settings.ts';
export * from './validate-application.ts';
