import type { Localized } from '../locale.ts';

/**
 * The items of a registration application, in the order of the operating rules 3(1)(ア)–(シ)
 * (R-ORG-3), plus the applicant's declaration (guide 04, R-ORG-4). Which of them a category
 * must fill is in `categories.ts`.
 */
export const applicationItemKeys = [
  'category',
  'name',
  'representative',
  'address',
  'overview',
  'website',
  'phone',
  'email',
  'activityFields',
  'trackRecord',
  'officerList',
  'bylaws',
  'declaration',
] as const;
export type ApplicationItemKey = (typeof applicationItemKeys)[number];

/** How the form asks for it. */
export type ApplicationItemInput =
  'choice' | 'text' | 'multiline' | 'url' | 'phone' | 'email' | 'choices' | 'document' | 'declaration';

export interface ApplicationItem {
  key: ApplicationItemKey;
  input: ApplicationItemInput;
  label: Localized;
  help: Localized;
  /** Longest accepted text, in characters (code points), for text inputs. */
  maxLength?: number;
}

export const applicationItems: readonly ApplicationItem[] = [
  {
    key: 'category',
    input: 'choice',
    label: { ja: '団体の分類', en: 'Type of group' },
    help: {
      ja: '申請できるのは、地方公共団体、要綱に掲げる15種類の地域団体、熊本市が認証したNPO法人です。',
      en: 'Local governments, the 15 kinds of community group listed by the city, and NPOs certified by Kumamoto City can apply.',
    },
  },
  {
    key: 'name',
    input: 'text',
    maxLength: 100,
    label: { ja: '団体名', en: 'Group name' },
    help: { ja: '正式な団体名を入力してください。', en: "Enter the group's official name." },
  },
  {
    key: 'representative',
    input: 'text',
    maxLength: 60,
    label: { ja: '代表者', en: 'Representative' },
    help: {
      ja: '団体の代表者の役職と氏名です。申請者は代表者でなくてもかまいませんが、代表者の了承を得てください。',
      en: "The title and name of the group's representative. You need not be the representative, but you need their consent.",
    },
  },
  {
    key: 'address',
    input: 'text',
    maxLength: 200,
    label: { ja: '所在地', en: 'Address' },
    help: {
      ja: '主たる事務所の所在地です。地方公共団体以外は熊本市内に限ります。「熊本市〇〇区」から入力してください。',
      en: 'The address of the main office. Except for local governments, it must be in Kumamoto City: start with "熊本市" and the ward (区).',
    },
  },
  {
    key: 'overview',
    input: 'multiline',
    maxLength: 2000,
    label: { ja: '団体の概要', en: 'About the group' },
    help: {
      ja: '設立の目的、会員数、主な活動地域などを書いてください。',
      en: 'Its purpose, number of members and the area where it is active.',
    },
  },
  {
    key: 'website',
    input: 'url',
    maxLength: 500,
    label: { ja: '団体のホームページ', en: 'Website' },
    help: {
      ja: 'ホームページがあればそのアドレスを入力してください。',
      en: 'If the group has a website, enter its address.',
    },
  },
  {
    key: 'phone',
    input: 'phone',
    maxLength: 20,
    label: { ja: '電話番号', en: 'Phone number' },
    help: {
      ja: '熊本市から連絡のつく電話番号です（例：096-328-2477）。',
      en: 'A number the city can reach the group on (for example 096-328-2477).',
    },
  },
  {
    key: 'email',
    input: 'email',
    maxLength: 254,
    label: { ja: 'メールアドレス', en: 'E-mail address' },
    help: { ja: '団体の連絡用メールアドレスです。', en: "The group's contact e-mail address." },
  },
  {
    key: 'activityFields',
    input: 'choices',
    label: { ja: '活動分野', en: 'Fields of activity' },
    help: {
      ja: '当てはまるものをすべて選んでください。ポイント付与の対象は、営利を目的としない公益的な活動です。',
      en: 'Choose all that apply. Points are granted for non-profit activities in the public interest.',
    },
  },
  {
    key: 'trackRecord',
    input: 'multiline',
    maxLength: 2000,
    label: { ja: '活動の実績', en: 'Track record' },
    help: {
      ja: 'これまでの主な活動（時期、内容、参加人数など）を書いてください。',
      en: 'Your main past activities: when, what, and how many took part.',
    },
  },
  {
    key: 'officerList',
    input: 'document',
    label: { ja: '組織図・役員名簿', en: 'Organisation chart / officer list' },
    help: {
      ja: '組織図または役員名簿をPDFか画像で添付してください。スマートフォンで撮影した写真でもかまいません。',
      en: 'Attach an organisation chart or list of officers as a PDF or image. A phone photo is fine.',
    },
  },
  {
    key: 'bylaws',
    input: 'document',
    label: { ja: '会則等', en: 'Bylaws' },
    help: {
      ja: '会則・規約・定款など、団体のきまりをPDFか画像で添付してください。',
      en: "Attach the group's rules (bylaws, constitution or articles of incorporation) as a PDF or image.",
    },
  },
  {
    key: 'declaration',
    input: 'declaration',
    label: {
      ja: '私はこの団体に属しており、代表者の了承を得て申請します。申請内容は真実かつ正確です。',
      en: 'I belong to this group and apply with the consent of its representative. What I have entered is true and accurate.',
    },
    help: {
      ja: '申請は代表者以外の方もできますが、団体に属し、代表者の了承のもとで行ってください。',
      en: 'Anyone in the group may apply, not only the representative, but only with the representative’s consent.',
    },
  },
];

export function applicationItem(key: ApplicationItemKey): ApplicationItem {
  const item = applicationItems.find((candidate) => candidate.key === key);
  if (!item) throw new Error(`unknown application item ${key}`);
  return item;
}

/**
 * Fields of activity to choose from. (beyond: the guide names no list; these follow its
 * examples in section 10 and the kinds of community group in section 04.)
 */
export const activityFieldIds = [
  'environment',
  'events',
  'disaster_prevention',
  'crime_prevention_traffic_safety',
  'welfare',
  'children_youth',
  'education_culture',
  'sports_health',
  'community_development',
  'other',
] as const;
export type ActivityFieldId = (typeof activityFieldIds)[number];

export const activityFieldLabels: Record<ActivityFieldId, Localized> = {
  environment: { ja: '環境美化（清掃・除草など）', en: 'Environment (clean-ups, weeding)' },
  events: { ja: 'イベントの運営（地域のお祭りなど）', en: 'Running events (local festivals)' },
  disaster_prevention: { ja: '防災（避難訓練など）', en: 'Disaster preparedness (evacuation drills)' },
  crime_prevention_traffic_safety: { ja: '防犯・交通安全', en: 'Crime prevention and traffic safety' },
  welfare: { ja: '福祉・高齢者や障がいのある方の支援', en: 'Welfare: support for older and disabled people' },
  children_youth: { ja: '子ども・青少年の育成', en: 'Children and young people' },
  education_culture: { ja: '教育・文化・生涯学習', en: 'Education, culture and lifelong learning' },
  sports_health: { ja: 'スポーツ・健康づくり', en: 'Sports and health' },
  community_development: { ja: 'まちづくり・地域交流', en: 'Community development and exchange' },
  other: { ja: 'その他', en: 'Other' },
};

export function isActivityFieldId(value: unknown): value is ActivityFieldId {
  return typeof value === 'string' && (activityFieldIds as readonly string[]).includes(value);
}
