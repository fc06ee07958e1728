import { expect } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { activities, activityApplications, auditEvents, notifications } from '../../../db/schema.ts';
import { createGroup } from '../../../test/activity-factories.ts';
import { callerFor, createUser, type Caller } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';

/** Tests of the organizer side: a group with an administrator and a member, and outsiders. */
export interface Person {
  id: string;
  caller: Caller;
}

export async function person(
  test: TestApp,
  input: Parameters<typeof createUser>[1] = { identity: 'verified' },
): Promise<Person> {
  const user = await createUser(test.database.db, input);
  return { id: user.id, caller: await callerFor(test, user.id) };
}

export async function signedOut(test: TestApp): Promise<Person> {
  return { id: '', caller: await callerFor(test) };
}

export interface Cast {
  admin: Person;
  member: Person;
  /** A verified resident in no group. */
  other: Person;
  signedOut: Person;
  groupId: string;
  groupName: string;
}

export async function cast(test: TestApp, group: Partial<Parameters<typeof createGroup>[1]> = {}) {
  const admin = await person(test);
  const member = await person(test);
  const { groupId, name } = await createGroup(test.database.db, {
    adminUserId: admin.id,
    memberUserIds: [member.id],
    ...group,
  });
  return {
    admin,
    member,
    other: await person(test),
    signedOut: await signedOut(test),
    groupId,
    groupName: name,
  };
}

export function call(
  test: TestApp,
  who: Person,
  method: string,
  url: string,
  body?: unknown,
  language = 'ja',
) {
  return test.app.inject({
    method: method as 'GET',
    url,
    headers: { ...who.caller.headers, 'accept-language': language },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** A complete form: publishable as it is (the test clock is 2026-06-01). */
export function completeForm(overrides: Record<string, unknown> = {}) {
  return {
    title: '【白川校区】河川敷のまち清掃ボランティア',
    message: '地域をきれいにしたいという思いで活動しています。',
    content: '河川敷のごみ拾いと草刈りをします。',
    belongings: '飲み物、軍手',
    clothing: '動きやすい服装',
    meetingPoint: '9:45に白川公園入口',
    parking: '駐車場はありません。',
    targetParticipants: 'どなたでも',
    contact: '白川自治会 TEL:096-000-0000',
    startsAt: '2026-06-20T10:00:00+09:00',
    endsAt: '2026-06-20T12:00:00+09:00',
    placeName: '白川公園',
    address: '熊本市中央区草葉町',
    location: { lat: 32.8, lng: 130.71 },
    category: 'environment',
    capacity: 30,
    applicationDeadline: null,
    insurance: 'group_policy',
    schoolDistrictCode: null,
    restrictToDistrict: false,
    visibility: 'public',
    eligibility: [
      'non_profit_public_interest',
      'unpaid',
      'not_political_or_religious',
      'not_against_public_order',
      'held_in_kumamoto_city',
    ],
    thumbnailImageId: null,
    ...overrides,
  };
}

export async function activityRow(test: TestApp, id: string) {
  const [row] = await test.database.db.select().from(activities).where(eq(activities.id, id));
  return row;
}

export async function rowCount(test: TestApp, table: PgTable): Promise<number> {
  const [row] = await test.database.db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

/** A resident's application straight into the table (the apply flow has its own tests). */
export async function enrol(
  test: TestApp,
  activityId: string,
  userId: string,
  status: 'applied' | 'waitlisted',
) {
  const now = test.clock.now();
  await test.database.db.insert(activityApplications).values({ activityId, userId, status, createdAt: now });
  if (status === 'applied') {
    await test.database.db
      .update(activities)
      .set({ applicantCount: sql`${activities.applicantCount} + 1` })
      .where(eq(activities.id, activityId));
  }
}

export async function inbox(test: TestApp, userId: string) {
  return test.database.db.select().from(notifications).where(eq(notifications.userId, userId));
}

export async function auditOf(test: TestApp, action: string, subjectId: string) {
  return test.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)));
}

type Answer = { json<T>(): T };

/** The per-field problems of a `validation_failed` answer. */
export function fieldErrors(response: Answer): { path: string; message: string }[] {
  return response.json<{ errors?: { path: string; message: string }[] }>().errors ?? [];
}

export function idOf(response: Answer): string {
  return response.json<{ id: string }>().id;
}

/** `expect.any(String)` typed, for use inside object literals. */
export const anyString = expect.any(String) as string;
