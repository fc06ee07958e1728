import type { ErrorCode } from '../errors.ts';

/** What a person reads for each code, in Japanese, the default language: in the web app's entry bundle. */
export const errorMessagesJa: Record<ErrorCode, string> = {
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
  identity_not_bound: 'このアカウントはマイナンバーカードで本人確認されていません。',
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
  organizer_renewal_window_not_open: '更新の申請はまだできません。受付期間が始まってからお申し込みください。',
  organizer_termination_requested: '利用終了の申し出中のため、この操作はできません。',
  organizer_no_changes: '変更された項目がありません。変更する内容を入力してください。',
  // — activities: organizer side (create, publish, notices, participants) —
  activity_group_change_pending:
    '団体の登録内容の変更申請を審査中のため、新しい活動の作成や公開はできません。審査が終わってからお試しください。',
  activity_not_a_draft: 'この操作は下書きの活動にだけできます。公開した活動は削除せず、中止してください。',
  activity_not_published: 'この活動はまだ公開されていません。先に公開してください。',
  activity_already_cancelled: 'この活動はすでに中止されているため、変更できません。',
  activity_already_ended: 'この活動はすでに終了しているため、変更できません。',
  activity_image_type: '画像ファイル（JPEG・PNG・WebP）を選んでください。',
  activity_image_too_large: '画像が大きすぎます。10MB以下の画像を選んでください。',
  activity_image_not_found: '選んだサムネイル画像が見つかりません。画像をもう一度アップロードしてください。',
  activity_notice_empty: 'お知らせの本文を入力してください。',
  activity_notice_too_long: 'お知らせの本文が長すぎます。2000文字以内にしてください。',
  activity_cancel_reason_required: '中止の理由を入力してください。参加者へのお知らせに載ります。',
  activity_cancel_reason_too_long: '中止の理由が長すぎます。500文字以内にしてください。',
  activity_text_forbidden_characters: '使えない文字（制御文字など）が含まれています。入力し直してください。',
  // — activities: discover and apply —
  application_not_open: 'この活動は申し込みを受け付けていません。活動のページを確認してください。',
  application_activity_cancelled: 'この活動は中止になりました。申し込みや取り消しは必要ありません。',
  application_activity_ended: 'この活動はすでに終了しています。ほかの活動を探してください。',
  application_closed: 'この活動の申し込みは締め切りました。ほかの活動を探してください。',
  application_already_applied: 'この活動にはすでに申し込んでいます。「わたしの活動」で確認できます。',
  application_already_waitlisted:
    'この活動のキャンセル待ちにすでに登録しています。空きが出たらお知らせします。',
  application_district_needs_verification:
    'この活動は対象の校区にお住まいの方限定です。マイナンバーカードで本人確認をすると申し込めます。',
  application_district_unknown:
    'この活動は対象の校区にお住まいの方限定ですが、登録された住所から校区が分かりません。主催団体にお問い合わせください。',
  application_wrong_district:
    'この活動は対象の校区にお住まいの方限定のため、申し込めません。お住まいの校区の活動を探してください。',
  application_not_found: 'この活動には申し込んでいません。',
  application_activity_started:
    '活動が始まったため、申し込みを取り消せません。参加できない場合は主催団体に連絡してください。',
  // — check-in and points —
  check_in_token_malformed:
    'QRコードを読み取れませんでした。主催者の画面のQRコードをもう一度読み取るか、画面の下の英数字6文字を入力してください。',
  check_in_token_invalid:
    'このQRコードは、くまもとアプリが発行したものではありません。主催者の画面に表示されたQRコードを、その場で読み取ってください。',
  check_in_token_expired:
    'QRコードの有効時間が過ぎています。主催者の画面に表示されている、今のQRコードをもう一度読み取ってください。',
  check_in_token_not_yet_valid:
    'このQRコードはまだ使えません。主催者の画面に表示されている、今のQRコードを読み取ってください。',
  check_in_token_other_activity:
    'このQRコードは別の活動のものです。参加している活動の主催者の画面で、QRコードを読み取ってください。',
  check_in_code_not_recognised:
    '入力されたコードが見つかりません。主催者の画面の英数字6文字を確かめて、もう一度入力してください（コードは約30秒ごとに変わります）。',
  check_in_group_inactive: 'この団体は現在、ポイントを付与できません。詳しくは主催者にお問い合わせください。',
  check_in_activity_cancelled: 'この活動は中止されたため、ポイントと活動証明書は付与されません。',
  check_in_wrong_day: 'ポイントと活動証明書は、活動の当日（日本時間）にだけ受け取れます。',
  check_in_not_applied:
    'この活動は定員があるため、事前に参加申込をした方だけがポイントを受け取れます。ご不明な点は主催者にお尋ねください。',
  check_in_already_checked_in:
    'この方は、この活動のポイントと活動証明書をすでに受け取っています。改めて付与する必要はありません。',
  check_in_reason_required:
    '理由を入力してください。どのようなアプリの不具合で当日に付与できなかったかを具体的に書いてください。',
  check_in_not_held_yet: 'この活動はまだ行われていません。後日付与は、活動日の後にだけできます。',
  check_in_not_verified_by_activity_day:
    '活動日までにマイナンバーカードで本人確認をしていなかった方には、後からポイントと活動証明書を付与できません。',
  // — city late issue: finding activity and resident —
  late_issue_search_dates_invalid:
    '日付の指定が正しくありません。日付を選び直し、終わりの日が始めの日より前にならないようにしてください。',
  late_issue_search_page_out_of_range: 'そのページはありません。1ページ目から探し直してください。',
  late_issue_search_keyword_too_long: 'キーワードが長すぎます。活動名の一部を100文字以内で入力してください。',
  late_issue_lookup_name_required: 'マイナンバーカードに記載の氏名を入力してください。',
  late_issue_lookup_birth_date_invalid:
    '生年月日が正しくありません。マイナンバーカードに記載の生年月日を、年・月・日の順に入力し直してください。',
  late_issue_activity_not_eligible:
    'この活動は後日付与の対象ではありません（まだ行われていない、中止された、または下書きの活動です）。活動を選び直してください。',
  // — certificates —
  certificate_not_found: 'この証明書番号の活動証明書は見つかりませんでした。番号をもう一度確かめてください。',
  certificate_revoked:
    'この活動証明書は熊本市の運営事務局により取り消されたため、ダウンロードできません。お知らせで内容を確認してください。',
  certificate_already_revoked: 'この活動証明書はすでに取り消されています。',
  certificate_serial_invalid:
    '証明書番号の形が正しくありません。証明書の右上にある「KMA-」で始まる番号を、そのまま入力してください。',
  certificate_reason_required:
    '取り消しの理由を入力してください。理由は証明書の持ち主への説明と記録に使います。',
  certificate_reason_too_long: '取り消しの理由は500文字以内で入力してください。',
  certificate_font_unavailable:
    '活動証明書のPDFを作れません（サーバーに日本語フォントがありません）。時間をおいて、もう一度お試しください。続く場合は運営事務局にお問い合わせください。',
  // — account deletion and access policy —
  verification_required:
    'この操作には、マイナンバーカードでの本人確認が必要です。マイページから本人確認をしてください。',
  account_deletion_unconfirmed:
    'アカウントは削除されていません。削除する場合は、確認の欄にチェックを入れてから、もう一度「アカウントを削除する」を押してください。',
  account_is_group_administrator:
    'あなたは主催団体の管理者です。アカウントを削除する前に、主催者ミニアプリで管理者をメンバーに引き継ぐか、団体の利用終了を申請してください。',
  account_deleted: 'このアカウントは削除済みです。ホーム画面に戻ってください。',
  service_unavailable: 'ただいまサービスを利用できません。しばらくしてからもう一度お試しください。',
  internal: '申し訳ありません。エラーが発生しました。しばらくしてからもう一度お試しください。',
};
