import type { Locale, Localized } from './locale.ts';

/**
 * Every action the server records in the audit log (R-PRIV-1), with the words a city clerk
 * reads in the city console. The server's `recordAudit` accepts only these keys, so a new
 * action cannot be recorded without a label here. Codes stay the stored, searchable form.
 */
export const auditActionLabels = {
  // — sign-in and accounts —
  'account.created': { ja: 'アカウントを作成', en: 'Created an account' },
  'account.deleted': { ja: 'アカウントを削除', en: 'Deleted an account' },
  'account.email_read': { ja: 'メールアドレスを閲覧', en: 'Viewed an e-mail address' },
  'account.email_added': { ja: 'メールアドレスを登録', en: 'Added an e-mail address' },
  'account.email_changed': { ja: 'メールアドレスを変更', en: 'Changed an e-mail address' },
  'email_code.sent': { ja: '確認コードをメールで送信', en: 'Sent a confirmation code by e-mail' },
  'email_code.refused': { ja: '確認コードを受け付けず', en: 'Refused a confirmation code' },
  'session.email_code_sign_in': { ja: '確認コードでログイン', en: 'Signed in with an e-mail code' },
  'session.demo_sign_in': { ja: 'デモ利用者としてログイン', en: 'Signed in as a demo user' },
  'session.revoked': { ja: 'ログイン中の端末をログアウト', en: 'Signed out a device' },
  'session.revoked_others': { ja: 'ほかの端末をすべてログアウト', en: 'Signed out all other devices' },
  'passkey.sign_up': { ja: 'パスキーで新規登録', en: 'Signed up with a passkey' },
  'passkey.sign_in': { ja: 'パスキーでログイン', en: 'Signed in with a passkey' },
  'passkey.added': { ja: 'パスキーを追加', en: 'Added a passkey' },
  'passkey.renamed': { ja: 'パスキーの名前を変更', en: 'Renamed a passkey' },
  'passkey.removed': { ja: 'パスキーを削除', en: 'Removed a passkey' },
  'passkey.sign_up_refused': { ja: 'パスキーでの新規登録を拒否', en: 'Refused a passkey sign-up' },
  'passkey.sign_in_refused': { ja: 'パスキーでのログインを拒否', en: 'Refused a passkey sign-in' },
  'passkey.add_passkey_refused': { ja: 'パスキーの追加を拒否', en: 'Refused to add a passkey' },
  'passkey.remove_refused': { ja: 'パスキーの削除を拒否', en: 'Refused to remove a passkey' },
  // — identity: My Number Card verification —
  'identity.oidc_started': {
    ja: 'マイナンバーカードでの本人確認を開始',
    en: 'Started identity verification with the My Number Card',
  },
  'identity.oidc_refused': {
    ja: 'マイナンバーカードでの本人確認（外部サービス）が不成立',
    en: 'Identity verification with the card service failed',
  },
  'identity.jpki_refused': {
    ja: 'マイナンバーカードの読み取りによる本人確認が不成立',
    en: 'Identity verification by reading the card failed',
  },
  'identity.verified': { ja: '本人確認が完了', en: 'Identity verified' },
  'identity.conflict': {
    ja: '別のアカウントで確認済みのカードで本人確認を試行',
    en: 'Tried to verify with a card already used by another account',
  },
  'identity.conflicts_viewed': {
    ja: '本人確認の重複一覧を閲覧',
    en: 'Viewed the list of duplicate identity verifications',
  },
  'identity.released': { ja: '本人確認を解除', en: 'Released a verified identity' },
  'identity.declared_updated': {
    ja: '自己申告のプロフィールを変更',
    en: 'Changed the self-declared profile',
  },
  // — school districts —
  'school_district.chosen': { ja: '校区を選択', en: 'Chose a school district' },
  'school_districts.replaced': { ja: '校区データを更新', en: 'Replaced the school district data' },
  // — activities —
  'activity.created': { ja: '活動を作成', en: 'Created an activity' },
  'activity.updated': { ja: '活動を編集', en: 'Edited an activity' },
  'activity.published': { ja: '活動を公開', en: 'Published an activity' },
  'activity.visibility_changed': { ja: '活動の公開範囲を変更', en: "Changed an activity's visibility" },
  'activity.deleted': { ja: '活動を削除', en: 'Deleted an activity' },
  'activity.cancelled': { ja: '活動を中止', en: 'Cancelled an activity' },
  'activity.image_uploaded': { ja: '活動の画像を登録', en: 'Uploaded an activity image' },
  'activity.notice_sent': { ja: '参加者へお知らせを送信', en: 'Sent a notice to participants' },
  'activity.participants_viewed': { ja: '参加者の一覧を閲覧', en: 'Viewed the participant list' },
  'activity.participants_exported': {
    ja: '参加者の一覧を書き出し',
    en: 'Exported the participant list',
  },
  'activity.attendances_viewed': { ja: '出席の記録を閲覧', en: 'Viewed the attendance records' },
  'activity.applied': { ja: '活動に申し込み', en: 'Applied to an activity' },
  'activity.application_cancelled': {
    ja: '活動への申し込みを取り消し',
    en: 'Cancelled an application to an activity',
  },
  'activity.waitlist_promoted': {
    ja: 'キャンセル待ちから参加に繰り上げ',
    en: 'Moved up from the waiting list',
  },
  // — check-in, points and certificates —
  'check_in.code_refused': {
    ja: '不正な受付コードを拒否',
    en: 'Refused an invalid check-in code',
  },
  'check_in.late_candidates_viewed': {
    ja: '後日受付の候補者を閲覧',
    en: 'Viewed the candidates for a late check-in',
  },
  'check_in.late_resident_lookup': {
    ja: '後日受付のため住民を検索',
    en: 'Looked up a resident for a late check-in',
  },
  'check_in.issued_late': { ja: '後日受付で参加を記録', en: 'Recorded attendance as a late check-in' },
  'certificate.view': { ja: '証明書を閲覧', en: 'Viewed a certificate' },
  'certificate.verification': { ja: '証明書の真偽を照会', en: 'Checked whether a certificate is genuine' },
  'certificate.altered_detected': {
    ja: '改ざんされた証明書を検出',
    en: 'Detected an altered certificate',
  },
  'certificate.revoke': { ja: '証明書を取り消し', en: 'Revoked a certificate' },
  // — organizer groups: applications —
  'organizer.application.created': { ja: '団体申請を作成', en: 'Started a group application' },
  'organizer.application.submit': { ja: '団体申請を提出', en: 'Submitted a group application' },
  'organizer.application.resubmit': { ja: '団体申請を再提出', en: 'Resubmitted a group application' },
  'organizer.application.withdraw': { ja: '団体申請を取り下げ', en: 'Withdrew a group application' },
  'organizer.application.viewed': { ja: '団体申請を閲覧', en: 'Viewed a group application' },
  'organizer.application.approve': { ja: '団体申請を承認', en: 'Approved a group application' },
  'organizer.application.return': { ja: '団体申請を差し戻し', en: 'Returned a group application' },
  'organizer.document.viewed': { ja: '団体の提出書類を閲覧', en: "Viewed a group's document" },
  // — organizer groups: the group and its members —
  'organizer.group.viewed': { ja: '団体の情報を閲覧', en: "Viewed a group's details" },
  'organizer.group.suspend': { ja: '団体の活動を停止', en: 'Suspended a group' },
  'organizer.group.resume': { ja: '団体の活動停止を解除', en: "Lifted a group's suspension" },
  'organizer.group.end': { ja: '団体の登録を終了', en: "Ended a group's registration" },
  'organizer.invitation.created': { ja: '団体への招待を作成', en: 'Created an invitation to a group' },
  'organizer.invitation.revoked': { ja: '団体への招待を取り消し', en: 'Revoked an invitation to a group' },
  'organizer.member.joined': { ja: '団体に参加', en: 'Joined a group' },
  'organizer.member.left': { ja: '団体から脱退', en: 'Left a group' },
  'organizer.member.removed': { ja: '団体のメンバーを除外', en: 'Removed a member from a group' },
  'organizer.administrator.handed_over': {
    ja: '団体の管理者を交代',
    en: "Handed over a group's administration",
  },
  // — organizer groups: change, renewal and termination requests —
  'organizer.change.submit': { ja: '登録内容の変更を申請', en: 'Applied to change registered details' },
  'organizer.change.resubmit': {
    ja: '登録内容の変更を再申請',
    en: 'Reapplied to change registered details',
  },
  'organizer.change.withdraw': {
    ja: '登録内容の変更申請を取り下げ',
    en: 'Withdrew a change of registered details',
  },
  'organizer.change.approve': {
    ja: '登録内容の変更を承認',
    en: 'Approved a change of registered details',
  },
  'organizer.change.return': {
    ja: '登録内容の変更申請を差し戻し',
    en: 'Returned a change of registered details',
  },
  'organizer.renewal.submit': { ja: '団体の更新を申請', en: 'Applied to renew a group' },
  'organizer.renewal.resubmit': { ja: '団体の更新を再申請', en: 'Reapplied to renew a group' },
  'organizer.renewal.withdraw': { ja: '団体の更新申請を取り下げ', en: 'Withdrew a renewal' },
  'organizer.renewal.approve': { ja: '団体の更新を承認', en: 'Approved a renewal' },
  'organizer.renewal.return': { ja: '団体の更新申請を差し戻し', en: 'Returned a renewal' },
  'organizer.termination.request': { ja: '団体の廃止を届出', en: 'Gave notice to close a group' },
  'organizer.termination.withdraw': {
    ja: '団体の廃止の届出を取り下げ',
    en: 'Withdrew a notice to close a group',
  },
  'organizer.termination.complete': { ja: '団体の廃止を完了', en: 'Completed the closing of a group' },
  // — the city console —
  'audit.read': { ja: '監査ログを閲覧', en: 'Viewed the audit log' },
} as const satisfies Record<string, Localized>;

