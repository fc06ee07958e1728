import { randomUUID } from 'node:crypto';
import type { Clock, Locale } from '@kumamoto/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { codeMail } from '../mail/templates.ts';
import { codeHash, codeTtlMs, codeValidMinutes, emailKey, newCode, perAddressLimit } from './codes.ts';
import {
  countCodesSince,
  deleteCode,
  findAccountByEmail,
  forgetOldCodes,
  insertCode,
  lockAddress,
  reviveCodes,
  supersedeCodes,
  type CodeScope,
} from './store.ts';

export interface EmailCodeDeps {
  db: Database;
  clock: Clock;
  config: Config;
  mailer: Mailer;
  log: FastifyBaseLogger;
}

/**
 * Sends a new one-time code to an address: six random digits, valid ten minutes, only its
 * keyed hash stored, replacing any earlier code of the same scope. At most five codes per
 * address an hour (any purpose), counted in the database under a per-address lock.
 *
 * For signing in, the answer is the same whether or not the address has an account: nothing
 * about the account is revealed before the code is proven. The mail is in the account's
 * language when there is one, else in the language of the person asking.
 */
export async function requestCode(
  deps: EmailCodeDeps,
  input: CodeScope & { locale: Locale; requestId: string },
): Promise<{ expiresAt: Date }> {
  const { db, clock, config, mailer } = deps;
  const now = clock.now();
  const id = randomUUID();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + codeTtlMs);
  const audit = {
    actorUserId: input.userId,
    subjectType: 'email_code' as const,
    requestId: input.requestId,
  };
  const details = { purpose: input.purpose, emailKey: emailKey(config.identityKeySecret, input.email) };

  const outcome = await db.transaction(async (tx) => {
    await lockAddress(tx, input.email);
    await forgetOldCodes(tx, input.email, new Date(now.getTime() - 86_400_000));
    const recent = await countCodesSince(tx, input.email, new Date(now.getTime() - perAddressLimit.windowMs));
    if (recent >= perAddressLimit.max) {
      await recordAudit(tx, {
        ...audit,
        action: 'email_code.refused',
        reason: 'email_code_too_many',
        details: { ...details, sentInLastHour: recent },
      });
      return { refused: true as const };
    }
    const account = input.purpose === 'sign_in' ? await findAccountByEmail(tx, input.email) : null;
    const replaced = await supersedeCodes(tx, input, now);
    await insertCode(tx, {
      id,
      email: input.email,
      purpose: input.purpose,
      userId: input.userId,
      codeHash: codeHash(config.session.secret, id, code),
      expiresAt,
      createdAt: now,
    });
    await recordAudit(tx, { ...audit, action: 'email_code.sent', subjectId: id, details });
    return { refused: false as const, locale: account?.locale ?? input.locale, replaced };
  });
  if (outcome.refused) throw new AppError('email_code_too_many');

  const mail = codeMail({
    locale: outcome.locale,
    purpose: input.purpose,
    code,
    validMinutes: codeValidMinutes,
    publicUrl: config.publicUrl,
  });
  try {
    await mailer.send({ to: input.email, ...mail });
  } catch (error) {
    // The code never reached anyone: take it back (it neither works nor counts) and leave the
    // codes it replaced as they were.
    deps.log.error({ err: error, codeId: id }, 'sending an e-mail code failed');
    await db.transaction(async (tx) => {
      await deleteCode(tx, id);
      await reviveCodes(tx, outcome.replaced);
      await recordAudit(tx, {
        ...audit,
        action: 'email_code.refused',
        reason: 'mail_send_failed',
        subjectId: id,
        details,
      });
    });
    throw new AppError('mail_send_failed');
  }
  return { expiresAt };
}
