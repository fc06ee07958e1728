import type { FastifyBaseLogger } from 'fastify';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { mailerFor } from '../mail/mailer.ts';
import { notify } from '../notifications/store.ts';

/** One notice to one person (issue 4 item 7). */
export interface Notice {
  userId: string;
  kind: string;
  params: Record<string, string | number>;
  link: string;
}

/** Notices of one request: written to the inbox in the transaction, mailed after the commit. */
export type Outbox = Notice[];

/** Puts the notice in the person's inbox (same transaction) and remembers it for e-mail. */
export async function sendNotice(
  tx: Parameters<typeof notify>[0],
  outbox: Outbox | undefined,
  notice: Notice,
): Promise<void> {
  await notify(tx, notice);
  outbox?.push(notice);
}

/**
 * The e-mail copy: deliberately short and without the reason or any personal data, pointing
 * to the inbox where the notice is shown in full in the reader's language.
 */
const mailText = {
  ja: {
    subject: 'くまもとアプリ：主催団体についてのお知らせ',
    text: (groupName: string, url: string) =>
      `「${groupName}」について、くまもとアプリに新しいお知らせがあります。\nアプリのお知らせを開いてご確認ください。\n${url}\n\n熊本市 くまもとアプリ運営事務局`,
  },
  en: {
    subject: 'Kumamoto App: a notice about your organizer group',
    text: (groupName: string, url: string) =>
      `There is a new notice about "${groupName}" in the Kumamoto App.\nPlease open the notices in the app.\n${url}\n\nKumamoto City, Kumamoto App office`,
  },
} as const;

/**
 * After the commit: e-mails everyone in the outbox who has a confirmed address. A failed send
 * is logged and does not undo the change (the inbox already holds the notice).
 */
export async function mailNotices(
  db: Database,
  config: Config,
  outbox: Outbox,
  log: FastifyBaseLogger,
): Promise<void> {
  if (outbox.length === 0) return;
  const recipients = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(
      and(inArray(users.id, [...new Set(outbox.map((notice) => notice.userId))]), isNotNull(users.email)),
    );
  if (recipients.length === 0) return;
  const mailer = mailerFor(config, db);
  for (const notice of outbox) {
    const recipient = recipients.find((candidate) => candidate.id === notice.userId);
    if (!recipient?.email) continue;
    const text = mailText[recipient.locale];
    const url = new URL(notice.link, config.publicUrl).toString();
    try {
      await mailer.send({
        to: recipient.email,
        subject: text.subject,
        text: text.text(String(notice.params.groupName ?? ''), url),
      });
    } catch (error) {
      log.warn({ err: error, kind: notice.kind }, 'organizer notice mail not sent');
    }
  }
}
