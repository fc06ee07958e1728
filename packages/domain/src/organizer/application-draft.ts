import { applicationItemKeys, activityFieldIds, type ActivityFieldId } from './application-items.ts';
import { findCategory, isCategoryId, type CategoryId } from './categories.ts';
import { normalizeWebsite } from './contact-formats.ts';
import type { DocumentRef } from './documents.ts';

/** What a group registers (R-ORG-3); a change application edits these (R-ORG-8). */
export interface RegisteredDetails {
  /** Null only while a draft has not chosen one. */
  category: CategoryId | null;
  name: string;
  representative: string;
  address: string;
  overview: string;
  website: string;
  phone: string;
  email: string;
  activityFields: readonly ActivityFieldId[];
  trackRecord: string;
  officerList: DocumentRef | null;
  bylaws: DocumentRef | null;
}

/** A registration application as saved and submitted: the details and the declaration. */
export interface ApplicationDraft extends RegisteredDetails {
  /** R-ORG-4: the applicant belongs to the group and applies with the representative's consent. */
  declaration: boolean;
}

export type RegisteredDetailKey = keyof RegisteredDetails;
export const registeredDetailKeys = applicationItemKeys.filter(
  (key): key is RegisteredDetailKey => key !== 'declaration',
);

export const emptyApplicationDraft: ApplicationDraft = {
  category: null,
  name: '',
  representative: '',
  address: '',
  overview: '',
  website: '',
  phone: '',
  email: '',
  activityFields: [],
  trackRecord: '',
  officerList: null,
  bylaws: null,
  declaration: false,
};

/** One line: NFKC (full-width letters and digits, half-width kana), single spaces, trimmed. */
function oneLine(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** Free text keeps the writer's characters; only line endings and the ends are tidied. */
function freeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

/**
 * The form stored and compared: text tidied, the website given a scheme, fields of activity
 * once each in list order, and items the category does not ask for dropped (R-PRIV-1: keep
 * no document the city did not ask for). Idempotent.
 */
export function normalizeDetails<T extends RegisteredDetails>(details: T): T {
  const normalized: T = {
    ...details,
    name: oneLine(details.name),
    representative: oneLine(details.representative),
    address: oneLine(details.address),
    overview: freeText(details.overview),
    website: normalizeWebsite(details.website),
    phone: oneLine(details.phone),
    email: oneLine(details.email),
    activityFields: activityFieldIds
      .filter((id) => details.activityFields.includes(id))
      .concat(
        // unknown ids stay so that validation can name them rather than silently drop them
        details.activityFields.filter((id) => !(activityFieldIds as readonly string[]).includes(id)),
      ),
    trackRecord: freeText(details.trackRecord),
  };
  if (!isCategoryId(normalized.category)) return normalized;
  const items = findCategory(normalized.category).items;
  for (const key of registeredDetailKeys) {
    if (items[key] !== 'not_asked') continue;
    if (key === 'officerList' || key === 'bylaws') normalized[key] = null;
    else if (key === 'activityFields') normalized[key] = [];
    else if (key !== 'category') normalized[key] = '';
  }
  return normalized;
}
