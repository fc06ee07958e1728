import type { ActivityFacts, ActivityInput } from './activity.ts';
import { eligibilityCriterionIds } from './eligibility.ts';

/** Test data only: the guide's own example activity (section 12), published in 2026. */
export const now = new Date('2026-02-01T09:00:00+09:00');
export const festivalStart = new Date('2026-02-18T10:00:00+09:00');
export const festivalEnd = new Date('2026-02-18T18:00:00+09:00');

export function festivalInput(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    title: '【〇〇校区】地域を盛り上げよう! 〇〇祭り当日運営ボランティア',
    message:
      '【初めての方も大歓迎です!!】\n私たちの地域には、古くから続く伝統と文化が息づいています。皆さんのご参加を心よりお待ちしております!',
    content: '〇〇祭りの当日運営(総合案内、防犯パトロール、ごみ回収、撤収作業など)',
    belongings: '飲み物、軍手、タオルは各自で持参',
    clothing: '動きやすい服装でお越しください。',
    meetingPoint: '9:45に熊本市役所1階ロビー',
    parking: '駐車場はありません。近くのコインパーキングをご利用ください。',
    targetParticipants: '・地域の伝統や文化に興味がある方\n・イベント運営に興味のある方\n※10~20代が活躍中',
    contact: '〇〇団体\nTEL:0123456789',
    startsAt: festivalStart,
    endsAt: festivalEnd,
    placeName: '熊本市役所',
    address: '熊本市中央区手取本町1-1',
    location: { lat: 32.8031, lng: 130.7079 },
    category: 'event',
    capacity: 30,
    applicationDeadline: null,
    insurance: 'group_policy',
    schoolDistrictCode: 'tetori',
    restrictToDistrict: false,
    visibility: 'public',
    eligibility: [...eligibilityCriterionIds],
    ...overrides,
  };
}

export function festivalFacts(overrides: Partial<ActivityFacts> = {}): ActivityFacts {
  return {
    visibility: 'public',
    cancelledAt: null,
    startsAt: festivalStart,
    endsAt: festivalEnd,
    applicationDeadline: null,
    capacity: 30,
    schoolDistrictCode: 'tetori',
    restrictToDistrict: false,
    ...overrides,
  };
}

export const minutes = (n: number) => n * 60 * 1000;
export const at = (base: Date, offsetMs: number) => new Date(base.getTime() + offsetMs);
