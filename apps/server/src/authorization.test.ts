import {
  accessDecision,
  policy,
  type IdentityLevel,
  type Role,
  type SignedInAction,
  type Subject,
} from '@kumamoto/domain';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from './platform/deps.ts';
import { callerFor, createUser } from './test/factories.ts';
import { createTestApp, type TestApp } from './test/test-app.ts';

/**
 * Who may call each route (issue 3 part 6, R-ID-2, R-PRIV-1): the real app's every registered
 * route against one table, walked with every kind of caller.
 *
 * - `public`: anyone, signed out too.
 * - `development`: anyone outside production; in production the route answers 404.
 * - an access-policy action (packages/domain/src/policy.ts): the policy says who, e.g.
 *   `account.manage` = any signed-in resident, `points.view` = verified residents,
 *   `city.console` = city staff.
 *
 * A route missing from the table fails the test: add every new route here, with a request
 * that passes validation so the answer is about access, not about the body.
 */
type Access = 'public' | 'development' | SignedInAction;

interface Expectation {
  access: Access;
  /** A concrete URL for a route with parameters. */
  url?: string;
  /** A body that passes the route's validation; a function gets a number unique to the call. */
  body?: unknown;
  /** A form-encoded body instead (the card service's OAuth endpoints). */
  form?: string;
}

