import type { Locale } from '../locale.ts';
import type { FieldErrorCode } from './validate-application.ts';

/**
 * What a person reads under an item of the application form. Like `errorMessages`, kept beside
 * the codes so that server (problem+json `errors`) and web show the same words (decision 0005).
 */
export const fieldErrorMessages: Record<Locale, Record<FieldErrorCode, string>> = {
  ja: {
    required: '入力してください。',
    too_long: '文字数が多すぎます。短くしてください。',
    invalid_choice: '一覧から選んでください。',
    invalid_phone: '電話番号を市外局番から入力してください（例：096-328-2477）。',
    invalid_email: 'メールアドレスの形式を確認してください（例：info@example.jp）。',
    invalid_url: 'ホームページのアドレスを確認してください（例：https://example.jp）。',
    outside_city: '所在地は熊本市内に限ります。熊本市外の団体は、申請できる団体との共催で活動できます。',
    ward_missing: '「熊本市中央区」のように、区から入力してください。',
    address_incomplete: '町名・番地まで入力してください。',
    looks_like_individual_number:
      '12桁の番号のような数字が含まれています。個人番号（マイナンバー）は入力しないでください。',
    document_type: 'PDFまたは画像（JPEG・PNG・WebP）のファイルを選んでください。',
    document_empty: 'ファイルが空です。別のファイルを選んでください。',
    document_too_large: 'ファイルが大きすぎます。10MB以下にしてください。',
    declaration_required: '内容を確認し、チェックを入れてください。',
  },
  en: {
    required: 'Please fill this in.',
    too_long: 'This is too long. Please shorten it.',
    invalid_choice: 'Please choose from the list.',
    invalid_phone: 'Enter the number with its area code (for example 096-328-2477).',
    invalid_email: 'Please check the e-mail address (for example info@example.jp).',
    invalid_url: 'Please check the website address (for example https://example.jp).',
    outside_city:
      'The address must be in Kumamoto City. A group outside the city can hold activities together with a group that can apply.',
    ward_missing: 'Please include the ward, as in "熊本市中央区".',
    address_incomplete: 'Please enter the address down to the street and number.',
    looks_like_individual_number:
      'This contains what looks like a 12-digit number. Please do not enter an individual number (My Number).',
    document_type: 'Please choose a PDF or an image (JPEG, PNG or WebP).',
    document_empty: 'The file is empty. Please choose another.',
    document_too_large: 'The file is too large. Please keep it to 10 MB or less.',
    declaration_required: 'Please read this and tick the box.',
  },
};
