import { randomBytes } from 'node:crypto';
import {
  activitySearchText,
  documentTokens,
  shareTokenBytes,
  shareTokenFromBytes,
  type ActivityCategoryId,
  type ActivityInput,
  type EligibilityCriterionId,
  type InsuranceArrangement,
} from '@kumamoto/domain';
import type { Config } from '../../../config.ts';
import type { ActivityRow } from './store.ts';

/** What the create and edit forms send: the domain's input plus the uploaded thumbnail's id. */
export type ActivityForm = ActivityInput & { thumbnailImageId: string | null };

/**
 * The stored columns of the form. The search columns are derived here from the texts, so
 * every write that changes a title, a text or the category also refreshes them.
 */
export function columnsOf(input: ActivityForm) {
  const searchText = activitySearchText(input);
  return {
    title: input.title,
    message: input.message,
    content: input.content,
    belongings: input.belongings,
    clothing: input.clothing,
    meetingPoint: input.meetingPoint,
    parking: input.parking,
    targetParticipants: input.targetParticipants,
    contact: input.contact,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    placeName: input.placeName,
    address: input.address,
    lat: input.location?.lat ?? null,
    lng: input.location?.lng ?? null,
    category: input.category,
    capacity: input.capacity,
    applicationDeadline: input.applicationDeadline,
    insurance: input.insurance,
    schoolDistrictCode: input.schoolDistrictCode === '' ? null : input.schoolDistrictCode,
    restrictToDistrict: input.restrictToDistrict,
    visibility: input.visibility,
    eligibility: [...input.eligibility],
    thumbnailImageId: input.thumbnailImageId,
    searchText,
    searchTokens: documentTokens(searchText),
  };
}

/** The stored activity as the form holds it. */
export function formOf(row: ActivityRow): ActivityForm {
  return {
    title: row.title,
    message: row.message,
    content: row.content,
    belongings: row.belongings,
    clothing: row.clothing,
    meetingPoint: row.meetingPoint,
    parking: row.parking,
    targetParticipants: row.targetParticipants,
    contact: row.contact,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    placeName: row.placeName,
    address: row.address,
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    category: row.category as ActivityCategoryId | null,
    capacity: row.capacity,
    applicationDeadline: row.applicationDeadline,
    insurance: row.insurance as InsuranceArrangement | null,
    schoolDistrictCode: row.schoolDistrictCode,
    restrictToDistrict: row.restrictToDistrict,
    visibility: row.visibility,
    eligibility: row.eligibility as EligibilityCriterionId[],
    thumbnailImageId: row.thumbnailImageId,
  };
}

/** 128 random bits (domain share-token.ts): the unguessable part of an unlisted activity's link. */
export function newShareToken(): string {
  return shareTokenFromBytes(randomBytes(shareTokenBytes));
}

/** The link organizers share (URL限定公開); shown to the group's organizers only. */
export function shareUrlOf(config: Pick<Config, 'publicUrl'>, row: Pick<ActivityRow, 'id' | 'shareToken'>) {
  return `${config.publicUrl}/volunteer/activities/${row.id}?share=${row.shareToken}`;
}

export function thumbnailUrlOf(imageId: string | null): string | null {
  return imageId ? `/api/activity-images/${imageId}` : null;
}
