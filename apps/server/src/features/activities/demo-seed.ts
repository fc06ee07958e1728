import { createHash, randomBytes } from 'node:crypto';
import {
  activitySearchText,
  documentTokens,
  eligibilityCriterionIds,
  jstDate,
  shareTokenBytes,
  shareTokenFromBytes,
  startOfJstDay,
  type ActivityCategoryId,
} from '@kumamoto/domain';
import { count, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import type { Database } from '../../db/client.ts';
import {
  activities,
  activityApplications,
  activityImages,
  activityNotices,
  notifications,
  organizerMembers,
  users,
} from '../../db/schema.ts';
import { cardColumns } from '../identity/card-columns.ts';
import { findDistrictForAddress } from '../school-districts/store.ts';
import {
  defaults,
  demoActivities,
  extraResidents,
  palettes,
  type DemoActivity,
  type When,
} from './demo-seed-data.ts';

/**
 * Demo data for issue 5: about thirty activities of the demo's approved group (水前寺校区まち
 * づくり委員会) across categories, school districts (codes of the sample table) and dates
 * relative to now: ended ones in the residents' history, one under way today, one later today,
 * upcoming ones, some full with a waiting list, one cancelled, one unlisted and one draft.
 * Applicants are the demo personas and sixteen extra demo residents. Idempotent: nothing is
 * added once the group has an activity. Call after the organizer demo is seeded.
 */

type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
const hourMs = 3600_000;
const dayMs = 24 * hourMs;

/** The JST wall-clock time of a day relative to today (JST). */
function jstTime(now: Date, day: number, hhmm: string): Date {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return new Date(startOfJstDay(jstDate(now)).getTime() + day * dayMs + hours * hourMs + minutes * 60_000);
}

function schedule(when: When, now: Date): { startsAt: Date; endsAt: Date } {
  const hour = Math.floor(now.getTime() / hourMs) * hourMs;
  if (when === 'under_way') return { startsAt: new Date(hour - hourMs), endsAt: new Date(hour + 3 * hourMs) };
  if (when === 'later_today')
    return { startsAt: new Date(hour + 3 * hourMs), endsAt: new Date(hour + 5 * hourMs) };
  const startsAt = jstTime(now, when.day, when.from);
  return { startsAt, endsAt: new Date(startsAt.getTime() + when.hours * hourMs) };
}

async function drawThumbnail(category: ActivityCategoryId): Promise<Buffer> {
  const [dark, light, shape] = palettes[category];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 960 540">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
    <rect width="960" height="540" fill="url(#g)"/>
    <circle cx="120" cy="90" r="140" fill="#ffffff" fill-opacity="0.18"/>
    <circle cx="860" cy="470" r="200" fill="#ffffff" fill-opacity="0.12"/>
    <path d="${shape}" fill="#ffffff" fill-opacity="0.85" stroke="#ffffff" stroke-width="14" stroke-linejoin="round"/>
  </svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}

async function storeThumbnails(tx: Transaction, groupId: string, now: Date) {
  const ids = new Map<ActivityCategoryId, string>();
  for (const category of new Set(demoActivities.map((a) => a.category))) {
    const bytes = await drawThumbnail(category);
    const [row] = await tx
      .insert(activityImages)
      .values({
        groupId,
        bytes: new Uint8Array(bytes),
        contentType: 'image/webp',
        width: 640,
        height: 360,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        createdAt: now,
      })
      .returning({ id: activityImages.id });
    if (row) ids.set(category, row.id);
  }
  return ids;
}

/** Their 校区 comes from the address, as verification would derive it (when the table knows it). */
async function createExtraResidents(tx: Transaction, now: Date): Promise<string[]> {
  const ids: string[] = [];
  for (const card of extraResidents) {
    const district = await findDistrictForAddress(tx, card.address);
    const [row] = await tx
      .insert(users)
      .values({
        displayName: card.name,
        ...cardColumns(card, now),
        schoolDistrictCode: district ?? null,
        schoolDistrictSource: district ? 'address' : null,
      })
      .returning({ id: users.id });
    if (row) ids.push(row.id);
  }
  return ids;
}

interface SeedContext {
  tx: Transaction;
  now: Date;
  groupId: string;
  admin: string;
  resident: string;
  newcomer: string;
  thumbnails: Map<ActivityCategoryId, string>;
  /** Extra residents, handed out in turn (never twice to one activity: there are 16). */
  takeExtras(n: number): string[];
}

/** Who applied, in the order they did: personas who came early, extra residents, then the waiting list. */
function applicantsOf(demo: DemoActivity, context: SeedContext) {
  const personas = [
    ...(demo.resident === 'applied' ? [context.resident] : []),
    ...(demo.newcomer === 'applied' ? [context.newcomer] : []),
  ];
  const wanted = demo.extras === 'full' ? (demo.capacity ?? 0) - personas.length : (demo.extras ?? 0);
  const applied = [...personas, ...context.takeExtras(wanted)];
  const waiting = [
    ...context.takeExtras(demo.waitlisted ?? 0),
    ...(demo.resident === 'waitlisted' ? [context.resident] : []),
  ];
  return [
    ...applied.map((userId) => ({ userId, status: 'applied' as const })),
    ...waiting.map((userId) => ({ userId, status: 'waitlisted' as const })),
  ];
}

async function insertActivity(demo: DemoActivity, index: number, context: SeedContext) {
  const { tx, now } = context;
  const { startsAt, endsAt } = schedule(demo.when, now);
  const texts = {
    title: demo.title,
    message: defaults.message,
    content: demo.content,
    targetParticipants: demo.target ?? defaults.target,
    placeName: demo.place.name,
    address: demo.place.address,
    category: demo.category,
  };
  const searchText = activitySearchText(texts);
  const visibility = demo.visibility ?? 'public';
  const created = new Date(Math.min(now.getTime(), startsAt.getTime()) - (20 + index) * dayMs);
  const entries = applicantsOf(demo, context);
  const [row] = await tx
    .insert(activities)
    .values({
      groupId: context.groupId,
      createdByUserId: context.admin,
      visibility,
      cancelledAt: demo.cancelled ? new Date(now.getTime() - dayMs) : null,
      cancelReason: demo.cancelled ?? null,
      ...texts,
      belongings: demo.belongings ?? defaults.belongings,
      clothing: demo.clothing ?? defaults.clothing,
      meetingPoint: `${demo.place.name}に集合してください。受付は開始15分前からです。`,
      parking: demo.parking ?? defaults.parking,
      contact: defaults.contact,
      startsAt,
      endsAt,
      lat: demo.place.lat,
      lng: demo.place.lng,
      capacity: demo.capacity,
      insurance: demo.insurance ?? 'group_policy',
      schoolDistrictCode: demo.district,
      restrictToDistrict: demo.restrictToDistrict ?? false,
      eligibility: visibility === 'draft' ? [] : [...eligibilityCriterionIds],
      thumbnailImageId: context.thumbnails.get(demo.category) ?? null,
      shareToken: shareTokenFromBytes(randomBytes(shareTokenBytes)),
      searchText,
      searchTokens: documentTokens(searchText),
      applicantCount: entries.filter((entry) => entry.status === 'applied').length,
      publishedAt: visibility === 'draft' ? null : created,
      createdAt: created,
      updatedAt: created,
    })
    .returning({ id: activities.id });
  if (!row) throw new Error('demo activity not stored');
  // One statement, rows numbered (seq) in this order: the order they applied in.
  if (entries.length > 0) {
    await tx.insert(activityApplications).values(
      entries.map((entry, i) => ({
        activityId: row.id,
        userId: entry.userId,
        status: entry.status,
        createdAt: new Date(created.getTime() + (i + 1) * hourMs),
      })),
    );
  }
  await insertNotices(
    demo,
    { id: row.id, startsAt },
    entries.map((entry) => entry.userId),
    context,
  );
}

/** A cancellation notice (R-ACT-4) or an organizer's message, in each participant's inbox. */
async function insertNotices(
  demo: DemoActivity,
  activity: { id: string; startsAt: Date },
  participants: string[],
  { tx, now, admin }: SeedContext,
) {
  const notices: {
    kind: 'cancelled' | 'message';
    senderUserId: string | null;
    body: string;
    params: Record<string, string>;
    inboxKind: string;
    sentAt: Date;
  }[] = [
    ...(demo.cancelled
      ? [
          {
            kind: 'cancelled' as const,
            senderUserId: null,
            body: demo.cancelled,
            params: {
              title: demo.title,
              contact: defaults.contact,
              startsAt: activity.startsAt.toISOString(),
            },
            inboxKind: 'activity_cancelled',
            sentAt: new Date(now.getTime() - dayMs),
          },
        ]
      : []),
    ...(demo.notice
      ? [
          {
            kind: 'message' as const,
            senderUserId: admin,
            body: demo.notice,
            params: {},
            inboxKind: 'activity_notice',
            sentAt: new Date(now.getTime() - 2 * hourMs),
          },
        ]
      : []),
  ];
  for (const { inboxKind, ...notice } of notices) {
    await tx
      .insert(activityNotices)
      .values({ activityId: activity.id, ...notice, recipientCount: participants.length });
    if (participants.length === 0) continue;
    await tx.insert(notifications).values(
      participants.map((userId) => ({
        userId,
        kind: inboxKind,
        params: { activityTitle: demo.title },
        link: `/volunteer/activities/${activity.id}`,
        createdAt: notice.sentAt,
      })),
    );
  }
}

/** The personas and the demo group, or null when the demo's earlier parts are missing. */
async function demoCast(db: Database) {
  const personas = await db
    .select({ id: users.id, persona: users.persona })
    .from(users)
    .where(inArray(users.persona, ['organizer-admin', 'resident', 'newcomer']));
  const idOf = (key: string) => personas.find((row) => row.persona === key)?.id;
  const admin = idOf('organizer-admin');
  const resident = idOf('resident');
  const newcomer = idOf('newcomer');
  if (!admin || !resident || !newcomer) return null;
  const [membership] = await db
    .select({ groupId: organizerMembers.groupId })
    .from(organizerMembers)
    .where(eq(organizerMembers.userId, admin));
  return membership ? { admin, resident, newcomer, groupId: membership.groupId } : null;
}

export async function seedActivitiesDemo(db: Database, { now = new Date() } = {}): Promise<boolean> {
  const cast = await demoCast(db);
  if (!cast) return false;
  const [existing] = await db
    .select({ n: count() })
    .from(activities)
    .where(eq(activities.groupId, cast.groupId));
  if ((existing?.n ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const thumbnails = await storeThumbnails(tx, cast.groupId, now);
    const extras = await createExtraResidents(tx, now);
    let nextExtra = 0;
    const takeExtras = (n: number) =>
      Array.from({ length: Math.min(n, extras.length) }, () => extras[nextExtra++ % extras.length] as string);
    const context: SeedContext = { tx, now, ...cast, thumbnails, takeExtras };
    for (const [index, demo] of demoActivities.entries()) await insertActivity(demo, index, context);
  });
  return true;
}

/** For the demo's own test: what the seed means to create. */
export const demoActivityCount = demoActivities.length;
