import type { Locale, Localized } from '@kumamoto/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** A rank's name in both languages (R-PT-9; configurable thresholds and names). */
export type RankName = Localized;

/** GET /api/me/points (server: features/points), as the points mini-app shows it. */
export interface MyPoints {
  /** Spendable now: expired grants stop counting at the end of their last day (R-PT-6). */
  balance: number;
  /** Lots still held, earliest last day first. */
  expiring: { amount: number; lastUsableDay: string }[];
  history: {
    id: string;
    kind: 'grant' | 'spend' | 'adjustment' | 'expiry';
    /** Positive, except a negative adjustment. */
    amount: number;
    at: string;
    lastUsableDay: string | null;
    activityTitle: string | null;
  }[];
  rank: {
    id: string;
    name: RankName;
    participations: number;
    next: { id: string; name: RankName; minParticipations: number } | null;
  };
}

export const pointsKeys = { mine: ['me', 'points'] as const };

export function useMyPoints(enabled: boolean) {
  return useQuery({
    queryKey: pointsKeys.mine,
    queryFn: () => api<MyPoints>('GET', '/api/me/points'),
    enabled,
  });
}

export function rankName(name: RankName, locale: Locale): string {
  return name[locale];
}
