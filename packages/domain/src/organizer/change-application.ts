import {
  normalizeDetails,
  registeredDetailKeys,
  type RegisteredDetailKey,
  type RegisteredDetails,
} from './application-draft.ts';
import type { DocumentRef } from './documents.ts';
import { validateDetails, type FieldError } from './validate-application.ts';

/**
 * R-ORG-8: the reviewer of a change application sees what changed, item by item, before and
 * after. Both sides are compared in their stored (normalized) form, so re-typed spaces or
 * full-width digits are not reported as changes.
 */
export type DetailValue = RegisteredDetails[RegisteredDetailKey];

/** One changed item; narrowing on `field` gives the type of `before` and `after`. */
export type DetailChange = {
  [K in RegisteredDetailKey]: { field: K; before: RegisteredDetails[K]; after: RegisteredDetails[K] };
}[RegisteredDetailKey];

/** The changed items in form order; empty when nothing changed (such a change is refused). */
export function diffRegisteredDetails(before: RegisteredDetails, after: RegisteredDetails): DetailChange[] {
  const from = normalizeDetails(before);
  const to = normalizeDetails(after);
  return registeredDetailKeys
    .filter((field) => !sameValue(from[field], to[field]))
    .map((field) => ({ field, before: from[field], after: to[field] }) as DetailChange);
}

function sameValue(a: DetailValue, b: DetailValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    const left = a as readonly string[];
    const right = b as readonly string[];
    return left.length === right.length && left.every((value, index) => value === right[index]);
  }
  if (isDocument(a) || isDocument(b)) return sameDocument(a as DocumentRef | null, b as DocumentRef | null);
  return a === b;
}

function isDocument(value: DetailValue): value is DocumentRef {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A document counts as changed when a different file was uploaded (its id). */
function sameDocument(a: DocumentRef | null, b: DocumentRef | null): boolean {
  return a?.id === b?.id;
}

export interface ChangeApplicationCheck {
  /** The details to store if the change is approved (normalized). */
  details: RegisteredDetails;
  changes: DetailChange[];
  /** Item errors of the new details, as for a submitted application (minus the declaration). */
  errors: FieldError[];
}

/**
 * A change application is accepted for review when the new details are complete for their
 * category and differ from the registered ones (`changes` not empty).
 */
export function checkChangeApplication(
  registered: RegisteredDetails,
  proposed: RegisteredDetails,
): ChangeApplicationCheck {
  return {
    details: normalizeDetails(proposed),
    changes: diffRegisteredDetails(registered, proposed),
    errors: validateDetails(proposed, 'submit'),
  };
}
