/**
 * A real SMTP server for browser journeys: the server process gets its URL as SMTP_URL, and the
 * journey reads the code from the message it received. The same receiver backs the server's
 * own mail tests, so it lives beside the mailer and is shared from there.
 */
export {
  codeFrom,
  startSmtpReceiver,
  type ReceivedMail,
  type SmtpReceiver,
} from '../../apps/server/src/features/mail/smtp-receiver.testing.ts';
