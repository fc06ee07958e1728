import { createTransport } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { devMailbox } from '../../db/schema.ts';

/** One plain-text message to one person. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * How the app sends mail. Features are handed one (see `mailerFor`) and never know which:
 * SMTP in production and wherever SMTP_URL is set, the development mailbox otherwise.
 */
export interface Mailer {
  readonly kind: 'smtp' | 'dev_mailbox';
  /** Resolves once the message is handed over (accepted by the SMTP server, or kept). */
  send(message: MailMessage): Promise<void>;
}

/** A send that did not go through: the server refused or could not be reached. */
export class MailSendError extends Error {}

/**
 * True outside production when no SMTP server is configured: mail is kept in the database
 * and shown at the development mail page (/dev/mail) instead of being sent.
 */
export function devMailboxEnabled(config: Config): boolean {
  return config.environment !== 'production' && config.mail.smtpUrl === null;
}

/** Chooses the mailer once from the configuration. */
export function mailerFor(config: Config, db: Database): Mailer {
  if (config.mail.smtpUrl) return smtpMailer(config.mail.smtpUrl, config.mail.from);
  // config.ts already refuses to start production without SMTP_URL; this keeps it impossible.
  if (!devMailboxEnabled(config)) throw new Error('SMTP_URL must be set in production');
  return devMailboxMailer(db);
}

/** Sends through the SMTP server in SMTP_URL (smtp:// with STARTTLS when offered, or smtps://). */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(message) {
      try {
        await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        throw new MailSendError(`mail to the SMTP server failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
  };
}

/** Keeps the message in `dev_mailbox` (development and tests without an SMTP server). */
export function devMailboxMailer(db: Pick<Database, 'insert'>): Mailer {
  return {
    kind: 'dev_mailbox',
    async send(message) {
      await db
        .insert(devMailbox)
        .values({ toAddress: message.to, subject: message.subject, textBody: message.text });
    },
  };
}
