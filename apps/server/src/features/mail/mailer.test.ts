import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { devMailbox } from '../../db/schema.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { devMailboxEnabled, mailerFor, MailSendError, smtpMailer } from './mailer.ts';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.testing.ts';
import { codeMail } from './templates.ts';

let receiver: SmtpReceiver;
let database: DatabaseHandle;
beforeAll(async () => {
  receiver = await startSmtpReceiver({ username: 'kumamoto', password: 's3cret pass' });
  database = await createTestDatabase();
});
afterAll(async () => {
  await receiver.close();
  await database.close();
});

const testConfig = (env: Record<string, string> = {}): Config =>
  loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', ...env });

describe('SMTP mailer', () => {
  it('hands a Japanese plain-text message to a real SMTP server, authenticated, from MAIL_FROM', async () => {
    const mailer = mailerFor(
      testConfig({ SMTP_URL: receiver.url, MAIL_FROM: 'くまもとアプリ <no-reply@city.example.jp>' }),
      database.db,
    );
    expect(mailer.kind).toBe('smtp');
    await mailer.send({
      to: 'hanako@example.jp',
      subject: 'くまもとアプリの確認コード 012345',
      text: '確認コード: 012345\n有効期限は10分です。',
    });
    const mail = await receiver.waitForMail('hanako@example.jp');
    expect(mail.authUser).toBe('kumamoto');
    expect(mail.envelopeFrom).toBe('no-reply@city.example.jp');
    expect(mail.subject).toBe('くまもとアプリの確認コード 012345');
    expect(mail.text).toContain('確認コード: 012345');
    expect(mail.text).toContain('有効期限は10分です。');
    expect(mail.headers['content-type']).toMatch(/^text\/plain/);
    // Nothing is kept locally when mail really leaves.
    expect(await database.db.select().from(devMailbox)).toEqual([]);
  });

  it('fails with MailSendError when the server refuses, or the password is wrong', async () => {
    receiver.refuseRecipients(true);
    try {
      await expect(
        smtpMailer(receiver.url, 'a <a@example.jp>').send({ to: 'x@example.jp', subject: 's', text: 't' }),
      ).rejects.toBeInstanceOf(MailSendError);
    } finally {
      receiver.refuseRecipients(false);
    }
    const wrongPassword = receiver.url.replace('s3cret%20pass', 'wrong');
    await expect(
      smtpMailer(wrongPassword, 'a <a@example.jp>').send({ to: 'y@example.jp', subject: 's', text: 't' }),
    ).rejects.toBeInstanceOf(MailSendError);
  });
});

describe('development mailbox', () => {
  it('is chosen outside production when no SMTP_URL is set, and keeps the message', async () => {
    const config = testConfig();
    expect(devMailboxEnabled(config)).toBe(true);
    const mailer = mailerFor(config, database.db);
    expect(mailer.kind).toBe('dev_mailbox');
    await mailer.send({ to: 'kept@example.jp', subject: '件名', text: '本文 123456' });
    const [kept] = await database.db.select().from(devMailbox).orderBy(desc(devMailbox.id)).limit(1);
    expect(kept).toMatchObject({ toAddress: 'kept@example.jp', subject: '件名', textBody: '本文 123456' });
  });

  it('is never used in production, nor when SMTP_URL is set', () => {
    expect(devMailboxEnabled(testConfig({ SMTP_URL: receiver.url }))).toBe(false);
    // config.ts refuses production without SMTP_URL; even a config built around that is refused here.
    const production: Config = { ...testConfig(), environment: 'production' };
    expect(devMailboxEnabled(production)).toBe(false);
    expect(() => mailerFor(production, database.db)).toThrow(/SMTP_URL/);
  });
});

describe('code mail templates', () => {
  const base = { code: '048213', validMinutes: 10, publicUrl: 'https://app.example.jp' };

  it('say in Japanese what the code is for, that it lasts 10 minutes, and to ignore it if unasked', () => {
    const signIn = codeMail({ ...base, locale: 'ja', purpose: 'sign_in' });
    expect(signIn.subject).toContain('048213');
    expect(signIn.text).toContain('ログインするための確認コード');
    expect(signIn.text).toContain('確認コード: 048213');
    expect(signIn.text).toContain('有効期限は10分');
    expect(signIn.text).toContain('心当たりがない場合は、何もしないでください');
    expect(signIn.text).toContain('https://app.example.jp');
    const add = codeMail({ ...base, locale: 'ja', purpose: 'add_email' });
    expect(add.text).toContain('このメールアドレスを登録するための確認コード');
    expect(add.text).not.toContain('ログインするための');
  });

  it('say the same in English', () => {
    const signIn = codeMail({ ...base, locale: 'en', purpose: 'sign_in' });
    expect(signIn.subject).toBe('Your Kumamoto App code: 048213');
    expect(signIn.text).toContain('to sign in to the Kumamoto App');
    expect(signIn.text).toContain('expires in 10 minutes');
    expect(signIn.text).toContain('If you did not ask for this code, you do not need to do anything');
    expect(signIn.text).not.toMatch(/[ぁ-んァ-ン一-龯]/);
    const add = codeMail({ ...base, locale: 'en', purpose: 'add_email' });
    expect(add.text).toContain('to add this e-mail address to your Kumamoto App account');
  });
});