/** An action the server records: `recordAudit` accepts nothing else. */
export type AuditAction = keyof typeof auditActionLabels;

/** What an audit event is about, in the clerk's words. */
export const auditSubjectTypeLabels = {
  user: { ja: '利用者', en: 'User' },
  session: { ja: 'ログイン', en: 'Sign-in session' },
  passkey: { ja: 'パスキー', en: 'Passkey' },
  email_code: { ja: '確認コード', en: 'Confirmation code' },
  client: { ja: '接続元の端末', en: 'Connecting device' },
  identity_conflicts: { ja: '本人確認の重複', en: 'Duplicate identity verifications' },
  school_districts: { ja: '校区データ', en: 'School district data' },
  activity: { ja: '活動', en: 'Activity' },
  activity_image: { ja: '活動の画像', en: 'Activity image' },
  certificate: { ja: '証明書', en: 'Certificate' },
  organizer_application: { ja: '団体申請', en: 'Group application' },
  organizer_group: { ja: '団体', en: 'Group' },
  organizer_document: { ja: '団体の提出書類', en: 'Group document' },
  audit_log: { ja: '監査ログ', en: 'Audit log' },
} as const satisfies Record<string, Localized>;

/** What the server records an event about: `recordAudit` accepts nothing else. */
export type AuditSubjectType = keyof typeof auditSubjectTypeLabels;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(auditActionLabels, value);
}

export function isAuditSubjectType(value: string): value is AuditSubjectType {
  return Object.hasOwn(auditSubjectTypeLabels, value);
}

/** The label of a stored action; an action no longer recorded (an old row) shows its code. */
export function auditActionLabel(action: string, locale: Locale): string {
  return isAuditAction(action) ? auditActionLabels[action][locale] : action;
}

/** The label of a stored subject type; an unknown one shows its code. */
export function auditSubjectTypeLabel(subjectType: string, locale: Locale): string {
  return isAuditSubjectType(subjectType) ? auditSubjectTypeLabels[subjectType][locale] : subjectType;
}
