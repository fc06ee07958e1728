import {
  applicationStatuses,
  initialLifecycleState,
  transition,
  type ApplicationStatus,
  type LifecycleActor,
  type LifecycleEvent,
} from '@kumamoto/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizerApplications } from '../../db/schema.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { completeDraft, person, request, type Person } from './test-support.ts';

/**
 * Issue 4 item 9, through HTTP: for every stored application status and every application
 * event, the API allows exactly what the domain's one lifecycle table allows, and a refusal
 * changes nothing.
 */
let test: TestApp;
let applicant: Person;
let reviewer: Person;
let sequence = 0;

beforeAll(async () => {
  test = await createTestApp();
  applicant = await person(test);
  reviewer = await person(test, { roles: ['city_reviewer'] });
});
afterAll(async () => test.close());

async function ok(response: Promise<{ statusCode: number }>) {
  expect((await response).statusCode).toBeLessThan(300);
}

/** An application brought to `status` through the API itself. */
async function applicationIn(status: ApplicationStatus): Promise<string> {
  sequence++;
  const created = await request(
    test,
    applicant,
    'POST',
    '/api/organizer/applications',
    await completeDraft(test, applicant, `状態表の会${sequence}`),
  );
  const { id } = created.json<{ id: string }>();
  const submit = () => ok(request(test, applicant, 'POST', `/api/organizer/applications/${id}/submit`));
  const giveBack = () =>
    ok(request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/return`, { reason: '理由' }));
  switch (status) {
    case 'draft':
      break;
    case 'withdrawn':
      await ok(request(test, applicant, 'POST', `/api/organizer/applications/${id}/withdraw`, {}));
      break;
    case 'submitted':
      await submit();
      break;
    case 'returned':
      await submit();
      await giveBack();
      break;
    case 'resubmitted':
      await submit();
      await giveBack();
      await submit();
      break;
    case 'approved':
      await submit();
      await ok(request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/approve`, {}));
      break;
  }
  return id;
}

type Call = {
  event: LifecycleEvent;
  actor: LifecycleActor;
  send: (id: string) => Promise<{ statusCode: number }>;
};

const calls: Call[] = [
  {
    event: 'application.save',
    actor: 'applicant',
    send: async (id) =>
      request(
        test,
        applicant,
        'PUT',
        `/api/organizer/applications/${id}`,
        await completeDraft(test, applicant, `保存${++sequence}`),
      ),
  },
  {
    event: 'application.submit',
    actor: 'applicant',
    send: (id) => request(test, applicant, 'POST', `/api/organizer/applications/${id}/submit`),
  },
  {
    event: 'application.approve',
    actor: 'city_reviewer',
    send: (id) => request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/approve`, {}),
  },
  {
    event: 'application.return',
    actor: 'city_reviewer',
    send: (id) =>
      request(test, reviewer, 'POST', `/api/city/organizer/applications/${id}/return`, {
        reason: '不足あり',
      }),
  },
  {
    event: 'application.withdraw',
    actor: 'applicant',
    send: (id) => request(test, applicant, 'POST', `/api/organizer/applications/${id}/withdraw`, {}),
  },
];

describe('the application lifecycle through HTTP matches the domain table', () => {
  for (const status of applicationStatuses) {
    for (const call of calls) {
      // The submit route resubmits a returned application (one button for the applicant).
      const event: LifecycleEvent =
        call.event === 'application.submit' && status === 'returned' ? 'application.resubmit' : call.event;
      const decided = transition({ ...initialLifecycleState, application: status }, event, call.actor, {
        now: new Date('2026-06-01T01:00:00Z'),
        reason: '理由',
      });
      it(`${event} on ${status}: ${decided.ok ? `→ ${decided.state.application}` : 'refused'}`, async () => {
        const id = await applicationIn(status);
        const response = await call.send(id);
        const [row] = await test.database.db
          .select({ status: organizerApplications.status })
          .from(organizerApplications)
          .where(eq(organizerApplications.id, id));
        if (decided.ok) {
          expect(response.statusCode).toBeLessThan(300);
          expect(row?.status).toBe(decided.state.application);
        } else {
          expect(decided.reason).toBe('wrong_state');
          expect(response.statusCode).toBe(409);
          expect(row?.status).toBe(status);
        }
      });
    }
  }
});
