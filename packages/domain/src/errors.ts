import type { Locale } from './locale.ts';

/**
 * Every error the API can answer with. The server maps each code to an HTTP status in one
 * table, the web maps each to localized text here: adding a code without both fails to compile.
 * Clients match on the code, never on message text.
 */
export const errorCodes = [
  'validation_failed',
  'malformed_body',
  'payload_too_large',
  'unsupported_media_type',
  'not_found',
  'method_not_allowed',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'rate_limited',
  'conflict',
  'demo_disabled',
  'unknown_persona',
  'unknown_scan_code',
  'unknown_miniapp',
  'miniapp_not_installable',
  'identity_already_bound',
  'individual_number_refused',
  // — sign-in: passkeys and sessions —
  // — sign-in: e-mail codes and mail —
  // — identity: OIDC card service —
  // — identity: JPKI and school districts —
  // — account deletion and access policy —
  'service_unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** What a person reads for each code: short, plain, and telling them what to do next. */
export const errorMessages: Record<Locale, Record<ErrorCode, string>> = {
  ja: {
    validation_failed: '入力内容に誤りがあります。赤く表示された項目を確認してください。',
    malformed_body: '送信されたデータを読み取れませんでした。もう一度お試しください。',
    payload_too_large: '送信されたデータが大きすぎます。',
    unsupported_media_type: 'この形式のデータは受け付けていません。',
    not_found: 'お探しのページまたは情報が見つかりません。',
    method_not_allowed: 'この操作はできません。',
    unauthenticated: 'ログインしてください。',
    forbidden: 'この操作を行う権限がありません。',
    csrf_failed: '画面の有効期限が切れました。ページを再読み込みしてからもう一度お試しください。',
    rate_limited: '操作が集中しています。しばらく待ってからもう一度お試しください。',
    conflict: 'ほかの操作と重なりました。画面を更新してからもう一度お試しください。',
    demo_disabled: 'デモ用ログインはこの環境では使えません。',
    unknown_persona: 'そのデモ用の利用者は見つかりません。',
    unknown_scan_code: 'このコードはくまもとアプリでは使えません。コードを確認してください。',
    unknown_miniapp: 'そのミニアプリは見つかりません。',
    miniapp_not_installable: 'このミニアプリは追加する必要がありません。',
    identity_already_bound:
      'このマイナンバーカードの方は、別のアカウントで本人確認済みです。そのアカウントでログインするか、くまもとアプリ運営事務局にお問い合わせください。',
    individual_number_refused:
      'マイナンバー（12桁の個人番号）は入力しないでください。くまもとアプリは個人番号を受け取りません。',
    // — sign-in: passkeys and sessions —
    // — sign-in: e-mail codes and mail —
    // — identity: OIDC card service —
    // — identity: JPKI and school districts —
    // — account deletion and access policy —
    service_unavailable: 'ただいまサービスを利用できません。しばらくしてからもう一度お試しください。',
    internal: '申し訳ありません。エラーが発生しました。しばらくしてからもう一度お試しください。',
  },
  en: {
    validation_failed: 'Some of the information is not valid. Please check the highlighted fields.',
    malformed_body: 'We could not read the data that was sent. Please try again.',
    payload_too_large: 'The data sent is too large.',
    unsupported_media_type: 'This kind of data is not accepted.',
    not_found: 'The page or information you are looking for was not found.',
    method_not_allowed: 'This action is not possible.',
    unauthenticated: 'Please sign in.',
    forbidden: 'You do not have permission to do this.',
    csrf_failed: 'This screen has expired. Please reload the page and try again.',
    rate_limited: 'Too many requests. Please wait a moment and try again.',
    conflict: 'This clashed with another change. Please refresh and try again.',
    demo_disabled: 'Demo sign-in is not available here.',
    unknown_persona: 'That demo user does not exist.',
    unknown_scan_code: 'This code cannot be used in the Kumamoto App. Please check the code.',
    unknown_miniapp: 'That mini-app does not exist.',
    miniapp_not_installable: 'This mini-app does not need to be added.',
    identity_already_bound:
      'This My Number Card holder is already verified on another account. Sign in to that account, or contact the Kumamoto App office.',
    individual_number_refused:
      'Please do not enter a My Number (12-digit individual number). The Kumamoto App never accepts it.',
    // — sign-in: passkeys and sessions —
    // — sign-in: e-mail codes and mail —
    // — identity: OIDC card service —
    // — identity: JPKI and school districts —
    // — account deletion and access policy —
    service_unavailable: 'The service is unavailable right now. Please try again later.',
    internal: 'Sorry, something went wrong. Please try again later.',
  },
};

/** RFC 9457 problem details as this API sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  /** Field-level problems for validation errors: a JSON path and the field's own code. */
  errors?: { path: string; message: string }[];
}
