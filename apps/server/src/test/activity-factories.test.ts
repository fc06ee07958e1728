import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activities } from '../db/schema.ts';
import { createActivity, createGroup } from './activity-factories.ts';
import { createUser } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
});
afterAll(async () => test.close());

it('makes an active group and a public activity that the schema accepts', async () => {
  const admin = await createUser(test.database.db, { identity: 'verified' });
  const { groupId } = await createGroup(test.database.db, { adminUserId: admin.id });
  const { activityId } = await createActivity(test.database.db, groupId, { capacity: 2 });
  const [row] = await test.database.db.select().from(activities).where(eq(activities.id, activityId));
  expect(row?.searchTokens).toContain('清掃');
  expect(row?.visibility).toBe('public');
});

it('lets the database refuse overbooking: applicant_count may not exceed capacity', async () => {
  const admin = await createUser(test.database.db, { identity: 'verified' });
  const { groupId } = await createGroup(test.database.db, { adminUserId: admin.id });
  const { activityId } = await createActivity(test.database.db, groupId, { capacity: 1 });
  await test.database.db.update(activities).set({ applicantCount: 1 }).where(eq(activities.id, activityId));
  await expect(
    test.database.db.update(activities).set({ applicantCount: 2 }).where(eq(activities.id, activityId)),
  ).rejects.toThrow();
});
