import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { organizerGroups, organizerInvitations, organizerMembers } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { hashInvitationToken } from './members.ts';
import { approvedGroup, person, request, rowCount, type Person } from './test-support.ts';

let test: TestApp;
let admin: Person;
let reviewer: Person;
let groupId: string;

beforeAll(async () => {
  test = await createTestApp();
  admin = await person(test);
  reviewer = await person(test, { roles: ['city_reviewer'] });
  ({ groupId } = await approvedGroup(test, admin, reviewer, 'メンバーの会'));
});
afterAll(async () => test.close());

async function invite(by: Person = admin, group = groupId) {
  return request(test, by, 'POST', `/api/organizer/groups/${group}/invitations`);
}

async function inviteToken(group = groupId): Promise<string> {
  const response = await invite(admin, group);
  expect(response.statusCode).toBe(201);
  return response.json<{ token: string }>().token;
}

function accept(who: Person, token: string) {
  return request(test, who, 'POST', `/api/organizer/invitations/${token}/accept`);
}

async function members(group = groupId) {
  return test.database.db.select().from(organizerMembers).where(eq(organizerMembers.groupId, group));
}

describe('invitations (R-ORG-7): link / QR, unguessable, stored hashed, used once', () => {
  it('gives the administrator a link whose token is stored only as its SHA-256', async () => {
    const response = await invite();
    expect(response.statusCode).toBe(201);
    const { token, url } = response.json<{ token: string; url: string }>();
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(url).toBe(`http://localhost:3000/organizer#join=${token}`);
    const rows = await test.database.db.select().from(organizerInvitations);
    expect(rows.map((row) => row.tokenHash)).toContain(hashInvitationToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const preview = await request(test, await person(test), 'GET', `/api/organizer/invitations/${token}`);
    expect(preview.json()).toMatchObject({ groupName: 'メンバーの会', usable: true, problem: null });
  });

  it('refuses invitations by a member, a resident, a reviewer', async () => {
    const stranger = await person(test);
    expect((await invite(stranger)).statusCode).toBe(403);
    expect((await invite(reviewer)).statusCode).toBe(403);
  });

  it('lets a verified resident accept once; the same link used twice is refused, nothing changed', async () => {
    const token = await inviteToken();
    const first = await person(test);
    const accepted = await accept(first, token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ groupId });
    const before = await members();
    const second = await person(test);
    const reused = await accept(second, token);
    expect(reused.statusCode).toBe(409);
    expect(reused.json()).toMatchObject({ code: 'organizer_invitation_used' });
    expect(await members()).toEqual(before);
    const group = await request(test, first, 'GET', `/api/organizer/groups/${groupId}`);
    expect(group.json()).toMatchObject({ role: 'member' });
    // Clean up for the limit tests below.
    expect(
      (await request(test, admin, 'DELETE', `/api/organizer/groups/${groupId}/members/${first.id}`))
        .statusCode,
    ).toBe(204);
  });

  it('refuses an unverified resident; the invitation stays usable', async () => {
    const token = await inviteToken();
    const unverified = await person(test, { identity: 'unverified' });
    const refused = await accept(unverified, token);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'verification_required' });
    const [row] = await test.database.db
      .select()
      .from(organizerInvitations)
      .where(eq(organizerInvitations.tokenHash, hashInvitationToken(token)));
    expect(row?.usedAt).toBeNull();
  });

  it('refuses an expired, a revoked and an unknown invitation', async () => {
    const expiring = await inviteToken();
    const revoked = await inviteToken();
    const list = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}/invitations`);
    const last = list.json<{ items: { id: string }[] }>().items.at(-1)!;
    expect(
      (await request(test, admin, 'DELETE', `/api/organizer/groups/${groupId}/invitations/${last.id}`))
        .statusCode,
    ).toBe(204);
    const resident = await person(test);
    expect((await accept(resident, revoked)).json()).toMatchObject({ code: 'organizer_invitation_revoked' });
    test.clock.advance(8 * 24 * 60 * 60 * 1000);
    expect((await accept(resident, expiring)).json()).toMatchObject({ code: 'organizer_invitation_expired' });
    test.clock.advance(-8 * 24 * 60 * 60 * 1000);
    const unknown = await accept(resident, 'A'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'organizer_invitation_invalid' });
  });
});

describe('member limit (R-ORG-7: at most 3 besides the administrator)', () => {
  it('refuses a fourth member even when four invitations were handed out and accepted at once', async () => {
    const other = await person(test);
    const { groupId: raceGroup } = await approvedGroup(test, other, reviewer, '競争の会');
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await invite(other, raceGroup);
      tokens.push(response.json<{ token: string }>().token);
    }
    const people = await Promise.all(tokens.map(() => person(test)));
    const results = await Promise.all(people.map((who, index) => accept(who, tokens[index]!)));
    const codes = results.map((result) => result.statusCode).sort();
    expect(codes).toEqual([200, 200, 200, 409]);
    expect(results.find((result) => result.statusCode === 409)!.json()).toMatchObject({
      code: 'organizer_member_limit',
    });
    const rows = await members(raceGroup);
    expect(rows.filter((row) => row.role === 'member')).toHaveLength(3);
    // And no new invitation while full.
    const full = await invite(other, raceGroup);
    expect(full.json()).toMatchObject({ code: 'organizer_member_limit' });
  });
});

describe('remove and hand over (R-ORG-5, R-ORG-7)', () => {
  it('hands the administrator role to a member; the former administrator stays a member', async () => {
    const successor = await person(test);
    expect((await accept(successor, await inviteToken())).statusCode).toBe(200);
    const stranger = await person(test);
    const notMember = await request(test, admin, 'POST', `/api/organizer/groups/${groupId}/administrator`, {
      userId: stranger.id,
    });
    expect(notMember.json()).toMatchObject({ code: 'organizer_not_a_member' });
    const byMember = await request(
      test,
      successor,
      'POST',
      `/api/organizer/groups/${groupId}/administrator`,
      {
        userId: successor.id,
      },
    );
    expect(byMember.statusCode).toBe(403);
    const handed = await request(test, admin, 'POST', `/api/organizer/groups/${groupId}/administrator`, {
      userId: successor.id,
    });
    expect(handed.statusCode).toBe(204);
    const rows = await members();
    expect(rows.find((row) => row.userId === successor.id)?.role).toBe('admin');
    expect(rows.find((row) => row.userId === admin.id)?.role).toBe('member');
    expect(rows.filter((row) => row.role === 'admin')).toHaveLength(1);
    // The new administrator cannot be removed; the former one can leave.
    const removeAdmin = await request(
      test,
      successor,
      'DELETE',
      `/api/organizer/groups/${groupId}/members/${successor.id}`,
    );
    expect(removeAdmin.json()).toMatchObject({ code: 'organizer_cannot_remove_admin' });
    const leave = await request(
      test,
      admin,
      'DELETE',
      `/api/organizer/groups/${groupId}/members/${admin.id}`,
    );
    expect(leave.statusCode).toBe(204);
    expect((await members()).map((row) => row.userId)).not.toContain(admin.id);
  });

  it('refuses a second administrator in the database itself (partial unique index)', async () => {
    const [group] = await test.database.db.select().from(organizerGroups).limit(1);
    const extra = await person(test);
    await expect(
      test.database.db
        .insert(organizerMembers)
        .values({ groupId: group!.id, userId: extra.id, role: 'admin', joinedAt: new Date() }),
    ).rejects.toThrow();
    expect(await rowCount(test, organizerGroups)).toBeGreaterThan(0);
  });

  it('hides a group from people outside it', async () => {
    const stranger = await person(test);
    expect((await request(test, stranger, 'GET', `/api/organizer/groups/${groupId}`)).statusCode).toBe(404);
    expect((await request(test, stranger, 'GET', '/api/organizer/groups')).json()).toEqual({ items: [] });
  });
});
