import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organizerApplications, organizerGroups, organizerMembers, users } from '../../db/schema.ts';
import { seedDemoData } from '../demo/seed-demo.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedOrganizerDemo } from './demo-seed.ts';

let test: TestApp;
beforeAll(async () => {
  test = await createTestApp();
  await seedDemoData(test.database.db, { now: test.clock.now() });
});
afterAll(async () => test.close());

describe('organizer demo data (issue 4)', () => {
  it('comes with the demo seed: an approved group, a pending and a returned application, once', async () => {
    const db = test.database.db;
    // seedDemoData (above) already added them; a second run adds nothing.
    expect(await seedOrganizerDemo(db, { now: test.clock.now() })).toBe(false);
    const statuses = (await db.select().from(organizerApplications)).map((row) => row.status).sort();
    expect(statuses).toEqual(['approved', 'returned', 'submitted']);
    const [group] = await db.select().from(organizerGroups);
    expect(group).toMatchObject({ status: 'active', rightsEnd: '2027-03-31' });
    const members = await db
      .select({ role: organizerMembers.role, persona: users.persona })
      .from(organizerMembers)
      .innerJoin(users, eq(users.id, organizerMembers.userId));
    expect(members.sort((a, b) => a.role.localeCompare(b.role))).toEqual([
      { role: 'admin', persona: 'organizer-admin' },
      { role: 'member', persona: 'organizer-member' },
    ]);
  });
});
