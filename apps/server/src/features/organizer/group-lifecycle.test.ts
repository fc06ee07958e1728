import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, notifications, organizerGroups, organizerRequests } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { callerFor } from '../../test/factories.ts';
import { approvedGroup, completeDraft, person, request, type Person } from './test-support.ts';

let test: TestApp;
let admin: Person;
let member: Person;
let reviewer: Person;
let cityAdmin: Person;

beforeAll(async () => {
  test = await createTestApp({ now: '2026-06-01T10:00:00+09:00' });
  admin = await person(test);
  member = await person(test);
  reviewer = await person(test, { roles: ['city_reviewer'] });
  cityAdmin = await person(test, { roles: ['city_admin'] });
});
afterAll(async () => test.close());

/** Moves the clock and signs everyone in again (sessions expire over months). */
async function setClock(iso: string): Promise<void> {
  test.clock.set(iso);
  for (const who of [admin, member, reviewer, cityAdmin]) who.caller = await callerFor(test, who.id);
}

async function newGroup(name: string, withMember = false): Promise<string> {
  const { groupId } = await approvedGroup(test, admin, reviewer, name);
  if (withMember) {
    const invite = await request(test, admin, 'POST', `/api/organizer/groups/${groupId}/invitations`);
    const accepted = await request(
      test,
      member,
      'POST',
      `/api/organizer/invitations/${invite.json<{ token: string }>().token}/accept`,
    );
    expect(accepted.statusCode).toBe(200);
  }
  return groupId;
}

function groupEvent(who: Person, groupId: string, event: string, body: object = {}) {
  return request(test, who, 'POST', `/api/organizer/groups/${groupId}/events/${event}`, body);
}

function cityEvent(who: Person, groupId: string, event: string, body: object = {}) {
  return request(test, who, 'POST', `/api/city/organizer/groups/${groupId}/events/${event}`, body);
}

async function kinds(userId: string): Promise<string[]> {
  const rows = await test.database.db.select().from(notifications).where(eq(notifications.userId, userId));
  return rows.map((row) => row.kind);
}

describe('change applications (R-ORG-8)', () => {
  it('shows reviewers the diff, blocks new activities while pending, applies the details when approved', async () => {
    const groupId = await newGroup('変更の会');
    const details = await completeDraft(test, admin, '変更の会');
    const same = await groupEvent(admin, groupId, 'change.submit', {
      details: { ...details, officerList: null },
    });
    expect(same.statusCode).toBe(400); // the officer list is required for a PTA
    const unchanged = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    const registered = unchanged.json<{ details: typeof details }>().details;
    const noChange = await groupEvent(admin, groupId, 'change.submit', { details: registered });
    expect(noChange.json()).toMatchObject({ code: 'organizer_no_changes' });

    const submitted = await groupEvent(admin, groupId, 'change.submit', {
      details: { ...registered, phone: '096-111-2222' },
    });
    expect(submitted.statusCode).toBe(204);
    const pending = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    expect(pending.json()).toMatchObject({
      canCreateActivities: false,
      activityRefusal: 'change_pending',
      requests: { change: 'pending' },
    });
    const again = await groupEvent(admin, groupId, 'change.submit', {
      details: { ...registered, phone: '096-333-4444' },
    });
    expect(again.json()).toMatchObject({ code: 'organizer_wrong_state' });

    const city = await request(test, reviewer, 'GET', `/api/city/organizer/groups/${groupId}`);
    expect(city.json()).toMatchObject({
      changeDiff: [{ field: 'phone', before: '096-328-2477', after: '096-111-2222' }],
    });
    const noReason = await cityEvent(reviewer, groupId, 'change.return');
    expect(noReason.json()).toMatchObject({ code: 'organizer_reason_required' });
    expect(
      (await cityEvent(reviewer, groupId, 'change.return', { reason: '番号を確認してください' })).statusCode,
    ).toBe(204);
    expect(await kinds(admin.id)).toContain('organizer.change.return');
    expect(
      (
        await groupEvent(admin, groupId, 'change.resubmit', {
          details: { ...registered, phone: '096-555-6666' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await cityEvent(reviewer, groupId, 'change.approve')).statusCode).toBe(204);
    const after = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    expect(after.json()).toMatchObject({
      details: { phone: '096-555-6666' },
      canCreateActivities: true,
      requests: { change: 'approved' },
    });
    expect(await kinds(admin.id)).toContain('organizer.change.approve');
  });

  it('refuses change requests from a member and reviews from a resident', async () => {
    const groupId = await newGroup('権限の会', true);
    const view = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    const details = { ...view.json<{ details: object }>().details, phone: '096-999-0000' };
    expect((await groupEvent(member, groupId, 'change.submit', { details })).statusCode).toBe(403);
    expect((await cityEvent(member, groupId, 'change.approve')).statusCode).toBe(403);
    expect((await cityEvent(reviewer, groupId, 'change.approve')).json()).toMatchObject({
      code: 'organizer_wrong_state',
    });
  });
});

describe('fiscal-year rights (R-ORG-6): window, announcement, renewal, lapse without a job', () => {
  it('opens the window on 1 February, announces it once, renews to the next 31 March', async () => {
    await setClock('2026-06-01T10:00:00+09:00');
    const groupId = await newGroup('更新の会');
    const early = await groupEvent(admin, groupId, 'renewal.submit');
    expect(early.json()).toMatchObject({ code: 'organizer_renewal_window_not_open' });

    await setClock('2027-01-31T23:59:59+09:00');
    await request(test, admin, 'GET', '/api/organizer/groups');
    expect((await kinds(admin.id)).filter((kind) => kind === 'organizer.renewal_window')).toHaveLength(0);

    await setClock('2027-02-01T00:00:00+09:00');
    await request(test, admin, 'GET', '/api/organizer/groups');
    await request(test, admin, 'GET', '/api/organizer/groups');
    // Idempotent: one notice per group and rights end, however often the app is opened.
    const windowNotices = await test.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, admin.id), eq(notifications.kind, 'organizer.renewal_window')));
    expect(windowNotices.filter((row) => row.params.groupName === '更新の会')).toHaveLength(1);

    expect((await groupEvent(admin, groupId, 'renewal.submit')).statusCode).toBe(204);
    expect((await cityEvent(reviewer, groupId, 'renewal.approve')).statusCode).toBe(204);
    const [group] = await test.database.db
      .select()
      .from(organizerGroups)
      .where(eq(organizerGroups.id, groupId));
    expect(group?.rightsEnd).toBe('2028-03-31');
  });

  it('lapses at 00:00 JST on 1 April with no job: derived status and a one-time notice', async () => {
    await setClock('2026-06-01T10:00:00+09:00');
    const groupId = await newGroup('失効の会', true);
    await setClock('2027-03-31T23:59:59.999+09:00');
    const lastMoment = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    expect(lastMoment.json()).toMatchObject({ effectiveStatus: 'active', rightsPhase: 'renewal_window' });
    await setClock('2027-04-01T00:00:00+09:00');
    const lapsed = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    expect(lapsed.json()).toMatchObject({
      effectiveStatus: 'lapsed',
      canCreateActivities: false,
      activityRefusal: 'lapsed',
    });
    await request(test, member, 'GET', '/api/organizer/groups');
    expect(await kinds(member.id)).toContain('organizer.rights_lapsed');
    // A lapsed group may still renew; the lapsed year is not granted back.
    expect((await groupEvent(admin, groupId, 'renewal.submit')).statusCode).toBe(204);
    expect((await cityEvent(cityAdmin, groupId, 'renewal.approve')).statusCode).toBe(204);
    const [group] = await test.database.db
      .select()
      .from(organizerGroups)
      .where(eq(organizerGroups.id, groupId));
    expect(group?.rightsEnd).toBe('2028-03-31');
    await setClock('2026-06-01T10:00:00+09:00');
  });
});

