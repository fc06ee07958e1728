import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (server tests and browser journeys): it listens on a random
 * loopback port, optionally requires a user name and password, and keeps every message it is
 * handed, decoded enough to read the subject and the plain-text body (the app's mail is plain
 * text; nodemailer sends Japanese as quoted-printable or base64 with RFC 2047 subjects).
 */
export interface ReceivedMail {
  /** MAIL FROM, as the client sent it. */
  envelopeFrom: string;
  /** RCPT TO addresses. */
  envelopeTo: string[];
  /** The authenticated user, when the receiver asked for one. */
  authUser: string | null;
  headers: Record<string, string>;
  subject: string;
  text: string;
  raw: string;
}

export interface SmtpReceiver {
  /** smtp://user:pass@127.0.0.1:PORT, ready for SMTP_URL. */
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves with the first message (already received or arriving) for `to`, newest first. */
  waitForMail(to: string, options?: { timeoutMs?: number; after?: number }): Promise<ReceivedMail>;
  /** Refuse every recipient from now on (as a mail server does when it is misconfigured). */
  refuseRecipients(refuse: boolean): void;
  close(): Promise<void>;
}

export async function startSmtpReceiver(
  options: { username?: string; password?: string } = {},
): Promise<SmtpReceiver> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  const username = options.username ?? 'mailer';
  const password = options.password ?? 'test-password';
  let refuse = false;

  const server = new SMTPServer({
    // Plain loopback SMTP with AUTH, as a local relay would offer; no TLS to set up in tests.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === username && auth.password === password) callback(null, { user: username });
      else callback(new Error('Invalid user name or password'));
    },
    onRcptTo(_address, _session, callback) {
      callback(refuse ? Object.assign(new Error('Recipient refused'), { responseCode: 550 }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom;
        messages.push({
          ...parseMessage(raw),
          envelopeFrom: from ? from.address : '',
          envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          authUser: typeof session.user === 'string' ? session.user : null,
          raw,
        });
        waiters.forEach((wake) => wake());
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;

  const find = (to: string, after: number) =>
    messages
      .slice(after)
      .reverse()
      .find((mail) => mail.envelopeTo.includes(to.toLowerCase()) || mail.envelopeTo.includes(to));

  return {
    url: `smtp://${encodeURIComponent(username)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    port,
    messages,
    refuseRecipients: (value) => (refuse = value),
    waitForMail: (to, { timeoutMs = 10_000, after = 0 } = {}) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const mail = find(to, after);
          if (!mail) return false;
          cleanup();
          resolve(mail);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no mail for ${to} within ${timeoutMs} ms (${messages.length} received)`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(wake);
        };
        const wake = () => void check();
        waiters.add(wake);
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The six-digit code in a received message's body. */
export function codeFrom(mail: Pick<ReceivedMail, 'text'>): string {
  const match = /(?<![0-9])([0-9]{6})(?![0-9])/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no 6-digit code in the mail:\n${mail.text}`);
  return match[1];
}

function parseMessage(raw: string): Pick<ReceivedMail, 'headers' | 'subject' | 'text'> {
  const { headers, body } = splitEntity(raw);
  return { headers, subject: decodeWords(headers.subject ?? ''), text: plainText(headers, body) };
}

function splitEntity(entity: string): { headers: Record<string, string>; body: string } {
  const boundary = entity.search(/\r?\n\r?\n/);
  const head = boundary === -1 ? entity : entity.slice(0, boundary);
  const body = boundary === -1 ? '' : entity.slice(boundary).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** The text/plain body, decoded; a multipart message is searched for its text/plain part. */
function plainText(headers: Record<string, string>, body: string): string {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const entity = splitEntity(part.replace(/^\r?\n/, ''));
      const partType = entity.headers['content-type'] ?? 'text/plain';
      if (/^(text\/plain|multipart\/)/i.test(partType)) return plainText(entity.headers, entity.body);
    }
    return '';
  }
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  return decodeTransfer(body, headers['content-transfer-encoding'] ?? '7bit', charset).replace(/\r\n/g, '\n');
}

function decodeTransfer(body: string, encoding: string, charset: string): string {
  const decoder = new TextDecoder(charset);
  switch (encoding.toLowerCase()) {
    case 'base64':
      return decoder.decode(Buffer.from(body.replace(/\s+/g, ''), 'base64'));
    case 'quoted-printable':
      return decoder.decode(quotedPrintable(body.replace(/=\r?\n/g, '')));
    default:
      return body;
  }
}

function quotedPrintable(text: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), adjacent ones joined. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_whole, charset: string, kind: string, text: string) => {
      const decoder = new TextDecoder(charset);
      if (kind.toUpperCase() === 'B') return decoder.decode(Buffer.from(text, 'base64'));
      return decoder.decode(quotedPrintable(text.replace(/_/g, ' ')));
    });
}
