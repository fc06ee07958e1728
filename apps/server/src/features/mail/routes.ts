import { desc } from 'drizzle-orm';
import { z } from 'zod';
import { devMailbox } from '../../db/schema.ts';
import type { Feature } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { problems } from '../../platform/schemas.ts';
import { devMailboxEnabled } from './mailer.ts';

/** How many kept messages the development mail page shows. */
const pageSize = 50;

const devMailSchema = z
  .object({
    id: z.number().int(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    sentAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'DevMail' });

/**
 * The development mail page's data (the page itself is the web app's /dev/mail): mail the app
 * kept instead of sending, newest first. Refused with 404 in production and whenever SMTP_URL
 * is set, since then mail really leaves and nothing is kept.
 */
export const devMailRoutes: Feature = (app, { db, config }) => {
  app.get(
    '/api/dev/mail',
    {
      schema: {
        tags: ['dev'],
        summary: 'Mail kept by the development mailbox, newest first (development only, no SMTP_URL)',
        response: { 200: z.object({ messages: z.array(devMailSchema) }), ...problems(404) },
      },
    },
    async (_request, reply) => {
      if (!devMailboxEnabled(config)) throw new AppError('dev_mail_disabled');
      reply.header('cache-control', 'no-store');
      const rows = await db
        .select()
        .from(devMailbox)
        .orderBy(desc(devMailbox.sentAt), desc(devMailbox.id))
        .limit(pageSize);
      return {
        messages: rows.map((row) => ({
          id: row.id,
          to: row.toAddress,
          subject: row.subject,
          text: row.textBody,
          sentAt: row.sentAt.toISOString(),
        })),
      };
    },
  );
};
