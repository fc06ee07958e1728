import type { Gender } from '@kumamoto/domain';

/**
 * The development card service's own words. Its pages are rendered by the server, outside the
 * web app, so their texts live here: Japanese first, English beside it on every page.
 */
export interface Bilingual {
  ja: string;
  en: string;
}

export const texts = {
  serviceName: { ja: '開発用カード認証サービス', en: 'Development card service' },
  samplesOnly: {
    ja: '見本のカードだけを使う、開発と試験のためのサービスです。本物のマイナンバーカードや暗証番号は入力しないでください。',
    en: 'A service for development and testing with sample cards only. Never enter a real My Number Card or PIN here.',
  },
  chooseTitle: { ja: 'カードを選んでください', en: 'Choose a card' },
  chooseLead: {
    ja: '「{client}」が本人確認を求めています。使う見本のカードを選んでください。',
    en: '“{client}” asks to verify your identity. Choose the sample card to use.',
  },
  useCard: { ja: 'このカードを使う', en: 'Use this card' },
  samplePin: { ja: '暗証番号（見本）', en: 'PIN (sample)' },
  personaHolder: { ja: 'デモの利用者', en: 'Demo persona' },
  moved: { ja: '転居後の住所を返します', en: 'Reports the address after moving' },
  simulateMove: { ja: '転居したことにする', en: 'Simulate moving house' },
  undoMove: { ja: '元の住所に戻す', en: 'Back to the first address' },
  cancel: { ja: '本人確認をやめる', en: 'Cancel verification' },
  pinTitle: { ja: '暗証番号を入力してください', en: 'Enter the PIN' },
  pinLead: {
    ja: '{name} さんのカードの利用者証明用暗証番号（数字4桁）を入力してください。',
    en: 'Enter the 4-digit user-authentication PIN of the card of {name}.',
  },
  pinLabel: { ja: '暗証番号（数字4桁）', en: 'PIN (4 digits)' },
  pinHint: { ja: 'このカードの見本の暗証番号は {pin} です。', en: 'The sample PIN of this card is {pin}.' },
  pinWrong: {
    ja: '暗証番号が違います。あと {left} 回間違えると、このカードは使えなくなります。',
    en: 'The PIN is wrong. After {left} more wrong tries this card will be locked.',
  },
  pinSubmit: { ja: '次へ', en: 'Next' },
  otherCard: { ja: '別のカードを選ぶ', en: 'Choose another card' },
  consentTitle: { ja: '情報の提供に同意しますか', en: 'Do you agree to share this information?' },
  consentLead: {
    ja: '「{client}」に、カードに記録された次の4つの情報を提供します。',
    en: 'The following four items recorded on the card will be sent to “{client}”.',
  },
  noIndividualNumber: {
    ja: 'マイナンバー（12桁の個人番号）は提供しません。',
    en: 'The My Number (12-digit individual number) is never sent.',
  },
  agree: { ja: '同意して提供する', en: 'Agree and share' },
  disagree: { ja: '同意しない', en: 'Do not agree' },
  name: { ja: '氏名', en: 'Name' },
  address: { ja: '住所', en: 'Address' },
  birthDate: { ja: '生年月日', en: 'Date of birth' },
  gender: { ja: '性別', en: 'Gender' },
  errorTitle: { ja: '手続きを続けられません', en: 'This cannot continue' },
  expired: {
    ja: 'この手続きの有効期限が切れたか、すでに終わっています。くまもとアプリに戻って、もう一度本人確認を始めてください。',
    en: 'This step has expired or is already finished. Go back to the Kumamoto App and start verification again.',
  },
  errorDetail: { ja: 'エラーの内容', en: 'What went wrong' },
  backToApp: { ja: 'くまもとアプリに戻る', en: 'Back to the Kumamoto App' },
} satisfies Record<string, Bilingual>;

export const genderText: Record<Gender, Bilingual> = {
  male: { ja: '男', en: 'Male' },
  female: { ja: '女', en: 'Female' },
  unspecified: { ja: '記載なし', en: 'Not stated' },
};

/** `{name}` placeholders, filled with the same value in both languages. */
export function fill(text: Bilingual, values: Record<string, string | number>): Bilingual {
  const replace = (template: string) =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => String(values[key] ?? whole));
  return { ja: replace(text.ja), en: replace(text.en) };
}
