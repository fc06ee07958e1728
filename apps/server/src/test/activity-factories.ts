import { randomBytes } from 'node:crypto';
import {
  activitySearchText,
  documentTokens,
  shareTokenBytes,
  shareTokenFromBytes,
  type ActivityCategoryId,
} from '@kumamoto/domain';
import type { Database } from '../db/client.ts';
import { activities, organizerApplications, organizerGroups, organizerMembers } from '../db/schema.ts';

/**
 * Straight-to-the-database factories for tests of activities, check-in and points, so those
 * tests need not walk the organizer application flow first (that flow has its own tests).
 */
export async function createGroup(
  db: Database,
  input: {
    adminUserId: string;
    memberUserIds?: string[];
    name?: string;
    status?: 'active' | 'suspended' | 'ended';
    /** A 31 March; default far enough ahead for any test clock. */
    rightsEnd?: string;
    now?: Date;
  },
): Promise<{ groupId: string; name: string }> {
  const now = input.now ?? new Date();
  const name = input.name ?? `テスト自治会${randomBytes(3).toString('hex')}`;
  const details = { name, category: 'machizukuri_committee' };
  const [application] = await db
    .insert(organizerApplications)
    .values({
      applicantUserId: input.adminUserId,
      status: 'approved',
      details,
      round: 1,
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
    })
    .returning({ id: organizerApplications.id });
  if (!application) throw new Error('application not created');
  const [group] = await db
    .insert(organizerGroups)
    .values({
      applicationId: application.id,
      details,
      status: input.status ?? 'active',
      rightsEnd: input.rightsEnd ?? '2099-03-31',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: organizerGroups.id });
  if (!group) throw new Error('group not created');
  await db.insert(organizerMembers).values([
    { groupId: group.id, userId: input.adminUserId, role: 'admin', joinedAt: now },
    ...(input.memberUserIds ?? []).map((userId) => ({
      groupId: group.id,
      userId,
      role: 'member' as const,
      joinedAt: now,
    })),
  ]);
  return { groupId: group.id, name };
}

export interface ActivityOverrides {
  title?: string;
  content?: string;
  placeName?: string;
  address?: string;
  category?: ActivityCategoryId;
  visibility?: 'draft' | 'public' | 'unlisted';
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number | null;
  applicationDeadline?: Date | null;
  schoolDistrictCode?: string | null;
  restrictToDistrict?: boolean;
  location?: { lat: number; lng: number } | null;
  cancelledAt?: Date | null;
}

/** A published (by default public) activity of the group, with its search columns filled. */
export async function createActivity(
  db: Database,
  groupId: string,
  overrides: ActivityOverrides = {},
): Promise<{ activityId: string; shareToken: string }> {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 24 * 3600_000);
  const endsAt = overrides.endsAt ?? new Date(startsAt.getTime() + 2 * 3600_000);
  const texts = {
    title: overrides.title ?? '白川河川敷のまち清掃',
    message: '地域をきれいにしましょう。',
    content: overrides.content ?? '河川敷のごみ拾いをします。',
    targetParticipants: 'どなたでも',
    placeName: overrides.placeName ?? '白川公園',
    address: overrides.address ?? '熊本県熊本市中央区草葉町',
    category: overrides.category ?? 'environment',
  };
  const searchText = activitySearchText(texts);
  const shareToken = shareTokenFromBytes(randomBytes(shareTokenBytes));
  const visibility = overrides.visibility ?? 'public';
  const location = overrides.location === undefined ? { lat: 32.8, lng: 130.71 } : overrides.location;
  const [row] = await db
    .insert(activities)
    .values({
      groupId,
      visibility,
      cancelledAt: overrides.cancelledAt ?? null,
      cancelReason: overrides.cancelledAt ? 'テストのため' : null,
      ...texts,
      contact: '090-0000-0000',
      startsAt,
      endsAt,
      lat: location?.lat ?? null,
      lng: location?.lng ?? null,
      capacity: overrides.capacity === undefined ? 30 : overrides.capacity,
      applicationDeadline: overrides.applicationDeadline ?? null,
      insurance: 'group_policy',
      schoolDistrictCode: overrides.schoolDistrictCode ?? null,
      restrictToDistrict: overrides.restrictToDistrict ?? false,
      eligibility: [],
      shareToken,
      searchText,
      searchTokens: documentTokens(searchText),
      publishedAt: visibility === 'draft' ? null : new Date(),
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('activity not created');
  return { activityId: row.id, shareToken };
}