describe('suspension, resumption, ending, termination (R-ORG-9, R-ORG-10)', () => {
  it('suspends with an internal reason (city administrators only), resumes, then ends', async () => {
    const groupId = await newGroup('停止の会', true);
    expect((await cityEvent(reviewer, groupId, 'group.suspend', { reason: '苦情' })).statusCode).toBe(403);
    expect((await cityEvent(cityAdmin, groupId, 'group.suspend')).json()).toMatchObject({
      code: 'organizer_reason_required',
    });
    expect(
      (await cityEvent(cityAdmin, groupId, 'group.suspend', { reason: '内部メモ：調査中' })).statusCode,
    ).toBe(204);
    expect(await kinds(member.id)).toContain('organizer.group.suspend');
    const seen = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    expect(seen.json()).toMatchObject({ effectiveStatus: 'suspended', canCreateActivities: false });
    expect(JSON.stringify(seen.json())).not.toContain('内部メモ');
    const staff = await request(test, cityAdmin, 'GET', `/api/city/organizer/groups/${groupId}`);
    expect(JSON.stringify(staff.json())).toContain('内部メモ');
    const invite = await request(test, admin, 'POST', `/api/organizer/groups/${groupId}/invitations`);
    expect(invite.json()).toMatchObject({ code: 'organizer_group_suspended' });

    expect((await cityEvent(cityAdmin, groupId, 'group.resume')).statusCode).toBe(204);
    expect(await kinds(member.id)).toContain('organizer.group.resume');
    expect((await cityEvent(cityAdmin, groupId, 'group.resume')).json()).toMatchObject({
      code: 'organizer_wrong_state',
    });
    const view = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    const details = { ...view.json<{ details: object }>().details, phone: '096-000-1111' };
    expect((await groupEvent(admin, groupId, 'change.submit', { details })).statusCode).toBe(204);
    expect((await cityEvent(cityAdmin, groupId, 'group.end', { reason: '規約違反' })).statusCode).toBe(204);
    const requests = await test.database.db
      .select()
      .from(organizerRequests)
      .where(eq(organizerRequests.groupId, groupId));
    expect(requests.map((row) => row.status)).toEqual(['cancelled']);
    const audit = await test.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, groupId));
    expect(audit.map((row) => row.action)).toEqual(
      expect.arrayContaining(['organizer.group.suspend', 'organizer.group.resume', 'organizer.group.end']),
    );
  });

  it('lets the administrator ask to end use; the city completes it; nothing else while requested', async () => {
    const groupId = await newGroup('終了の会', true);
    expect((await groupEvent(member, groupId, 'termination.request')).statusCode).toBe(403);
    expect(
      (await groupEvent(admin, groupId, 'termination.request', { reason: '解散のため' })).statusCode,
    ).toBe(204);
    const view = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    const details = { ...view.json<{ details: object }>().details, phone: '096-000-2222' };
    expect((await groupEvent(admin, groupId, 'change.submit', { details })).json()).toMatchObject({
      code: 'organizer_termination_requested',
    });
    expect((await cityEvent(reviewer, groupId, 'termination.complete')).statusCode).toBe(204);
    const ended = await request(test, admin, 'GET', `/api/organizer/groups/${groupId}`);
    expect(ended.json()).toMatchObject({
      status: 'ended',
      effectiveStatus: 'ended',
      canCreateActivities: false,
    });
    expect(await kinds(member.id)).toContain('organizer.termination.complete');
  });
});
