import { looksLikeIndividualNumber } from '../individual-number.ts';
import { applicationItem, isActivityFieldId, type ApplicationItemKey } from './application-items.ts';
import {
  normalizeDetails,
  registeredDetailKeys,
  type ApplicationDraft,
  type RegisteredDetailKey,
  type RegisteredDetails,
} from './application-draft.ts';
import { findCategory, isCategoryId, type ItemRequirement } from './categories.ts';
import { isEmailAddress, isJapanesePhoneNumber, isWebsiteUrl } from './contact-formats.ts';
import { documentProblem, type DocumentRef } from './documents.ts';
import { checkKumamotoCityAddress } from './kumamoto-address.ts';

/** What is wrong with one item. Codes only: texts are in `field-error-messages.ts`. */
export const fieldErrorCodes = [
  'required',
  'too_long',
  'invalid_choice',
  'invalid_phone',
  'invalid_email',
  'invalid_url',
  'outside_city',
  'ward_missing',
  'address_incomplete',
  'looks_like_individual_number',
  'document_type',
  'document_empty',
  'document_too_large',
  'declaration_required',
] as const;
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

export interface FieldError {
  field: ApplicationItemKey;
  code: FieldErrorCode;
}

/**
 * `draft`: saving; only what is filled in must be well-formed. `submit`: everything the
 * category requires must be there too, and the declaration made.
 */
export type ValidationMode = 'draft' | 'submit';

type TextKey = Exclude<RegisteredDetailKey, 'category' | 'activityFields' | 'officerList' | 'bylaws'>;
/** Where a person writes freely, and so might paste an individual number (R-ID-3). */
const freeTextKeys: readonly TextKey[] = ['name', 'representative', 'address', 'overview', 'trackRecord'];

/** The errors of an application, at most one per item, in form order (R-ORG-1, R-ORG-3). */
export function validateApplication(draft: ApplicationDraft, mode: ValidationMode): FieldError[] {
  const errors = validateDetails(draft, mode);
  if (mode === 'submit' && draft.declaration !== true) {
    errors.push({ field: 'declaration', code: 'declaration_required' });
  }
  return errors;
}

/** The errors of registered details alone, as a change application submits them (R-ORG-8). */
export function validateDetails(input: RegisteredDetails, mode: ValidationMode): FieldError[] {
  const details = normalizeDetails(input);
  const errors: FieldError[] = [];
  const category = details.category;
  if (category === null) {
    if (mode === 'submit') errors.push({ field: 'category', code: 'required' });
  } else if (!isCategoryId(category)) {
    errors.push({ field: 'category', code: 'invalid_choice' });
  }
  const known = isCategoryId(category) ? findCategory(category) : null;
  const requirement = (key: ApplicationItemKey): ItemRequirement => known?.items[key] ?? 'optional';
  const mustHave = (key: ApplicationItemKey) => mode === 'submit' && requirement(key) === 'required';

  for (const key of registeredDetailKeys) {
    if (key === 'category' || requirement(key) === 'not_asked') continue;
    const code = itemProblem(key, details, mustHave(key), known?.mainOfficeInCity ?? false);
    if (code) errors.push({ field: key, code });
  }
  return errors;
}

function itemProblem(
  key: Exclude<RegisteredDetailKey, 'category'>,
  details: RegisteredDetails,
  required: boolean,
  mustBeInCity: boolean,
): FieldErrorCode | null {
  switch (key) {
    case 'activityFields': {
      const fields = details.activityFields;
      if (fields.length === 0) return required ? 'required' : null;
      return fields.every(isActivityFieldId) ? null : 'invalid_choice';
    }
    case 'officerList':
    case 'bylaws':
      return documentItemProblem(details[key], required);
    default:
      return textProblem(key, details[key], required, mustBeInCity);
  }
}

function textProblem(
  key: TextKey,
  value: string,
  required: boolean,
  mustBeInCity: boolean,
): FieldErrorCode | null {
  if (value === '') return required ? 'required' : null;
  if ([...value].length > (applicationItem(key).maxLength ?? Infinity)) return 'too_long';
  if (freeTextKeys.includes(key) && looksLikeIndividualNumber(value)) return 'looks_like_individual_number';
  switch (key) {
    case 'phone':
      return isJapanesePhoneNumber(value) ? null : 'invalid_phone';
    case 'email':
      return isEmailAddress(value) ? null : 'invalid_email';
    case 'website':
      return isWebsiteUrl(value) ? null : 'invalid_url';
    case 'address': {
      if (!mustBeInCity) return null;
      const check = checkKumamotoCityAddress(value);
      return check.inCity ? null : check.reason;
    }
    case 'name':
    case 'representative':
    case 'overview':
    case 'trackRecord':
      return null;
  }
}

function documentItemProblem(file: DocumentRef | null, required: boolean): FieldErrorCode | null {
  if (file === null) return required ? 'required' : null;
  return documentProblem(file);
}