const anyUuid = '3f0b1f9e-7a52-4d0e-9c61-2b8a4f1e6d20';
const anyToken = 'A'.repeat(43);
/** An empty organizer application draft (every item present, none filled). */
const draft = {
  category: null,
  name: '',
  representative: '',
  address: '',
  overview: '',
  website: '',
  phone: '',
  email: '',
  activityFields: [],
  trackRecord: '',
  officerList: null,
  bylaws: null,
  declaration: false,
};
/** WebAuthn answers that pass validation (and then fail verification). */
const registration = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
  clientExtensionResults: {},
};
const authentication = {
  id: 'AAAA',
  rawId: 'AAAA',
  type: 'public-key',
  response: { clientDataJSON: 'AAAA', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};

const expectations: Record<string, Expectation> = {
  // Platform
  'GET /healthz': { access: 'public' },
  'GET /readyz': { access: 'public' },
  'GET /api/openapi.json': { access: 'public' },
  'GET /api/docs': { access: 'public' },
  'GET /api/docs/static/*': { access: 'public', url: '/api/docs/static/swagger-ui.css' },
  'GET /api/docs/json': { access: 'public' },
  'GET /api/docs/yaml': { access: 'public' },
  'GET /api/docs/static/index.html': { access: 'public' },
  'GET /api/docs/static/swagger-initializer.js': { access: 'public' },
  // Session
  'GET /api/config': { access: 'public' },
  'GET /api/session': { access: 'public' },
  'POST /api/session/sign-out': { access: 'public' },
  // Demo sign-in and the development mail page
  'GET /api/demo/personas': { access: 'development' },
  'POST /api/demo/sign-in': { access: 'development', body: { persona: 'nobody' } },
  'GET /api/dev/mail': { access: 'development' },
  // Sign-in with an e-mail code
  'POST /api/sign-in/email-code': {
    access: 'public',
    body: (n: number) => ({ email: `walk-${n}@example.jp` }),
  },
  'POST /api/sign-in/email-code/verify': {
    access: 'public',
    body: (n: number) => ({ email: `walk-${n}@example.jp`, code: '000000' }),
  },
  // Sign-up and sign-in with a passkey
  'POST /api/passkeys/sign-up/options': { access: 'public', body: { displayName: '認可 テスト' } },
  'POST /api/passkeys/sign-up/verify': { access: 'public', body: { response: registration } },
  'POST /api/passkeys/sign-in/options': { access: 'public' },
  'POST /api/passkeys/sign-in/verify': { access: 'public', body: { response: authentication } },
  // Identity verification with the My Number Card (R-ID-1)
  'POST /api/identity/oidc/start': { access: 'identity.verify', body: {} },
  // The card service sends the browser back here: it answers every caller with a redirect to
  // /verify, and only the account that started the flow (bound by state) can succeed.
  'GET /api/identity/oidc/callback': { access: 'public', url: '/api/identity/oidc/callback?state=x&code=y' },
  'GET /api/identity/jpki': { access: 'public' },
  'POST /api/identity/jpki/challenge': { access: 'identity.verify' },
  'POST /api/identity/jpki/verify': {
    access: 'identity.verify',
    body: { certificate: 'AAAA', signature: 'AAAA', challenge: 'AAAA' },
  },
  // The bundled development card service (an OIDC provider and its PIN screens)
  'GET /dev-card-service/*': {
    access: 'development',
    url: '/dev-card-service/.well-known/openid-configuration',
  },
  'POST /dev-card-service/*': { access: 'development', url: '/dev-card-service/token', form: 'grant_type=x' },
  'GET /dev-card-service/assets/card.css': { access: 'development' },
  'GET /dev-card-service/interaction/:uid': {
    access: 'development',
    url: '/dev-card-service/interaction/walk',
  },
  'GET /dev-card-service/interaction/:uid/pin': {
    access: 'development',
    url: '/dev-card-service/interaction/walk/pin?card=nobody',
  },
  'POST /dev-card-service/interaction/:uid/pin': {
    access: 'development',
    url: '/dev-card-service/interaction/walk/pin',
    body: { card: 'nobody', pin: '0000' },
  },
  'POST /dev-card-service/interaction/:uid/move': {
    access: 'development',
    url: '/dev-card-service/interaction/walk/move',
    body: { card: 'nobody' },
  },
  'POST /dev-card-service/interaction/:uid/consent': {
    access: 'development',
    url: '/dev-card-service/interaction/walk/consent',
  },
  'POST /dev-card-service/interaction/:uid/abort': {
    access: 'development',
    url: '/dev-card-service/interaction/walk/abort',
  },
  // School districts (校区)
  'GET /api/school-districts': { access: 'public' },
  // The organizer mini-app (issue 4). Group actions take the caller's role in the group named in
  // the URL; the walk's callers belong to no group, so only refusals are walked for them here.
  'GET /api/organizer/guidance': { access: 'organizer.open' },
  'POST /api/organizer/eligibility': {
    access: 'organizer.open',
    body: { category: 'none', mainOfficeInCity: true },
  },
  'GET /api/organizer/applications': { access: 'organizer.open' },
  'POST /api/organizer/applications': { access: 'organizer.apply', body: () => draft },
  'GET /api/organizer/applications/:id': {
    access: 'organizer.open',
    url: `/api/organizer/applications/${anyUuid}`,
  },
  'PUT /api/organizer/applications/:id': {
    access: 'organizer.apply',
    url: `/api/organizer/applications/${anyUuid}`,
    body: () => draft,
  },
  'POST /api/organizer/applications/:id/submit': {
    access: 'organizer.apply',
    url: `/api/organizer/applications/${anyUuid}/submit`,
  },
  'POST /api/organizer/applications/:id/withdraw': {
    access: 'organizer.open',
    url: `/api/organizer/applications/${anyUuid}/withdraw`,
    body: {},
  },
  'POST /api/organizer/documents': { access: 'organizer.apply' },
  'GET /api/organizer/documents/:id': {
    access: 'organizer.open',
    url: `/api/organizer/documents/${anyUuid}`,
  },
  'GET /api/organizer/groups': { access: 'organizer.open' },
  'GET /api/organizer/groups/:id': { access: 'organizer.open', url: `/api/organizer/groups/${anyUuid}` },
  'POST /api/organizer/groups/:id/invitations': {
    access: 'organizer.manage_group',
    url: `/api/organizer/groups/${anyUuid}/invitations`,
  },
  'GET /api/organizer/groups/:id/invitations': {
    access: 'organizer.manage_group',
    url: `/api/organizer/groups/${anyUuid}/invitations`,
  },
  'DELETE /api/organizer/groups/:id/invitations/:invitationId': {
    access: 'organizer.manage_group',
    url: `/api/organizer/groups/${anyUuid}/invitations/${anyUuid}`,
  },
  // Removing someone else; leaving a group oneself (the caller's own id) is `organizer.open`.
  'DELETE /api/organizer/groups/:id/members/:userId': {
    access: 'organizer.manage_group',
    url: `/api/organizer/groups/${anyUuid}/members/${anyUuid}`,
  },
  'POST /api/organizer/groups/:id/administrator': {
    access: 'organizer.manage_group',
    url: `/api/organizer/groups/${anyUuid}/administrator`,
    body: { userId: anyUuid },
  },
  'GET /api/organizer/invitations/:token': {
    access: 'organizer.open',
    url: `/api/organizer/invitations/${anyToken}`,
  },
  'POST /api/organizer/invitations/:token/accept': {
    access: 'organizer.become_member',
    url: `/api/organizer/invitations/${anyToken}/accept`,
  },
  // Activities, organizer side (issue 5): the role is the caller's role in the activity's group.
  'GET /api/organizer/groups/:id/activities': {
    access: 'activity.manage',
    url: `/api/organizer/groups/${anyUuid}/activities`,
  },
  'POST /api/organizer/groups/:id/activities': {
    access: 'activity.manage',
    url: `/api/organizer/groups/${anyUuid}/activities`,
    body: { title: '認可テスト' },
  },
  'POST /api/organizer/groups/:id/activity-images': {
    access: 'activity.manage',
    url: `/api/organizer/groups/${anyUuid}/activity-images`,
  },
  'GET /api/activity-images/:id': { access: 'public', url: `/api/activity-images/${anyUuid}` },
  'GET /api/organizer/activities/:id': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}`,
  },
  'PUT /api/organizer/activities/:id': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}`,
    body: { title: '認可テスト' },
  },
  'DELETE /api/organizer/activities/:id': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}`,
  },
  'POST /api/organizer/activities/:id/publish': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}/publish`,
    body: { visibility: 'public', eligibility: [] },
  },
  'POST /api/organizer/activities/:id/visibility': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}/visibility`,
    body: { visibility: 'unlisted' },
  },
  'POST /api/organizer/activities/:id/cancel': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}/cancel`,
    body: { reason: '雨天のため' },
  },
  'GET /api/organizer/activities/:id/notices': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}/notices`,
  },
  'POST /api/organizer/activities/:id/notices': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}/notices`,
    body: { body: '集合場所が変わりました。' },
  },
  'GET /api/organizer/activities/:id/participants': {
    access: 'activity.view_participants',
    url: `/api/organizer/activities/${anyUuid}/participants`,
  },
  'GET /api/organizer/activities/:id/participants.csv': {
    access: 'activity.view_participants',
    url: `/api/organizer/activities/${anyUuid}/participants.csv`,
  },
  // The city console
  'GET /api/city/organizer/applications': { access: 'organizer.review' },
  'GET /api/city/organizer/applications/:id': {
    access: 'organizer.review',
    url: `/api/city/organizer/applications/${anyUuid}`,
  },
  'POST /api/city/organizer/applications/:id/approve': {
    access: 'organizer.review',
    url: `/api/city/organizer/applications/${anyUuid}/approve`,
    body: {},
  },
  'POST /api/city/organizer/applications/:id/return': {
    access: 'organizer.review',
    url: `/api/city/organizer/applications/${anyUuid}/return`,
    body: { reason: '確認のため' },
  },
  'GET /api/city/audit': { access: 'audit.read' },
  'GET /api/city/organizer/groups': { access: 'organizer.review' },
  'GET /api/city/organizer/groups/:id': {
    access: 'organizer.review',
    url: `/api/city/organizer/groups/${anyUuid}`,
  },
  'POST /api/city/organizer/groups/:id/events/:event': {
    access: 'organizer.review',
    url: `/api/city/organizer/groups/${anyUuid}/events/change.approve`,
    body: {},
  },
  'POST /api/organizer/groups/:id/events/:event': {
    access: 'organizer.manage_group',
    url: `/api/organizer/groups/${anyUuid}/events/renewal.submit`,
    body: {},
  },
  'GET /api/city/identity-conflicts': { access: 'identity.resolve_conflict' },
  'POST /api/city/identity-conflicts/release': {
    access: 'identity.resolve_conflict',
    body: { holderUserId: anyUuid, reason: '本人からの申し出' },
  },
  // Activities, resident side (issue 5): search and pages are public; applying needs an account.
  'GET /api/activities': { access: 'public' },
  'GET /api/activities/:id': { access: 'public', url: `/api/activities/${anyUuid}` },
  'GET /api/activities/:id/calendar.ics': {
    access: 'public',
    url: `/api/activities/${anyUuid}/calendar.ics`,
  },
  'GET /volunteer/activities/:id': { access: 'public', url: `/volunteer/activities/${anyUuid}` },
  'POST /api/activities/:id/applications': {
    access: 'activity.apply',
    url: `/api/activities/${anyUuid}/applications`,
    body: {},
  },
  'DELETE /api/activities/:id/applications/me': {
    access: 'activity.apply',
    url: `/api/activities/${anyUuid}/applications/me`,
  },
  'GET /api/me/activities': { access: 'activity.apply' },
  // Own account
  'GET /api/me/identity': { access: 'account.manage' },
  'PUT /api/me/identity/declared': {
    access: 'account.manage',
    body: { displayName: '認可 テスト', birthDate: null, gender: null },
  },
  'GET /api/me/school-district': { access: 'account.manage' },
  'PUT /api/me/school-district': { access: 'account.manage', body: { code: 'no-such-district' } },
  'DELETE /api/me': { access: 'account.manage', body: { confirm: false } },
  'PUT /api/me/locale': { access: 'account.manage', body: { locale: 'ja' } },
  'GET /api/me/email': { access: 'account.manage' },
  'POST /api/me/email/code': {
    access: 'account.manage',
    body: (n: number) => ({ email: `me-${n}@example.jp` }),
  },
  'POST /api/me/email/verify': {
    access: 'account.manage',
    body: (n: number) => ({ email: `me-${n}@example.jp`, code: '000000' }),
  },
  'GET /api/me/passkeys': { access: 'account.manage' },
  'POST /api/me/passkeys/options': { access: 'account.manage' },
  'POST /api/me/passkeys/verify': { access: 'account.manage', body: { response: registration } },
  'PUT /api/me/passkeys/:id/name': {
    access: 'account.manage',
    url: '/api/me/passkeys/AAAA/name',
    body: { name: 'iPhone' },
  },
  'DELETE /api/me/passkeys/:id': { access: 'account.manage', url: '/api/me/passkeys/AAAA' },
  'GET /api/me/sessions': { access: 'account.manage' },
  'DELETE /api/me/sessions/:id': { access: 'account.manage', url: `/api/me/sessions/${anyUuid}` },
  'POST /api/me/sessions/sign-out-others': { access: 'account.manage' },
  'GET /api/notifications': { access: 'account.manage' },
  'POST /api/notifications/read-all': { access: 'account.manage' },
  'POST /api/notifications/:id/read': { access: 'account.manage', url: `/api/notifications/${anyUuid}/read` },
  // Check-in and points (issue 6): the organizer's code screen and attendance list take the
  // caller's role in the activity's group; the scan needs a verified resident.
  'GET /api/organizer/activities/:id/check-in': {
    access: 'activity.show_checkin_code',
    url: `/api/organizer/activities/${anyUuid}/check-in`,
  },
  'GET /api/organizer/activities/:id/attendances': {
    access: 'activity.view_participants',
    url: `/api/organizer/activities/${anyUuid}/attendances`,
  },
  'POST /api/check-in': { access: 'points.receive', body: { token: anyToken } },
  'POST /api/city/check-in/late': {
    access: 'points.grant_exception',
    body: { activityId: anyUuid, userId: anyUuid, reason: 'QR画面の障害のため' },
  },
  'GET /api/city/check-in/late/activities': {
    access: 'points.grant_exception',
    url: '/api/city/check-in/late/activities?q=清掃',
  },
  'GET /api/city/check-in/late/activities/:id/candidates': {
    access: 'points.grant_exception',
    url: `/api/city/check-in/late/activities/${anyUuid}/candidates`,
  },
  'POST /api/city/check-in/late/activities/:id/resident-lookup': {
    access: 'points.grant_exception',
    url: `/api/city/check-in/late/activities/${anyUuid}/resident-lookup`,
    body: { name: '熊本 花子', birthDate: '1992-06-14' },
  },
  'GET /api/me/points': { access: 'points.view' },
  // Activity certificates (issue 6, R-PT-10): the holder's own, the public check, the city's
  // revocation, and the organizer's paper form (the caller's role in the activity's group).
  'GET /api/me/certificates': { access: 'certificate.receive' },
  'GET /api/me/certificates/:serial/pdf': {
    access: 'certificate.receive',
    url: '/api/me/certificates/KMA-2026-0000-000J/pdf',
  },
  'GET /api/certificates/:serial/verification': {
    access: 'public',
    url: '/api/certificates/KMA-2026-0000-000J/verification',
  },
  'GET /api/city/certificates/:serial': {
    access: 'certificate.revoke',
    url: '/api/city/certificates/KMA-2026-0000-000J',
  },
  'POST /api/city/certificates/:serial/revoke': {
    access: 'certificate.revoke',
    url: '/api/city/certificates/KMA-2026-0000-000J/revoke',
    body: { reason: '誤って発行されたため' },
  },
  'GET /api/organizer/activities/:id/paper-certificate.pdf': {
    access: 'activity.manage',
    url: `/api/organizer/activities/${anyUuid}/paper-certificate.pdf`,
  },
  // Mini-apps added by install code
  'GET /api/me/miniapps': { access: 'miniapp.install' },
  'POST /api/me/miniapps': { access: 'miniapp.install', body: { miniAppId: 'organizer' } },
  'DELETE /api/me/miniapps/:id': { access: 'miniapp.install', url: '/api/me/miniapps/organizer' },
};

