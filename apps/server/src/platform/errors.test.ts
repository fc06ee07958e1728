import { errorCodes } from '@kumamoto/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, createUser, type Caller } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/test-app.ts';
import { statusByCode } from './errors.ts';

let test: TestApp;
let caller: Caller;
beforeAll(async () => {
  test = await createTestApp();
  caller = await callerFor(test, (await createUser(test.database.db)).id);
});
afterAll(() => test.close());

function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  code: string,
) {
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(body).toMatchObject({ code, status: response.statusCode, type: `urn:kumamoto-app:problem:${code}` });
  expect(response.body).not.toMatch(/at .*\.ts:\d+|stack/i);
  return body;
}

describe('problem+json for bad input', () => {
  it('every error code has a 4xx or 5xx status', () => {
    for (const code of errorCodes) expect(statusByCode[code]).toBeGreaterThanOrEqual(400);
  });

  it('answers an unknown API route with 404 not_found', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(response.statusCode).toBe(404);
    expectProblem(response, 'not_found');
  });

  it('answers malformed JSON with 400 malformed_body', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/me/miniapps',
      headers: { ...caller.headers, 'content-type': 'application/json' },
      payload: '{"miniAppId": ',
    });
    expect(response.statusCode).toBe(400);
    expectProblem(response, 'malformed_body');
  });

  it('answers wrong types with 400 validation_failed naming the field', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/me/miniapps',
      headers: caller.headers,
      payload: { miniAppId: 42 },
    });
    expect(response.statusCode).toBe(400);
    const body = expectProblem(response, 'validation_failed');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'body.miniAppId' })]);
  });

  it('answers an oversize body with 413 payload_too_large', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/me/miniapps',
      headers: { ...caller.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ miniAppId: 'x'.repeat(2_000_000) }),
    });
    expect(response.statusCode).toBe(413);
    expectProblem(response, 'payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/me/miniapps',
      headers: { ...caller.headers, 'content-type': 'application/xml' },
      payload: '<miniAppId>organizer</miniAppId>',
    });
    expect(response.statusCode).toBe(415);
    expectProblem(response, 'unsupported_media_type');
  });

  it('localizes the title by Accept-Language, Japanese by default', async () => {
    const ja = await test.app.inject({ method: 'GET', url: '/api/nothing' });
    const en = await test.app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(JSON.parse(ja.body)).toMatchObject({ title: 'お探しのページまたは情報が見つかりません。' });
    expect(JSON.parse(en.body)).toMatchObject({
      title: 'The page or information you are looking for was not found.',
    });
  });

  it('echoes a request id so a report can be matched to the logs', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { 'x-request-id': 'abc-12345678' },
    });
    expect(response.headers['x-request-id']).toBe('abc-12345678');
    expect(JSON.parse(response.body)).toMatchObject({ instance: 'abc-12345678' });
  });
});
