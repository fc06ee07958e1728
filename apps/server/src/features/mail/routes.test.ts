import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { mailerFor } from './mailer.ts';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.testing.ts';

interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

describe('development mail page data (GET /api/dev/mail)', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  it('lists kept mail newest first, with the whole text', async () => {
    const mailer = mailerFor(test.config, test.database.db);
    await mailer.send({ to: 'first@example.jp', subject: '一通目', text: 'コード 111111' });
    await mailer.send({ to: 'second@example.jp', subject: '二通目', text: 'コード 222222\n二行目' });
    const response = await test.app.inject({ method: 'GET', url: '/api/dev/mail' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { messages } = JSON.parse(response.body) as { messages: DevMail[] };
    expect(messages.map((m) => m.to)).toEqual(['second@example.jp', 'first@example.jp']);
    expect(messages[0]).toMatchObject({ subject: '二通目', text: 'コード 222222\n二行目' });
    expect(Number.isNaN(Date.parse(messages[0]?.sentAt ?? ''))).toBe(false);
  });
});

describe('development mail page when mail really leaves', () => {
  let receiver: SmtpReceiver;
  let test: TestApp;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    test = await createTestApp({ env: { SMTP_URL: receiver.url } });
  });
  afterAll(async () => {
    await test.close();
    await receiver.close();
  });

  it('is refused with 404 when SMTP_URL is set', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/dev/mail',
      headers: { 'accept-language': 'en' },
    });
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({
      code: 'dev_mail_disabled',
      title: 'The development mailbox is not available here: mail is really being sent.',
    });
  });
});

describe('development mail page in production', () => {
  let receiver: SmtpReceiver;
  let test: TestApp;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    test = await createTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-production-session-secret-for-this-test-only-0123',
        IDENTITY_KEY_SECRET: 'a-production-identity-secret-for-this-test-only-0123',
        SIGNING_KEY_SECRET: 'a-production-signing-key-secret-for-tests-0123456789',
        DEMO_SIGN_IN: 'false',
        SEED_DEMO_DATA: 'false',
        DEV_CARD_SERVICE: 'false',
        SMTP_URL: receiver.url,
      },
    });
  });
  afterAll(async () => {
    await test.close();
    await receiver.close();
  });

  it('is refused with 404', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/dev/mail' });
    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'dev_mail_disabled' });
  });
});
