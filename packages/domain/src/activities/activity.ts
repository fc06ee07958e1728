import type { ActivityCategoryId } from './categories.ts';
import type { EligibilityCriterionId } from './eligibility.ts';
import type { GeoPoint } from './geo.ts';
import type { InsuranceArrangement } from './insurance.ts';

/**
 * Who can find an activity (guide FAQ Q2, R-ACT-3):
 * - draft (下書き): only the group sees it; the only kind that may be deleted (R-ACT-5).
 * - public (公開): in the volunteer list and search until it ends.
 * - unlisted (URL限定公開): reachable only through its unguessable share link.
 * Cancelling (中止) is stored apart from this (`cancelledAt`), so a cancelled activity keeps
 * who could reach it: people who had the page learn that it was cancelled. "Ended" is not
 * stored at all: it follows from the end time, so no job has to run (`activityState`).
 */
export const activityVisibilities = ['draft', 'public', 'unlisted'] as const;
export type ActivityVisibility = (typeof activityVisibilities)[number];

/**
 * What the organizer form sends (R-ACT-2). The thumbnail is uploaded separately (the server
 * checks and re-encodes the image). Dates are instants; the form enters them in JST.
 * A draft may be saved half-filled, so most items may be empty or null until publishing.
 */
export interface ActivityInput {
  title: string;
  /** 活動への思い: why the group does this and what participants gain. */
  message: string;
  /** 活動内容: what participants will do. */
  content: string;
  /** 準備物: things to bring. */
  belongings: string;
  /** 服装: what to wear. */
  clothing: string;
  /** 集合場所: where to meet, when it differs from the place. */
  meetingPoint: string;
  /** 駐車場・駐輪場: whether there is parking (the guide says always state it). */
  parking: string;
  /** 募集対象: who the activity is for. */
  targetParticipants: string;
  /** 問い合わせ先: notices are one-way, so this is how participants reach the organizer. */
  contact: string;
  startsAt: Date | null;
  endsAt: Date | null;
  placeName: string;
  address: string;
  location: GeoPoint | null;
  category: ActivityCategoryId | null;
  /** 定員: null means no limit (and then people who did not apply may still check in, R-PT-4). */
  capacity: number | null;
  /** Applications close at this instant; null means they close when the activity starts. */
  applicationDeadline: Date | null;
  insurance: InsuranceArrangement | null;
  /** 校区 where the activity takes place (for search). */
  schoolDistrictCode: string | null;
  /** R-ACT-6 (beyond the guide): only residents whose verified address is in that district may apply. */
  restrictToDistrict: boolean;
  visibility: ActivityVisibility;
  /** R-ACT-1: the criteria the organizer ticked. */
  eligibility: EligibilityCriterionId[];
}

/** The stored facts the rules in this folder read. Dates are null only in drafts. */
export interface ActivityFacts {
  visibility: ActivityVisibility;
  /** When the organizer cancelled it (R-ACT-4); null while it goes ahead. */
  cancelledAt: Date | null;
  startsAt: Date | null;
  endsAt: Date | null;
  applicationDeadline: Date | null;
  capacity: number | null;
  schoolDistrictCode: string | null;
  restrictToDistrict: boolean;
}
