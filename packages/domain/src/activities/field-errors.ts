import type { Locale } from '../locale.ts';
import type { ActivityFieldName } from './fields.ts';

/**
 * Why one item of the organizer form is not accepted. The server answers `validation_failed`
 * with these per field (Problem.errors); the form shows the message under the field.
 */
export const activityFieldErrorCodes = [
  'required',
  'too_long',
  'forbidden_characters',
  'unknown_choice',
  'end_not_after_start',
  'start_not_in_future',
  'end_not_in_future',
  'deadline_after_start',
  'deadline_not_in_future',
  'capacity_not_positive_integer',
  'capacity_too_large',
  'capacity_below_applicants',
  'invalid_location',
  'outside_kumamoto',
  'district_needed_for_restriction',
  'eligibility_unconfirmed',
  'cannot_return_to_draft',
] as const;
export type ActivityFieldErrorCode = (typeof activityFieldErrorCodes)[number];

export interface ActivityFieldError {
  field: ActivityFieldName;
  code: ActivityFieldErrorCode;
  /** The number a message names: the maximum length or capacity, or the current applicants. */
  limit?: number;
}

/** `{limit}` is replaced by the error's limit. Plain and polite, saying what to do next. */
const messages: Record<Locale, Record<ActivityFieldErrorCode, string>> = {
  ja: {
    required: 'この項目を入力してください。',
    too_long: '{limit}文字以内で入力してください。',
    forbidden_characters: '使えない文字（制御文字など）が含まれています。入力し直してください。',
    unknown_choice: '選択肢の中から選んでください。',
    end_not_after_start: '終了日時は開始日時より後にしてください。',
    start_not_in_future: '開始日時は、これから先の日時にしてください。',
    end_not_in_future: '終了日時は、これから先の日時にしてください。',
    deadline_after_start: '申込締切は開始日時より前にしてください。',
    deadline_not_in_future: '申込締切は、これから先の日時にしてください。',
    capacity_not_positive_integer:
      '定員は1以上の整数で入力してください。定員を設けない場合は空欄にしてください。',
    capacity_too_large: '定員は{limit}人以下にしてください。',
    capacity_below_applicants: 'すでに{limit}人が申し込んでいます。定員は{limit}人以上にしてください。',
    invalid_location: '地図の位置を読み取れませんでした。もう一度地図で指定してください。',
    outside_kumamoto: '地図の位置が熊本市から離れています。場所を確認して指定し直してください。',
    district_needed_for_restriction: '校区を限定するには、校区を選んでください。',
    eligibility_unconfirmed: '公開するには、対象活動の条件をすべて確認してチェックしてください。',
    cannot_return_to_draft:
      '公開した活動は下書きに戻せません。一覧から外すには「URL限定公開」にするか、活動を中止してください。',
  },
  en: {
    required: 'Please fill in this item.',
    too_long: 'Please use no more than {limit} characters.',
    forbidden_characters:
      'This contains characters that cannot be used (such as control characters). Please type it again.',
    unknown_choice: 'Please choose one of the options.',
    end_not_after_start: 'The end must be later than the start.',
    start_not_in_future: 'Please choose a start time that is still to come.',
    end_not_in_future: 'Please choose an end time that is still to come.',
    deadline_after_start: 'The application deadline must be before the start.',
    deadline_not_in_future: 'Please choose an application deadline that is still to come.',
    capacity_not_positive_integer:
      'Please enter the capacity as a whole number of 1 or more, or leave it empty for no limit.',
    capacity_too_large: 'Please set a capacity of {limit} or fewer.',
    capacity_below_applicants:
      '{limit} people have already applied. Please set a capacity of at least {limit}.',
    invalid_location: 'We could not read the point on the map. Please mark it on the map again.',
    outside_kumamoto:
      'The point on the map is far from Kumamoto City. Please check the place and mark it again.',
    district_needed_for_restriction: 'Please choose a school district to limit the activity to it.',
    eligibility_unconfirmed: 'To publish, please check and tick every eligibility condition.',
    cannot_return_to_draft:
      'A published activity cannot go back to being a draft. To take it out of the list, make it unlisted or cancel the activity.',
  },
};

export function activityFieldErrorMessage(error: ActivityFieldError, locale: Locale): string {
  return messages[locale][error.code].replaceAll('{limit}', String(error.limit ?? ''));
}

/** In the shape of Problem.errors, for the server's `validation_failed` answer. */
export function localizeActivityFieldErrors(
  errors: readonly ActivityFieldError[],
  locale: Locale,
): { path: string; message: string }[] {
  return errors.map((error) => ({ path: error.field, message: activityFieldErrorMessage(error, locale) }));
}
