import type { GroupRole, SignedInAction } from '@kumamoto/domain';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorize, authorizeInGroup } from './authorize.ts';
import { registerErrorHandling } from './errors.ts';
import type { Viewer } from './viewer.ts';

/**
 * authorize() on a bare Fastify: the caller comes from a header, so each refusal can be
 * seen as the status and code a client gets.
 */
const app = Fastify({ logger: false });
const asked: string[] = [];
const viewers: Record<string, Viewer> = {
  unverified: viewer('unverified', []),
  verified: viewer('verified', []),
  cityAdmin: viewer('unverified', ['city_admin']),
};

function viewer(identity: Viewer['identity'], roles: Viewer['roles']): Viewer {
  return {
    userId: '00000000-0000-4000-8000-000000000001',
    displayName: 'テスト',
    identity,
    roles,
    locale: 'ja',
    persona: null,
    sessionHash: 'hash',
  };
}

beforeAll(async () => {
  registerErrorHandling(app);
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const who = request.headers['x-as'];
    request.viewer = typeof who === 'string' ? (viewers[who] ?? null) : null;
    done();
  });
  app.get<{ Params: { action: SignedInAction }; Querystring: { group?: GroupRole } }>(
    '/try/:action',
    (request) => ({ userId: authorize(request, request.params.action, request.query.group).userId }),
  );
  app.get<{ Querystring: { group?: GroupRole } }>('/group', async (request) => {
    const viewer = await authorizeInGroup(request, 'activity.manage', (userId) => {
      asked.push(userId);
      return Promise.resolve(request.query.group ?? null);
    });
    return { userId: viewer.userId };
  });
  await app.ready();
});
afterAll(() => app.close());

const attempt = async (action: string, as?: string, group?: GroupRole) => {
  const response = await app.inject({
    method: 'GET',
    url: `/try/${action}${group ? `?group=${group}` : ''}`,
    headers: as ? { 'x-as': as } : {},
  });
  return { status: response.statusCode, code: response.json<{ code?: string }>().code };
};

describe('authorize (the access policy at the door of a route)', () => {
  it('lets an allowed caller through and hands back the viewer', async () => {
    expect(await attempt('account.manage', 'unverified')).toEqual({ status: 200, code: undefined });
    expect(await attempt('points.view', 'verified')).toEqual({ status: 200, code: undefined });
    expect(await attempt('audit.read', 'cityAdmin')).toEqual({ status: 200, code: undefined });
  });

  it('answers 401 unauthenticated to a signed-out caller', async () => {
    expect(await attempt('account.manage')).toEqual({ status: 401, code: 'unauthenticated' });
    expect(await attempt('audit.read')).toEqual({ status: 401, code: 'unauthenticated' });
  });

  it('answers 403 verification_required when only card verification is missing (R-ID-2)', async () => {
    expect(await attempt('points.receive', 'unverified')).toEqual({
      status: 403,
      code: 'verification_required',
    });
    expect(await attempt('organizer.apply', 'cityAdmin')).toEqual({
      status: 403,
      code: 'verification_required',
    });
  });

  it('answers 403 forbidden for a missing role', async () => {
    expect(await attempt('audit.read', 'verified')).toEqual({ status: 403, code: 'forbidden' });
    expect(await attempt('shop.redeem', 'cityAdmin')).toEqual({ status: 403, code: 'forbidden' });
  });

  it('takes the group role of the group the request is about', async () => {
    expect(await attempt('activity.manage', 'verified')).toEqual({ status: 403, code: 'forbidden' });
    expect(await attempt('activity.manage', 'verified', 'member')).toEqual({ status: 200, code: undefined });
    expect(await attempt('organizer.manage_group', 'verified', 'member')).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(await attempt('organizer.manage_group', 'verified', 'admin')).toEqual({
      status: 200,
      code: undefined,
    });
  });

  it('in a group: asks a signed-out caller to sign in before looking up any role', async () => {
    asked.length = 0;
    const signedOut = await app.inject({ method: 'GET', url: '/group?group=admin' });
    expect(signedOut.statusCode).toBe(401);
    expect(asked).toEqual([]);

    const outsider = await app.inject({ method: 'GET', url: '/group', headers: { 'x-as': 'verified' } });
    expect(outsider.json()).toMatchObject({ code: 'forbidden' });
    const member = await app.inject({
      method: 'GET',
      url: '/group?group=member',
      headers: { 'x-as': 'verified' },
    });
    expect(member.statusCode).toBe(200);
    expect(asked).toEqual([viewers.verified?.userId, viewers.verified?.userId]);
  });
});
