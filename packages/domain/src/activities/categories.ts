import type { Localized } from '../locale.ts';

/**
 * What kind of activity it is: one table that the organizer form, the search filter, the
 * listing badge and the demo data all read. The first three are the guide's own examples of
 * activities that earn points (guide section 10: 環境美化活動, イベントの運営, 防災関連活動);
 * the rest follow the community groups that organize them (guide section 05: 子ども会, PTA,
 * 社会福祉協議会, 老人クラブ, 防犯協会, 交通安全協会, 体育協会, 公民館 …) and the list.
 */
export const activityCategoryIds = [
  'environment',
  'event',
  'disaster_prevention',
  'safety',
  'welfare',
  'children',
  'sports_health',
  'culture_learning',
  'international',
  'other',
] as const;
export type ActivityCategoryId = (typeof activityCategoryIds)[number];

export interface ActivityCategory {
  id: ActivityCategoryId;
  label: Localized;
  /** One line of examples, shown under the choice in the form and the search filter. */
  examples: Localized;
}

export const activityCategories: readonly ActivityCategory[] = [
  {
    id: 'environment',
    label: { ja: '環境美化（清掃・除草）', en: 'Environment (clean-ups, weeding)' },
    examples: {
      ja: '各校区で行う清掃活動、除草活動、公園の美化など',
      en: 'Clean-ups and weeding in your school district, looking after parks',
    },
  },
  {
    id: 'event',
    label: { ja: 'イベントの運営', en: 'Event operation' },
    examples: {
      ja: '地域のお祭りの企画から事前準備、当日の運営など',
      en: 'Planning, preparing and running local festivals on the day',
    },
  },
  {
    id: 'disaster_prevention',
    label: { ja: '防災', en: 'Disaster prevention' },
    examples: {
      ja: '避難訓練、震災対処訓練、防災マップづくりなど',
      en: 'Evacuation drills, earthquake response training, hazard maps',
    },
  },
  {
    id: 'safety',
    label: { ja: '防犯・交通安全', en: 'Crime prevention and road safety' },
    examples: {
      ja: '防犯パトロール、登下校の見守り、交通安全運動など',
      en: 'Neighbourhood patrols, watching over children on the way to school, road safety campaigns',
    },
  },
  {
    id: 'welfare',
    label: { ja: '福祉・高齢者支援', en: 'Welfare and support for older people' },
    examples: {
      ja: '高齢者の見守り、サロンの運営、福祉施設でのお手伝いなど',
      en: 'Checking on older neighbours, running community salons, helping at care facilities',
    },
  },
  {
    id: 'children',
    label: { ja: '子ども・子育て・教育', en: 'Children, parenting and education' },
    examples: {
      ja: '子ども会の行事、学習支援、子育てサロンなど',
      en: "Children's association events, study support, parenting groups",
    },
  },
  {
    id: 'sports_health',
    label: { ja: 'スポーツ・健康づくり', en: 'Sports and health' },
    examples: {
      ja: '地域の運動会、スポーツ大会の運営、健康教室など',
      en: 'Community sports days, running tournaments, health classes',
    },
  },
  {
    id: 'culture_learning',
    label: { ja: '文化・生涯学習', en: 'Culture and lifelong learning' },
    examples: {
      ja: '伝統行事の継承、公民館の講座、図書の読み聞かせなど',
      en: 'Keeping traditions alive, community centre classes, reading to children',
    },
  },
  {
    id: 'international',
    label: { ja: '国際交流・多文化共生', en: 'International exchange' },
    examples: {
      ja: '外国人住民との交流会、通訳・翻訳のお手伝いなど',
      en: 'Meet-ups with foreign residents, helping with interpreting and translation',
    },
  },
  {
    id: 'other',
    label: { ja: 'その他の地域活動', en: 'Other community activities' },
    examples: { ja: '上記にあてはまらない地域活動', en: 'Community activities not listed above' },
  },
];

export function isActivityCategoryId(value: unknown): value is ActivityCategoryId {
  return typeof value === 'string' && (activityCategoryIds as readonly string[]).includes(value);
}

export function findActivityCategory(id: ActivityCategoryId): ActivityCategory {
  // The table covers every id (a test checks), so this lookup cannot miss.
  return activityCategories.find((category) => category.id === id) as ActivityCategory;
}
