import { z } from 'zod';
import type { Localized } from '../locale.ts';

/**
 * Ranks by participation count (R-PT-9; guide section 01: "活動参加回数の条件をクリアするとランクアップ").
 * The participation count is the number of activities a resident checked in to, over all time
 * (a check-in the city office issued after an app fault, FAQ Q3, counts too). Spending or
 * expiring points never lowers a rank.
 */
export interface Rank {
  id: string;
  /** The count from which this rank holds. */
  minParticipations: number;
  name: Localized;
}

/** Ranks, lowest first. Checked by `rankTableSchema` when it comes from configuration. */
export type RankTable = readonly Rank[];

/**
 * The default table. The guide names no thresholds or names, so these are ours (beyond the
 * guide): a first rank-up at the very first check-in to reward starting, then steps that a
 * monthly volunteer reaches in about half a year, a year and two and a half years.
 */
export const defaultRanks: RankTable = [
  { id: 'beginner', minParticipations: 0, name: { ja: 'ビギナー', en: 'Beginner' } },
  { id: 'bronze', minParticipations: 1, name: { ja: 'ブロンズ', en: 'Bronze' } },
  { id: 'silver', minParticipations: 5, name: { ja: 'シルバー', en: 'Silver' } },
  { id: 'gold', minParticipations: 15, name: { ja: 'ゴールド', en: 'Gold' } },
  { id: 'platinum', minParticipations: 30, name: { ja: 'プラチナ', en: 'Platinum' } },
];

const rankSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  minParticipations: z.int().min(0),
  name: z.object({ ja: z.string().trim().min(1), en: z.string().trim().min(1) }),
});

/**
 * A configured rank table: at least one rank, the first from 0 (everyone has a rank), counts
 * strictly rising, ids unique.
 */
export const rankTableSchema = z
  .array(rankSchema)
  .min(1)
  .refine((ranks) => ranks[0]?.minParticipations === 0, { message: 'the first rank must start at 0' })
  .refine(
    (ranks) => ranks.slice(1).every((rank, i) => rank.minParticipations > (ranks[i]?.minParticipations ?? 0)),
    {
      message: 'thresholds must rise strictly',
    },
  )
  .refine((ranks) => new Set(ranks.map((rank) => rank.id)).size === ranks.length, {
    message: 'ids must be unique',
  });

/** The rank a resident holds after `participations` check-ins. */
export function rankFor(participations: number, table: RankTable = defaultRanks): Rank {
  assertCount(participations);
  const reached = table.filter((rank) => rank.minParticipations <= participations);
  const rank = reached.at(-1);
  if (!rank) throw new RangeError('the rank table must start at 0 participations');
  return rank;
}

/** The next rank and how many more check-ins reach it ("あと3回でシルバー"); null at the top. */
export function nextRank(
  participations: number,
  table: RankTable = defaultRanks,
): { rank: Rank; participationsToGo: number } | null {
  assertCount(participations);
  const rank = table.find((candidate) => candidate.minParticipations > participations);
  return rank ? { rank, participationsToGo: rank.minParticipations - participations } : null;
}

/**
 * The rank-up notice after the count went from `before` to `after` (R-PT-9), or null when the
 * rank did not change. If several thresholds were crossed at once, `to` is the highest reached.
 */
export function rankUp(
  before: number,
  after: number,
  table: RankTable = defaultRanks,
): { from: Rank; to: Rank } | null {
  const from = rankFor(before, table);
  const to = rankFor(after, table);
  return to.minParticipations > from.minParticipations ? { from, to } : null;
}

function assertCount(participations: number): void {
  if (!Number.isSafeInteger(participations) || participations < 0)
    throw new RangeError('a participation count is a whole number ≥ 0');
}
