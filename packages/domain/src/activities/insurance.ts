import type { Localized } from '../locale.ts';

/**
 * R-ACT-7: organizers should arrange volunteer insurance, either for the whole group or by
 * asking each participant to take it out (guide section 13, ボランティア保険の加入). The choice
 * is required so that the organizer thinks about it, and residents see it on the detail page.
 * "None" stays possible because the guide only recommends insurance.
 */
export const insuranceArrangements = ['group_policy', 'each_participant', 'none'] as const;
export type InsuranceArrangement = (typeof insuranceArrangements)[number];

export interface InsuranceOption {
  id: InsuranceArrangement;
  /** What the organizer picks in the form. */
  label: Localized;
  /** What a resident reads on the activity page. */
  forParticipants: Localized;
}

export const insuranceOptions: readonly InsuranceOption[] = [
  {
    id: 'group_policy',
    label: { ja: '団体でボランティア保険に加入している', en: 'Our group has volunteer insurance' },
    forParticipants: {
      ja: '主催団体がボランティア保険に加入しています。',
      en: 'The organizing group has volunteer insurance that covers participants.',
    },
  },
  {
    id: 'each_participant',
    label: {
      ja: '参加者に各自で加入してもらう',
      en: 'Participants take out their own insurance',
    },
    forParticipants: {
      ja: 'ボランティア保険には各自でご加入ください（社会福祉協議会などで加入できます）。',
      en: 'Please take out volunteer insurance yourself before the day (available from the Council of Social Welfare, among others).',
    },
  },
  {
    id: 'none',
    label: { ja: 'ボランティア保険の手配はしない', en: 'No volunteer insurance arranged' },
    forParticipants: {
      ja: 'この活動ではボランティア保険の手配はありません。',
      en: 'No volunteer insurance is arranged for this activity.',
    },
  },
];

export function isInsuranceArrangement(value: unknown): value is InsuranceArrangement {
  return typeof value === 'string' && (insuranceArrangements as readonly string[]).includes(value);
}
