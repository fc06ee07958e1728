import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, type Caller } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { codeFrom } from '../mail/smtp-receiver.testing.ts';

/** Without SMTP_URL (outside production) the code mail is kept and read from /api/dev/mail. */
let test: TestApp;
let caller: Caller;
beforeAll(async () => {
  test = await createTestApp();
  caller = await callerFor(test);
});
afterAll(() => test.close());

async function devMail() {
  const response = await test.app.inject({ method: 'GET', url: '/api/dev/mail' });
  expect(response.statusCode).toBe(200);
  return (JSON.parse(response.body) as { messages: { to: string; subject: string; text: string }[] })
    .messages;
}

describe('e-mail codes through the development mailbox', () => {
  it('keeps the code mail, newest first, and the code read from it signs up and in', async () => {
    const email = 'dev-mailbox@example.jp';
    const post = (url: string, payload: Record<string, unknown>) =>
      test.app.inject({ method: 'POST', url, payload, headers: caller.headers });

    expect((await post('/api/sign-in/email-code', { email: 'older@example.jp' })).statusCode).toBe(200);
    expect((await post('/api/sign-in/email-code', { email, locale: 'en' })).statusCode).toBe(200);
    const [newest, older] = await devMail();
    expect(newest?.to).toBe(email);
    expect(older?.to).toBe('older@example.jp');
    expect(newest?.subject).toMatch(/^Your Kumamoto App code: \d{6}$/);
    expect(newest?.text).toContain('expires in 10 minutes');
    const code = codeFrom(newest ?? { text: '' });

    const named = await post('/api/sign-in/email-code/verify', {
      email,
      code,
      displayName: 'Dev Mailbox',
      locale: 'en',
    });
    expect(named.statusCode).toBe(200);
    expect(JSON.parse(named.body)).toMatchObject({
      result: 'signed_in',
      created: true,
      user: { displayName: 'Dev Mailbox', locale: 'en' },
    });
  });
});
