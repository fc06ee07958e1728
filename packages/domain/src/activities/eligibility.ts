import type { Localized } from '../locale.ts';

/**
 * R-ACT-1: the five conditions an activity must meet to be created in the app (くまもとポイント
 * 制度実施要綱 第6条, quoted in guide section 10). The organizer ticks every one before
 * publishing; the Japanese text is the guide's, word for word.
 */
export const eligibilityCriterionIds = [
  'non_profit_public_interest',
  'unpaid',
  'not_political_or_religious',
  'not_against_public_order',
  'held_in_kumamoto_city',
] as const;
export type EligibilityCriterionId = (typeof eligibilityCriterionIds)[number];

export interface EligibilityCriterion {
  id: EligibilityCriterionId;
  text: Localized;
}

export const eligibilityCriteria: readonly EligibilityCriterion[] = [
  {
    id: 'non_profit_public_interest',
    text: {
      ja: '営利を目的としない公益的な活動であること。',
      en: 'It is a public-interest activity that is not run for profit.',
    },
  },
  {
    id: 'unpaid',
    text: {
      ja: '活動者に報酬を与えない活動であること。',
      en: 'The people taking part receive no payment for it.',
    },
  },
  {
    id: 'not_political_or_religious',
    text: { ja: '政治宗教活動でないこと。', en: 'It is not a political or religious activity.' },
  },
  {
    id: 'not_against_public_order',
    text: {
      ja: '公序良俗に反する活動でないこと。',
      en: 'It is not contrary to public order or morals.',
    },
  },
  {
    id: 'held_in_kumamoto_city',
    text: {
      ja: '地域活動等の実施場所は原則として熊本市内であること。',
      en: 'In principle, it takes place within Kumamoto City.',
    },
  },
];

/** The criteria not (yet) ticked, in the guide's order; empty means the activity may be published. */
export function missingEligibilityCriteria(ticked: readonly string[]): EligibilityCriterionId[] {
  return eligibilityCriterionIds.filter((id) => !ticked.includes(id));
}
