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
  'passkey_challenge_invalid',
  'passkey_unknown',
  'passkey_verification_failed',
  'passkey_already_registered',
  'passkey_last_one',
  // — sign-in: e-mail codes and mail —
  'email_code_wrong',
  'email_code_expired',
  'email_code_attempts_exceeded',
  'email_code_unavailable',
  'email_code_too_many',
  'email_in_use',
  'mail_send_failed',
  'dev_mail_disabled',
  // — identity: OIDC card service —
  'card_service_not_configured',
  'card_service_unavailable',
  'card_service_denied',
  'card_response_invalid',
  'card_claims_incomplete',
  'oidc_state_invalid',
  'oidc_state_expired',
  'declared_profile_locked',
  // — identity: JPKI and school districts —
  'jpki_not_offered',
  'jpki_malformed',
  'jpki_challenge_used',
  'jpki_challenge_expired',
  'jpki_signature_invalid',
  'jpki_certificate_untrusted',
  'jpki_wrong_certificate',
  'jpki_certificate_not_yet_valid',
  'jpki_certificate_expired',
  'jpki_certificate_revoked',
  'jpki_card_data_invalid',
  'jpki_individual_number_suspected',
  'jpki_revocation_unavailable',
  'school_district_from_address',
  'school_district_unknown',
  // — organizer groups —
  'organizer_application_invalid',
  'organizer_duplicate_application',
  'organizer_wrong_state',
  'organizer_reason_required',
  'organizer_reason_too_long',
  'organizer_document_type',
  'organizer_document_empty',
  'organizer_document_too_large',
  'organizer_invitation_invalid',
  'organizer_invitation_used',
  'organizer_invitation_expired',
  'organizer_invitation_revoked',
  'organizer_member_limit',
  'organizer_already_member',
  'organizer_not_a_member',
  'organizer_cannot_remove_admin',
  'organizer_group_lapsed',
  'organizer_group_suspended',
  'organizer_group_ended',
  'organizer_renewal_window_not_open',
  'organizer_termination_requested',
  'organizer_no_changes',
  // — account deletion and access policy —
  'verification_required',
  'account_deletion_unconfirmed',
  'account_deleted',
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
    passkey_challenge_invalid:
      'パスキーの手続きの有効期限（5分）が切れたか、すでに使われています。もう一度はじめからお試しください。',
    passkey_unknown:
      'このパスキーはくまもとアプリに登録されていません。別のパスキーを選ぶか、メールでログインしてください。',
    passkey_verification_failed:
      'パスキーを確認できませんでした。もう一度お試しください。続くときは、メールでログインしてください。',
    passkey_already_registered:
      'このパスキーはすでに登録されています。別の端末やパスワード管理アプリで作成してください。',
    passkey_last_one:
      '最後のパスキーは削除できません。ログインできなくなるためです。先にメールアドレスを登録するか、別のパスキーを追加してください。',
    // — sign-in: e-mail codes and mail —
    email_code_wrong: 'コードが違います。メールに書かれた6桁の数字を確かめて、もう一度入力してください。',
    email_code_expired:
      'コードの有効期限（10分）が切れました。「コードをもう一度送る」から新しいコードを受け取ってください。',
    email_code_attempts_exceeded:
      '間違いが続いたため、このコードは使えなくなりました。「コードをもう一度送る」から新しいコードを受け取ってください。',
    email_code_unavailable:
      'このコードは使えません。すでに使われたか、新しいコードを送ったため無効になりました。いちばん新しいメールのコードを入力するか、新しいコードを送ってください。',
    email_code_too_many:
      'このメールアドレスには短い間に何度もコードを送りました。1時間ほど待ってから、もう一度お試しください。',
    email_in_use:
      'このメールアドレスは別のアカウントで使われています。別のアドレスを入力するか、そのアドレスでログインしてください。',
    mail_send_failed:
      'メールを送れませんでした。メールアドレスを確かめて、しばらくしてからもう一度お試しください。',
    dev_mail_disabled: '開発用のメール置き場はこの環境では使えません。メールは実際に送信されています。',
    // — identity: OIDC card service —
    card_service_not_configured:
      'マイナンバーカードでの本人確認は、この環境ではまだ使えません。くまもとアプリ運営事務局にお問い合わせください。',
    card_service_unavailable:
      'カード認証サービスにつながりませんでした。しばらくしてから、もう一度お試しください。',
    card_service_denied:
      '本人確認は完了していません。途中でやめたか、暗証番号を確認できませんでした。もう一度はじめからお試しください。',
    card_response_invalid:
      'カード認証サービスからの応答を確かめられなかったため、本人確認をしませんでした。もう一度はじめからお試しください。',
    card_claims_incomplete:
      'カードの情報（氏名・住所・生年月日・性別）がそろわなかったため、本人確認をしませんでした。もう一度お試しください。続くときは、くまもとアプリ運営事務局にお問い合わせください。',
    oidc_state_invalid:
      'この本人確認の手続きは無効か、すでに使われています。本人確認を始めたときと同じアカウントでログインしたまま、もう一度はじめからお試しください。',
    oidc_state_expired: '本人確認の手続きの有効期限（10分）が切れました。もう一度はじめからお試しください。',
    declared_profile_locked:
      '本人確認済みのため、氏名・生年月日・性別はマイナンバーカードの情報を使います。ここでは変更できません。変更するには、もう一度本人確認をしてください。',
    // — identity: JPKI and school districts —
    jpki_not_offered:
      'このサービスでは、署名用電子証明書による本人確認を行っていません。別の方法で本人確認をしてください。',
    jpki_malformed: 'カードから送られたデータを読み取れませんでした。カードをもう一度読み取ってください。',
    jpki_challenge_used: 'この確認は使用済みか、別のアカウントのものです。最初からやり直してください。',
    jpki_challenge_expired: '確認の有効期限（5分）が切れました。最初からやり直してください。',
    jpki_signature_invalid:
      'カードの署名を確認できませんでした。最初からやり直して、カードをもう一度読み取ってください。',
    jpki_certificate_untrusted:
      'この電子証明書は、マイナンバーカードの署名用電子証明書として確認できませんでした。お使いのカードがマイナンバーカードか確かめてください。',
    jpki_wrong_certificate:
      '読み取った電子証明書は署名用電子証明書ではありません。署名用電子証明書（英数字6〜16文字の暗証番号のもの）で読み取ってください。',
    jpki_certificate_not_yet_valid:
      'この電子証明書は、まだ有効期間が始まっていません。しばらくしてからもう一度お試しください。',
    jpki_certificate_expired:
      '署名用電子証明書の有効期限が切れています。お住まいの区役所などで更新してから、もう一度お試しください。',
    jpki_certificate_revoked:
      'この署名用電子証明書は失効しています（引っ越し、氏名の変更、カードの更新などで失効します）。新しい電子証明書で読み取るか、お住まいの区役所にお問い合わせください。',
    jpki_card_data_invalid:
      'カードの電子証明書から氏名・住所・生年月日・性別を読み取れませんでした。くまもとアプリ運営事務局にお問い合わせください。',
    jpki_individual_number_suspected:
      'カードのデータにマイナンバー（個人番号）のような数字が含まれていたため、受け付けませんでした。くまもとアプリ運営事務局にお問い合わせください。',
    jpki_revocation_unavailable:
      'いまは電子証明書が有効かどうかを確認できません。しばらくしてからもう一度お試しください。',
    school_district_from_address:
      '校区は本人確認した住所から決まっているため、ここでは変更できません。引っ越した場合は、マイナンバーカードでもう一度本人確認をしてください。',
    school_district_unknown: 'その校区は一覧にありません。一覧から選んでください。',
    // — organizer groups —
    organizer_application_invalid: '申請内容に不足や誤りがあります。赤く表示された項目を確認してください。',
    organizer_duplicate_application:
      '同じ団体名の申請がすでにあります。一覧から、その申請を開いて続けてください。',
    organizer_wrong_state:
      '申請または団体の状態が変わったため、この操作はできません。画面を読み込み直してください。',
    organizer_reason_required: '理由を入力してください。申請者に伝わる内容を具体的に書いてください。',
    organizer_reason_too_long: '理由が長すぎます。2000文字以内にしてください。',
    organizer_document_type: 'PDFまたは画像（JPEG・PNG・WebP）のファイルを選んでください。',
    organizer_document_empty: 'ファイルが空です。別のファイルを選んでください。',
    organizer_document_too_large: 'ファイルが大きすぎます。10MB以下にしてください。',
    organizer_invitation_invalid: 'この招待は見つかりません。団体の管理者に新しい招待を依頼してください。',
    organizer_invitation_used: 'この招待はすでに使われています。団体の管理者に新しい招待を依頼してください。',
    organizer_invitation_expired:
      'この招待は有効期限が切れています。団体の管理者に新しい招待を依頼してください。',
    organizer_invitation_revoked: 'この招待は取り消されました。団体の管理者にお問い合わせください。',
    organizer_member_limit:
      'この団体のメンバーは上限に達しています。追加するには、先にメンバーを削除してください。',
    organizer_already_member: 'すでにこの団体のメンバーです。',
    organizer_not_a_member: 'その方はこの団体のメンバーではありません。',
    organizer_cannot_remove_admin: '管理者は削除できません。先に管理者を別のメンバーに引き継いでください。',
    organizer_group_lapsed: '団体の管理権限の期限が切れています。更新の申請をしてください。',
    organizer_group_suspended:
      '団体は利用停止中のため、この操作はできません。熊本市からの連絡をお待ちください。',
    organizer_group_ended: '団体の利用は終了しています。',
    organizer_renewal_window_not_open:
      '更新の申請はまだできません。受付期間が始まってからお申し込みください。',
    organizer_termination_requested: '利用終了の申し出中のため、この操作はできません。',
    organizer_no_changes: '変更された項目がありません。変更する内容を入力してください。',
    // — account deletion and access policy —
    verification_required:
      'この操作には、マイナンバーカードでの本人確認が必要です。マイページから本人確認をしてください。',
    account_deletion_unconfirmed:
      'アカウントは削除されていません。削除する場合は、確認の欄にチェックを入れてから、もう一度「アカウントを削除する」を押してください。',
    account_deleted: 'このアカウントは削除済みです。ホーム画面に戻ってください。',
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
    passkey_challenge_invalid:
      'This passkey step has expired (it lasts 5 minutes) or was already used. Please start again.',
    passkey_unknown:
      'This passkey is not registered with the Kumamoto App. Choose another passkey, or sign in with e-mail.',
    passkey_verification_failed:
      'We could not check your passkey. Please try again. If it keeps failing, sign in with e-mail.',
    passkey_already_registered:
      'This passkey is already registered. Create one on another device or in another password manager.',
    passkey_last_one:
      'You cannot remove your last passkey: you would not be able to sign in. Add an e-mail address or another passkey first.',
    // — sign-in: e-mail codes and mail —
    email_code_wrong: 'That code is not right. Check the 6 digits in the e-mail and enter them again.',
    email_code_expired:
      'The code has expired (codes last 10 minutes). Choose “Send a new code” to get a new one.',
    email_code_attempts_exceeded:
      'Too many wrong tries: this code no longer works. Choose “Send a new code” to get a new one.',
    email_code_unavailable:
      'This code cannot be used: it was already used, or a newer code replaced it. Enter the code from the newest e-mail, or ask for a new code.',
    email_code_too_many:
      'We have sent many codes to this address in a short time. Please wait about an hour and try again.',
    email_in_use:
      'This e-mail address is used by another account. Enter a different address, or sign in with that address.',
    mail_send_failed: 'We could not send the e-mail. Check the address and try again in a little while.',
    dev_mail_disabled: 'The development mailbox is not available here: mail is really being sent.',
    // — identity: OIDC card service —
    card_service_not_configured:
      'Identity verification with the My Number Card is not available here yet. Please contact the Kumamoto App office.',
    card_service_unavailable:
      'We could not reach the card authentication service. Please try again in a little while.',
    card_service_denied:
      'Verification was not completed: it was cancelled, or the PIN could not be confirmed. Please start again.',
    card_response_invalid:
      'We could not check the answer from the card authentication service, so nothing was changed. Please start again.',
    card_claims_incomplete:
      'We did not receive all four card items (name, address, date of birth, gender), so nothing was changed. Please try again; if it keeps happening, contact the Kumamoto App office.',
    oidc_state_invalid:
      'This verification step is not valid or was already used. Stay signed in to the account you started with and start again.',
    oidc_state_expired: 'This verification step has expired (it lasts 10 minutes). Please start again.',
    declared_profile_locked:
      'You are verified, so your name, date of birth and gender come from your My Number Card and cannot be changed here. To update them, verify again.',
    // — identity: JPKI and school districts —
    jpki_not_offered:
      'Verification with the signature certificate is not offered here. Please verify another way.',
    jpki_malformed: 'We could not read the data sent from your card. Please read your card again.',
    jpki_challenge_used:
      'This check has already been used or belongs to another account. Please start again.',
    jpki_challenge_expired: 'This check has expired (it lasts 5 minutes). Please start again.',
    jpki_signature_invalid:
      'We could not confirm the signature from your card. Please start again and read your card once more.',
    jpki_certificate_untrusted:
      'This certificate could not be confirmed as a My Number Card signature certificate. Please check that you are using your My Number Card.',
    jpki_wrong_certificate:
      'The certificate that was read is not the signature certificate. Please use the signature certificate (the one with the 6–16 character alphanumeric PIN).',
    jpki_certificate_not_yet_valid: 'This certificate is not valid yet. Please try again later.',
    jpki_certificate_expired:
      'Your signature certificate has expired. Please renew it at your ward office, then try again.',
    jpki_certificate_revoked:
      'This signature certificate has been revoked (this happens after a move, a change of name or a card renewal). Please use your new certificate, or ask at your ward office.',
    jpki_card_data_invalid:
      'We could not read your name, address, date of birth and gender from the card’s certificate. Please contact the Kumamoto App office.',
    jpki_individual_number_suspected:
      'The card’s data held a number that looks like a My Number (individual number), so it was not accepted. Please contact the Kumamoto App office.',
    jpki_revocation_unavailable:
      'We cannot check right now whether your certificate is still valid. Please try again later.',
    school_district_from_address:
      'Your school district comes from your verified address and cannot be changed here. If you have moved, please verify again with your My Number Card.',
    school_district_unknown: 'That school district is not on the list. Please choose one from the list.',
    // — organizer groups —
    organizer_application_invalid:
      'Some items of the application are missing or not valid. Please check the highlighted items.',
    organizer_duplicate_application:
      'You already have an open application for a group with this name. Please open that application from the list and continue it.',
    organizer_wrong_state:
      'This cannot be done in the current state of the application or group. Please reload the page.',
    organizer_reason_required: 'Please write the reason. Be specific: the applicant will read it.',
    organizer_reason_too_long: 'The reason is too long. Please keep it to 2,000 characters.',
    organizer_document_type: 'Please choose a PDF or an image (JPEG, PNG or WebP).',
    organizer_document_empty: 'The file is empty. Please choose another.',
    organizer_document_too_large: 'The file is too large. Please keep it to 10 MB or less.',
    organizer_invitation_invalid:
      'This invitation was not found. Please ask the group administrator for a new one.',
    organizer_invitation_used:
      'This invitation has already been used. Please ask the group administrator for a new one.',
    organizer_invitation_expired:
      'This invitation has expired. Please ask the group administrator for a new one.',
    organizer_invitation_revoked: 'This invitation was withdrawn. Please contact the group administrator.',
    organizer_member_limit:
      'This group already has the most members allowed. Remove a member first to add another.',
    organizer_already_member: 'You are already a member of this group.',
    organizer_not_a_member: 'That person is not a member of this group.',
    organizer_cannot_remove_admin:
      'The administrator cannot be removed. Hand the administrator role to another member first.',
    organizer_group_lapsed: "The group's rights have lapsed. Please apply for renewal.",
    organizer_group_suspended:
      'The group is suspended, so this cannot be done. Please wait to hear from the city.',
    organizer_group_ended: "The group's use of the app has ended.",
    organizer_renewal_window_not_open:
      'Renewal cannot be applied for yet. Please apply once the renewal period opens.',
    organizer_termination_requested: 'An end of use has been requested, so this cannot be done.',
    organizer_no_changes: 'Nothing has changed. Please edit the details you want to change.',
    // — account deletion and access policy —
    verification_required:
      'This needs identity verification with your My Number Card. Please verify on My page first.',
    account_deletion_unconfirmed:
      'Your account was not deleted. To delete it, tick the confirmation box and press "Delete my account" again.',
    account_deleted: 'This account has already been deleted. Please go back to Home.',
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
