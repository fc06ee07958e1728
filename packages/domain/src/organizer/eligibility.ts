import type { Localized } from '../locale.ts';
import { findCategory, type CategoryId } from './categories.ts';

/**
 * Before the form: may this group apply at all (R-ORG-1)? A group that may not is told, in the
 * guide's words, how it can still take part: by co-hosting with an eligible group (R-ORG-2).
 */
export interface EligibilityAnswer {
  /** The category the group fits, or `none` if none of the listed ones. */
  category: CategoryId | 'none';
  /** Whether the main office is in Kumamoto City (asked of all but local governments). */
  mainOfficeInCity: boolean;
}

export type IneligibleReason = 'not_an_eligible_category' | 'main_office_outside_city';

export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibleReason };

export function checkEligibility(answer: EligibilityAnswer): Eligibility {
  if (answer.category === 'none') return { eligible: false, reason: 'not_an_eligible_category' };
  if (findCategory(answer.category).mainOfficeInCity && !answer.mainOfficeInCity) {
    return { eligible: false, reason: 'main_office_outside_city' };
  }
  return { eligible: true };
}

export interface CoHostingGuidance {
  title: Localized;
  /** Why this group cannot apply. */
  reasons: Record<IneligibleReason, Localized>;
  /** What it can do instead, as paragraphs (guide 04, note on categories (1)–(3)). */
  paragraphs: readonly Localized[];
}

export const coHostingGuidance: CoHostingGuidance = {
  title: { ja: '共催で活動できます', en: 'You can take part by co-hosting' },
  reasons: {
    not_an_eligible_category: {
      ja: '主催団体として申請できるのは、地方公共団体、要綱に掲げる15種類の地域団体、熊本市が認証したNPO法人です。',
      en: 'Only local governments, the 15 kinds of community group listed by the city, and NPOs certified by Kumamoto City can register as organizers.',
    },
    main_office_outside_city: {
      ja: '地方公共団体以外の団体は、熊本市内に主たる事務所を置いている場合に限り申請できます。',
      en: 'Apart from local governments, a group can register only if its main office is in Kumamoto City.',
    },
  },
  paragraphs: [
    {
      ja: 'これらに該当しない団体も、該当する団体との共催の活動に限り、くまもとアプリでポイントの付与と活動証明書の発行ができます。',
      en: 'Other groups can still grant points and issue activity certificates through the Kumamoto App for activities they co-host with an eligible group.',
    },
    {
      ja: 'その際は、共催する団体の主催者ミニアプリから活動を作成してください。',
      en: "In that case the activity is created in the co-hosting group's organizer mini-app.",
    },
  ],
};

/** Where to ask (guide 14 and operating rules 14). */
export const cityOfficeContact = {
  name: { ja: '熊本市 くまもとアプリ運営事務局', en: 'Kumamoto City, Kumamoto App office' },
  phone: '096-328-2477',
  hours: {
    ja: '9:00～17:00（土曜日・日曜日・祝日・年末年始を除く）',
    en: '9:00–17:00 (closed Saturdays, Sundays, public holidays and the New Year break)',
  },
  email: 'kumaapuri-madoguchi@city.kumamoto.lg.jp',
} as const satisfies { name: Localized; phone: string; hours: Localized; email: string };
