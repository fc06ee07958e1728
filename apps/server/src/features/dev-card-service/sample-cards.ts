import type { CardIdentity } from '@kumamoto/domain';
import { demoPersonas } from '../demo/personas.ts';

/**
 * The sample My Number Cards the development card service offers. Samples only: their PINs are
 * shown on its pages. Where a demo persona has card data, its card is here with the same four
 * items; the not-yet-verified persona (肥後 太郎) gets a card of his own, and one card belongs to a
 * foreign resident (the card shows the name in the alphabet). Each card also has an address to
 * "move" to, so re-verification after moving house can be tried (R-ID-1).
 */
export interface SampleCard {
  /** Stable key: also the subject (`sub`) the service reports for this card's holder. */
  key: string;
  pin: string;
  card: CardIdentity;
  movedAddress: string;
  /** The demo persona who holds this card, if any. */
  persona: string | null;
}

const personaCards: Record<string, { pin: string; movedAddress: string }> = {
  resident: { pin: '2468', movedAddress: '熊本県熊本市東区東町4丁目14番1号' },
  'organizer-admin': { pin: '1357', movedAddress: '熊本県熊本市中央区出水2丁目7番1号' },
  'organizer-member': { pin: '8642', movedAddress: '熊本県熊本市東区画図町大字所島404番地1' },
  'city-reviewer': { pin: '9753', movedAddress: '熊本県熊本市西区花園1丁目4番10号' },
  'city-admin': { pin: '4321', movedAddress: '熊本県熊本市北区清水本町10番1号' },
};

export const sampleCards: readonly SampleCard[] = [
  {
    key: 'higo-taro',
    pin: '1234',
    card: {
      name: '肥後 太郎',
      address: '熊本県熊本市北区龍田1丁目5番2号',
      birthDate: '1996-04-12',
      gender: 'male',
    },
    movedAddress: '熊本県熊本市南区城南町宮地1120番地',
    persona: 'newcomer',
  },
  ...demoPersonas.flatMap((persona) => {
    const extra = personaCards[persona.key];
    return persona.card && extra
      ? [{ key: persona.key, ...extra, card: persona.card, persona: persona.key }]
      : [];
  }),
  {
    key: 'nguyen-van-an',
    pin: '5678',
    card: {
      name: 'NGUYEN VAN AN',
      address: '熊本県熊本市南区田迎5丁目1番10号',
      birthDate: '1999-08-21',
      gender: 'male',
    },
    movedAddress: '熊本県熊本市中央区黒髪2丁目39番1号',
    persona: null,
  },
];

export function findSampleCard(key: string): SampleCard | undefined {
  return sampleCards.find((card) => card.key === key);
}
