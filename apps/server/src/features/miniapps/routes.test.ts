import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createUser, type Caller } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

let test: TestApp;
let caller: Caller;
beforeAll(async () => {
  test = await createTestApp();
  caller = await callerFor(test, (await createUser(test.database.db)).id);
});
afterAll(() => test.close());

const install = (miniAppId: unknown, headers = caller.headers) =>
  test.app.inject({ method: 'POST', url: '/api/me/miniapps', headers, payload: { miniAppId } });
const installed = async (headers = caller.headers) =>
  JSON.parse((await test.app.inject({ method: 'GET', url: '/api/me/miniapps', headers })).body) as unknown;

describe('installing mini-apps by code', () => {
  it('adds the organizer mini-app, once however often it is scanned', async () => {
    expect((await install('organizer')).statusCode).toBe(200);
    expect((await install('organizer')).statusCode).toBe(200);
    expect(await installed()).toEqual({ installed: ['organizer'] });
  });

  it('refuses a default mini-app (it is always there) and changes nothing', async () => {
    const response = await install('volunteer');
    expect(response.statusCode).toBe(409);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'miniapp_not_installable' });
    expect(await installed()).toEqual({ installed: ['organizer'] });
  });

  it('refuses an unknown mini-app', async () => {
    const response = await install('casino');
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'unknown_miniapp' });
  });

  it('keeps each person’s mini-apps to themselves', async () => {
    const other = await callerFor(test, (await createUser(test.database.db)).id);
    expect(await installed(other.headers)).toEqual({ installed: [] });
  });

  it('removes a mini-app', async () => {
    const response = await test.app.inject({
      method: 'DELETE',
      url: '/api/me/miniapps/organizer',
      headers: caller.headers,
    });
    expect(JSON.parse(response.body)).toEqual({ installed: [] });
  });

  it('needs a signed-in person', async () => {
    const anonymous = await callerFor(test);
    expect((await install('organizer', anonymous.headers)).statusCode).toBe(401);
    expect((await test.app.inject({ method: 'GET', url: '/api/me/miniapps' })).statusCode).toBe(401);
  });
});