/** The kinds of caller the walk uses. Staff are unverified: their rights come from the role. */
const callerKinds: { name: string; identity?: IdentityLevel; roles?: Role[] }[] = [
  { name: 'signed out' },
  { name: 'unverified resident', identity: 'unverified' },
  { name: 'verified resident', identity: 'verified' },
  { name: 'city_reviewer', identity: 'unverified', roles: ['city_reviewer'] },
  { name: 'city_admin', identity: 'unverified', roles: ['city_admin'] },
  { name: 'shop_staff', identity: 'unverified', roles: ['shop_staff'] },
  { name: 'shelter_staff', identity: 'unverified', roles: ['shelter_staff'] },
];

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof methods)[number];

/**
 * Every route the app registered, as `METHOD /path`, read from Fastify's radix tree
 * (`printRoutes`: one line per node, and a node's path is its ancestors' segments joined).
 * HEAD answers with its GET; OPTIONS is not used. Each route read is checked with `hasRoute`.
 */
function registeredRoutes(app: App): string[] {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of app.printRoutes().split('\n')) {
    if (line.trim() === '') continue;
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) throw new Error(`unreadable route tree line: ${line}`);
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ''}${match[2] ?? ''}`;
    stack.push(path);
    for (const method of (match[3] ?? '').split(',').map((m) => m.trim())) {
      if (!(methods as readonly string[]).includes(method)) continue;
      if (!app.hasRoute({ method, url: path })) {
        throw new Error(`read ${method} ${path} from the route tree, but the app has no such route`);
      }
      found.add(`${method} ${path}`);
    }
  }
  return [...found].sort();
}

function describeAccess(access: Access): string {
  if (access === 'public' || access === 'development') return access;
  const rule = policy[access];
  const who = [...rule.roles, ...rule.groupRoles.map((role) => `group ${role}`)];
  return `${access}: ${rule.access}${who.length > 0 ? `, ${who.join(' or ')}` : ''}`;
}

let sequence = 0;
/** A request as the caller, from an address of its own so per-address rate limits stay out of it. */
function requestFor(key: string, expectation: Expectation, headers: Record<string, string>): InjectOptions {
  const [method, path] = key.split(' ') as [Method, string];
  const n = ++sequence;
  const body: unknown =
    typeof expectation.body === 'function'
      ? (expectation.body as (n: number) => unknown)(n)
      : expectation.body;
  const payload = expectation.form ?? (body as InjectOptions['payload']);
  return {
    method,
    url: expectation.url ?? path,
    headers: expectation.form ? { ...headers, 'content-type': 'application/x-www-form-urlencoded' } : headers,
    remoteAddress: `127.0.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`,
    ...(payload === undefined ? {} : { payload }),
  };
}

describe('authorization: every route against every kind of caller', () => {
  let test: TestApp;
  const users = new Map<string, string>();

  beforeAll(async () => {
    test = await createTestApp();
    for (const kind of callerKinds) {
      if (!kind.identity) continue;
      const user = await createUser(test.database.db, { identity: kind.identity, roles: kind.roles ?? [] });
      users.set(kind.name, user.id);
    }
  });
  afterAll(() => test?.close());

  it('has an expectation for every registered route, and none for a route that is gone', () => {
    const registered = registeredRoutes(test.app);
    const missing = registered.filter((route) => !(route in expectations));
    const stale = Object.keys(expectations).filter((route) => !registered.includes(route));
    expect(missing, 'routes without an expectation: add them to the table in authorization.test.ts').toEqual(
      [],
    );
    expect(stale, 'expectations for routes that no longer exist').toEqual([]);
  });

  it('reads the route tree completely: every documented operation is among the routes found', () => {
    const registered = new Set(registeredRoutes(test.app));
    const spec = test.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const documented = Object.entries(spec.paths ?? {}).flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} ${path.replaceAll(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    expect(documented.length).toBeGreaterThan(10);
    for (const route of documented) expect(registered, route).toContain(route);
  });

  describe.each(Object.entries(expectations))('%s', (key, expectation) => {
    it.each(callerKinds)(`${describeAccess(expectation.access)} — $name`, async (kind) => {
      const userId = users.get(kind.name);
      // A fresh session for each call: a route that signs out must not affect the next one.
      const caller = await callerFor(test, userId);
      const response = await test.app.inject(requestFor(key, expectation, caller.headers));
      const answer = `${response.statusCode} ${response.body.slice(0, 200)}`;

      if (expectation.access === 'public' || expectation.access === 'development') {
        expect([401, 403], answer).not.toContain(response.statusCode);
        return;
      }
      const subject: Subject | null = kind.identity
        ? { identity: kind.identity, roles: kind.roles ?? [] }
        : null;
      const decision = accessDecision(subject, expectation.access);
      if (decision.allowed) {
        expect([401, 403], answer).not.toContain(response.statusCode);
        return;
      }
      const expected = {
        sign_in_required: { status: 401, code: 'unauthenticated' },
        role_required: { status: 403, code: 'forbidden' },
        verification_required: { status: 403, code: 'verification_required' },
      }[decision.reason];
      expect(response.statusCode, answer).toBe(expected.status);
      expect(response.json<{ code: string }>().code, answer).toBe(expected.code);
    });
  });
});

describe('authorization: development-only routes are not there in production', () => {
  let test: TestApp;
  let userId: string;

  beforeAll(async () => {
    test = await createTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'authorization-test-session-secret-0123456789',
        IDENTITY_KEY_SECRET: 'authorization-test-identity-key-secret-0123456789',
        SIGNING_KEY_SECRET: 'a-production-signing-key-secret-for-tests-0123456789',
        SMTP_URL: 'smtp://127.0.0.1:2525',
      },
    });
    userId = (await createUser(test.database.db, { identity: 'verified', roles: ['city_admin'] })).id;
  });
  afterAll(() => test?.close());

  const development = Object.entries(expectations).filter(([, e]) => e.access === 'development');

  it.each(development)('%s answers 404, signed in or not', async (key, expectation) => {
    for (const caller of [await callerFor(test), await callerFor(test, userId)]) {
      const response = await test.app.inject(requestFor(key, expectation, caller.headers));
      expect(response.statusCode, response.body.slice(0, 200)).toBe(404);
    }
  });
});
