import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditEvents, emailCodes, sessions, users } from '../../db/schema.ts';
import { callerFor, createUser, type Caller } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { codeFrom, startSmtpReceiver, type SmtpReceiver } from '../mail/smtp-receiver.testing.ts';
import { emailKey, maxAttempts, perAddressLimit, perClientLimits } from './codes.ts';

/**
 * E-mail one-time codes end to end through the routes, against a real SMTP server started
 * here (SMTP_URL points at it): every code is read from the message it arrived in.
 */
let receiver: SmtpReceiver;
let test: TestApp;
let signedOut: Caller;
beforeAll(async () => {
  receiver = await startSmtpReceiver();
  test = await createTestApp({ env: { SMTP_URL: receiver.url } });
  signedOut = await callerFor(test);
});
afterAll(async () => {
  await test.close();
  await receiver.close();
});

let sequence = 0;
/** A fresh address per test, so mail, codes and per-address limits never mix. */
const address = (tag: string) => `${tag}-${++sequence}@example.jp`;
/** A fresh client address per test: the per-client limits are counted by IP. */
const clientIp = () => `127.0.1.${++sequence % 250}`;

interface Sent {
  status: number;
  body: Record<string, unknown>;
  cookies: string[];
}

async function post(
  url: string,
  payload: Record<string, unknown>,
  options: { caller?: Caller; ip: string; lang?: string },
): Promise<Sent> {
  const response = await test.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: options.ip,
    headers: { ...(options.caller ?? signedOut).headers, 'accept-language': options.lang ?? 'ja' },
  });
  return {
    status: response.statusCode,
    body: JSON.parse(response.body) as Record<string, unknown>,
    cookies: [response.headers['set-cookie'] ?? []].flat(),
  };
}

/** Asks for a sign-in code and returns it as read from the received mail. */
async function requestSignInCode(email: string, ip: string, lang = 'ja') {
  const before = receiver.messages.length;
  const sent = await post('/api/sign-in/email-code', { email }, { ip, lang });
  expect(sent.status).toBe(200);
  const mail = await receiver.waitForMail(email, { after: before });
  return { sent, mail, code: codeFrom(mail) };
}

const verify = (payload: Record<string, unknown>, ip: string, lang = 'ja') =>
  post('/api/sign-in/email-code/verify', payload, { ip, lang });

/** The signed-in user behind a response's session cookie. */
async function sessionUser(cookies: string[]) {
  const session = cookies.find((c) => c.startsWith('kma_session='))?.split(';')[0];
  if (!session) return null;
  const response = await test.app.inject({
    method: 'GET',
    url: '/api/session',
    headers: { cookie: session },
  });
  return (JSON.parse(response.body) as { user: { id: string; displayName: string } | null }).user;
}

async function codeRow(email: string) {
  const [row] = await test.database.db
    .select()
    .from(emailCodes)
    .where(eq(emailCodes.email, email))
    .orderBy(desc(emailCodes.createdAt));
  return row;
}

async function refusals(email: string) {
  const key = emailKey(test.config.identityKeySecret, email);
  const rows = await test.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, 'email_code.refused'))
    .orderBy(auditEvents.id);
  return rows.filter((row) => row.details.emailKey === key).map((row) => row.reason);
}

describe('sign-in with an e-mail code', () => {
  it('signs up a new address: code from the mail → name asked → account with the confirmed address', async () => {
    const ip = clientIp();
    const email = address('new');
    const { sent, mail, code } = await requestSignInCode(email, ip);
    expect(sent.body).toEqual({ sentTo: email, expiresAt: '2026-06-01T01:10:00.000Z' });
    expect(mail.subject).toBe(`くまもとアプリの確認コード ${code}`);
    expect(mail.text).toContain('ログインするための確認コード');
    expect(mail.text).toContain('有効期限は10分');

    // The code is right and the address is new: the name is asked for, and the code stays live.
    const first = await verify({ email, code }, ip);
    expect(first).toMatchObject({ status: 200, body: { result: 'name_required' } });
    expect(first.cookies.some((c) => c.startsWith('kma_session='))).toBe(false);
    expect((await codeRow(email))?.consumedAt).toBeNull();

    const second = await verify({ email, code, displayName: '  熊本 みどり ', locale: 'en' }, ip);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      result: 'signed_in',
      created: true,
      user: { displayName: '熊本 みどり' },
    });
    const user = await sessionUser(second.cookies);
    expect(user?.displayName).toBe('熊本 みどり');
    const [row] = await test.database.db
      .select()
      .from(users)
      .where(eq(users.id, user?.id ?? ''));
    expect(row).toMatchObject({ email, locale: 'en', identityLevel: 'unverified' });
    expect(row?.emailVerifiedAt?.toISOString()).toBe('2026-06-01T01:00:00.000Z');
    const [session] = await test.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, row?.id ?? ''));
    expect(session?.method).toBe('email_code');
    const actions = await test.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, row?.id ?? ''));
    expect(actions.map((a) => a.action)).toEqual(['account.created', 'session.email_code_sign_in']);
    expect((await codeRow(email))?.consumedAt).not.toBeNull();
  });

  it('signs in to the account that has the confirmed address, in any letter case', async () => {
    const ip = clientIp();
    const email = address('known');
    const owner = await createUser(test.database.db, { displayName: '既存 さん' });
    await test.database.db
      .update(users)
      .set({ email, emailVerifiedAt: new Date(), locale: 'en' })
      .where(eq(users.id, owner.id));

    const { sent, mail, code } = await requestSignInCode(email.toUpperCase(), ip);
    expect(sent.body.sentTo).toBe(email);
    // The mail is in the account's language, whatever the asker's browser says.
    expect(mail.subject).toBe(`Your Kumamoto App code: ${code}`);
    const signedIn = await verify({ email: ` ${email.toUpperCase()} `, code, displayName: '別の名前' }, ip);
    expect(signedIn.body).toMatchObject({ result: 'signed_in', created: false, user: { id: owner.id } });
    expect((await sessionUser(signedIn.cookies))?.displayName).toBe('既存 さん');
  });

  it('answers the request step the same whether or not the address has an account', async () => {
    const ip = clientIp();
    const known = address('same-known');
    const owner = await createUser(test.database.db);
    await test.database.db
      .update(users)
      .set({ email: known, emailVerifiedAt: new Date() })
      .where(eq(users.id, owner.id));
    const unknown = address('same-unknown');
    const a = await requestSignInCode(known, ip);
    const b = await requestSignInCode(unknown, ip);
    expect(a.sent.status).toBe(b.sent.status);
    expect(Object.keys(a.sent.body).sort()).toEqual(Object.keys(b.sent.body).sort());
    expect({ ...a.sent.body, sentTo: null }).toEqual({ ...b.sent.body, sentTo: null });
    // And a wrong code is refused alike for both.
    const wrongA = await verify({ email: known, code: a.code === '000000' ? '000001' : '000000' }, ip);
    const wrongB = await verify({ email: unknown, code: b.code === '000000' ? '000001' : '000000' }, ip);
    expect(wrongA.status).toBe(wrongB.status);
    expect(wrongA.body.code).toBe(wrongB.body.code);
  });

  it('sends the mail in the language of the person asking when the address is new', async () => {
    const ip = clientIp();
    const email = address('english');
    const { mail } = await requestSignInCode(email, ip, 'en-GB,en;q=0.9');
    expect(mail.subject).toMatch(/^Your Kumamoto App code: \d{6}$/);
    expect(mail.text).toContain('The code expires in 10 minutes.');
    const before = receiver.messages.length;
    await post('/api/sign-in/email-code', { email, locale: 'ja' }, { ip, lang: 'en' });
    expect((await receiver.waitForMail(email, { after: before })).subject).toMatch(/確認コード/);
  });

  it('accepts a code typed with full-width digits or spaces', async () => {
    const ip = clientIp();
    const email = address('fullwidth');
    const { code } = await requestSignInCode(email, ip);
    const typed = `${code.slice(0, 3)} ${code.slice(3)}`.replace(/[0-9]/g, (d) =>
      String.fromCharCode(d.charCodeAt(0) + 0xfee0),
    );
    expect((await verify({ email, code: typed }, ip)).body).toEqual({ result: 'name_required' });
  });
});

describe('refusals: each localized, audited, changing nothing but the attempt count', () => {
  it('a wrong code counts one attempt and signs nobody in', async () => {
    const ip = clientIp();
    const email = address('wrong');
    const { code } = await requestSignInCode(email, ip);
    const wrong = code === '123456' ? '654321' : '123456';
    const refused = await verify({ email, code: wrong, displayName: '誰か' }, ip, 'en');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      code: 'email_code_wrong',
      title: 'That code is not right. Check the 6 digits in the e-mail and enter them again.',
    });
    expect(refused.cookies.some((c) => c.startsWith('kma_session='))).toBe(false);
    expect(await test.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect(await codeRow(email)).toMatchObject({ attempts: 1, consumedAt: null });
    expect(await refusals(email)).toEqual(['email_code_wrong']);
    // The right code still works afterwards.
    expect((await verify({ email, code, displayName: '誰か' }, ip)).body.result).toBe('signed_in');
  });

  it(`the ${maxAttempts}th wrong try kills the code: even the right code is refused after it`, async () => {
    const ip = clientIp();
    const email = address('brute');
    const { code } = await requestSignInCode(email, ip);
    const wrongs = ['000000', '111111', '222222', '333333', '444444', '555555'].filter((c) => c !== code);
    const answers: unknown[] = [];
    for (const wrong of wrongs.slice(0, maxAttempts)) {
      answers.push((await verify({ email, code: wrong }, ip)).body.code);
    }
    expect(answers).toEqual([
      ...Array<string>(maxAttempts - 1).fill('email_code_wrong'),
      'email_code_attempts_exceeded',
    ]);
    const right = await verify({ email, code, displayName: '正しい人' }, ip);
    expect(right).toMatchObject({ status: 429, body: { code: 'email_code_attempts_exceeded' } });
    expect(await codeRow(email)).toMatchObject({ attempts: maxAttempts, consumedAt: null });
    expect(await test.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    expect((await refusals(email)).at(-1)).toBe('email_code_attempts_exceeded');
    // A new code starts afresh.
    const fresh = await requestSignInCode(email, ip);
    expect((await verify({ email, code: fresh.code }, ip)).body.result).toBe('name_required');
  });

  it('an expired code is refused after ten minutes', async () => {
    const ip = clientIp();
    const email = address('expired');
    const { code } = await requestSignInCode(email, ip);
    test.clock.advance(10 * 60_000);
    try {
      const refused = await verify({ email, code, displayName: '遅い人' }, ip);
      expect(refused).toMatchObject({ status: 400, body: { code: 'email_code_expired' } });
      expect(await codeRow(email)).toMatchObject({ attempts: 0, consumedAt: null });
      expect(await refusals(email)).toEqual(['email_code_expired']);
    } finally {
      test.clock.set('2026-06-01T10:00:00+09:00');
    }
    // One minute before expiry it still works.
    const again = await requestSignInCode(email, ip);
    test.clock.advance(9 * 60_000);
    try {
      expect((await verify({ email, code: again.code }, ip)).body.result).toBe('name_required');
    } finally {
      test.clock.set('2026-06-01T10:00:00+09:00');
    }
  });

  it('a code works once; a newer code replaces the older one', async () => {
    const ip = clientIp();
    const email = address('once');
    const first = await requestSignInCode(email, ip);
    const second = await requestSignInCode(email, ip);
    expect(second.code).toMatch(/^\d{6}$/);
    if (first.code !== second.code) {
      expect((await verify({ email, code: first.code }, ip)).body.code).toBe('email_code_wrong');
    }
    expect((await verify({ email, code: second.code, displayName: '一回' }, ip)).body.result).toBe(
      'signed_in',
    );
    const reused = await verify({ email, code: second.code }, ip);
    expect(reused).toMatchObject({ status: 400, body: { code: 'email_code_unavailable' } });
    const neverSent = await verify({ email: address('never'), code: '123456' }, ip);
    expect(neverSent.body.code).toBe('email_code_unavailable');
  });

  it(`at most ${perAddressLimit.max} codes an hour to one address, counted in the database`, async () => {
    const email = address('flood');
    for (let i = 0; i < perAddressLimit.max; i++) await requestSignInCode(email, clientIp());
    const before = receiver.messages.length;
    const refused = await post('/api/sign-in/email-code', { email }, { ip: clientIp(), lang: 'en' });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'email_code_too_many' });
    expect(refused.body.title).toMatch(/wait about an hour/);
    const rows = await test.database.db.select().from(emailCodes).where(eq(emailCodes.email, email));
    expect(rows).toHaveLength(perAddressLimit.max);
    expect(await refusals(email)).toEqual(['email_code_too_many']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.messages.slice(before).filter((m) => m.envelopeTo.includes(email))).toEqual([]);

    test.clock.advance(perAddressLimit.windowMs + 1000);
    try {
      await requestSignInCode(email, clientIp());
    } finally {
      test.clock.set('2026-06-01T10:00:00+09:00');
    }
  });

  it(`at most ${perClientLimits.request.max} code requests per client address, then 429 and an audit event`, async () => {
    const ip = clientIp();
    for (let i = 0; i < perClientLimits.request.max; i++) {
      expect((await post('/api/sign-in/email-code', { email: address('client') }, { ip })).status).toBe(200);
    }
    const refused = await post('/api/sign-in/email-code', { email: address('client') }, { ip, lang: 'en' });
    expect(refused).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
    expect(refused.body.title).toBe('Too many requests. Please wait a moment and try again.');
    // Another client is not affected.
    expect(
      (await post('/api/sign-in/email-code', { email: address('client') }, { ip: clientIp() })).status,
    ).toBe(200);
    await vi.waitFor(async () => {
      const rows = await test.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'email_code.refused'), eq(auditEvents.reason, 'rate_limited')));
      expect(rows.map((row) => row.details)).toContainEqual({ route: '/api/sign-in/email-code', client: ip });
    });
  });

  it('refuses a name that looks like a My Number before touching the code (R-ID-3)', async () => {
    const ip = clientIp();
    const email = address('mynumber');
    const { code } = await requestSignInCode(email, ip);
    const refused = await verify({ email, code, displayName: '1234 5678 9012' }, ip);
    expect(refused).toMatchObject({ status: 400, body: { code: 'individual_number_refused' } });
    expect(await codeRow(email)).toMatchObject({ attempts: 0, consumedAt: null });
    expect(await test.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it('refuses a malformed address or code as a validation error, counting nothing', async () => {
    const ip = clientIp();
    for (const email of ['not-an-address', 'a@b', '', `${'x'.repeat(250)}@example.jp`]) {
      const refused = await post('/api/sign-in/email-code', { email }, { ip });
      expect(refused).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    }
    const email = address('badcode');
    const { code } = await requestSignInCode(email, ip);
    for (const bad of ['12345', '1234567', 'abcdef']) {
      expect((await verify({ email, code: bad }, ip)).body.code).toBe('validation_failed');
    }
    expect((await codeRow(email))?.attempts).toBe(0);
    expect((await verify({ email, code }, ip)).body.result).toBe('name_required');
  });

  it('takes the code back when the mail server refuses the message', async () => {
    const ip = clientIp();
    const email = address('undeliverable');
    receiver.refuseRecipients(true);
    try {
      const refused = await post('/api/sign-in/email-code', { email }, { ip });
      expect(refused).toMatchObject({ status: 503, body: { code: 'mail_send_failed' } });
    } finally {
      receiver.refuseRecipients(false);
    }
    expect(await codeRow(email)).toBeUndefined();
    expect(await refusals(email)).toEqual(['mail_send_failed']);
  });
});

describe('concurrency', () => {
  it('two verifications of one code at the same moment sign in at most once', async () => {
    const ip = clientIp();
    const email = address('race');
    const { code } = await requestSignInCode(email, ip);
    const answers = await Promise.all([
      verify({ email, code, displayName: '同時 一' }, ip),
      verify({ email, code, displayName: '同時 二' }, ip),
    ]);
    const statuses = answers.map((a) => a.body.result ?? a.body.code).sort();
    expect(statuses).toEqual(['email_code_unavailable', 'signed_in']);
    const created = await test.database.db.select().from(users).where(eq(users.email, email));
    expect(created).toHaveLength(1);
    const made = await test.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.userId, created[0]?.id ?? ''));
    expect(made).toHaveLength(1);
  });

  it('an existing account too: one session from one code', async () => {
    const ip = clientIp();
    const email = address('race-known');
    const owner = await createUser(test.database.db);
    await test.database.db
      .update(users)
      .set({ email, emailVerifiedAt: new Date() })
      .where(eq(users.id, owner.id));
    const { code } = await requestSignInCode(email, ip);
    const answers = await Promise.all([1, 2, 3].map(() => verify({ email, code }, ip)));
    expect(answers.filter((a) => a.body.result === 'signed_in')).toHaveLength(1);
    expect(await test.database.db.select().from(sessions).where(eq(sessions.userId, owner.id))).toHaveLength(
      1,
    );
  });
});

describe("the account's e-mail address (My page)", () => {
  async function signedInCaller() {
    const user = await createUser(test.database.db);
    return { user, caller: await callerFor(test, user.id) };
  }

  async function readEmail(caller: Caller) {
    const response = await test.app.inject({ method: 'GET', url: '/api/me/email', headers: caller.headers });
    return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> };
  }

  async function requestAddCode(caller: Caller, email: string, ip: string) {
    const before = receiver.messages.length;
    const sent = await post('/api/me/email/code', { email }, { caller, ip });
    expect(sent.status).toBe(200);
    const mail = await receiver.waitForMail(email, { after: before });
    return { sent, mail, code: codeFrom(mail) };
  }

  it('adds an address only once its code is proven, then changes it the same way', async () => {
    const ip = clientIp();
    const { user, caller } = await signedInCaller();
    expect(await readEmail(caller)).toEqual({ status: 200, body: { email: null, verifiedAt: null } });

    const first = address('mine');
    const { mail, code } = await requestAddCode(caller, first, ip);
    expect(mail.text).toContain('このメールアドレスを登録するための確認コード');
    // Not stored before the code is proven.
    expect((await readEmail(caller)).body.email).toBeNull();
    const confirmed = await post('/api/me/email/verify', { email: first, code }, { caller, ip });
    expect(confirmed).toMatchObject({
      status: 200,
      body: { email: first, verifiedAt: '2026-06-01T01:00:00.000Z' },
    });
    expect((await readEmail(caller)).body.email).toBe(first);

    const second = address('mine-new');
    const change = await requestAddCode(caller, second, ip);
    expect((await readEmail(caller)).body.email).toBe(first);
    expect(
      (await post('/api/me/email/verify', { email: second, code: change.code }, { caller, ip })).body.email,
    ).toBe(second);
    expect((await readEmail(caller)).body.email).toBe(second);

    const actions = await test.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, user.id));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['account.email_added', 'account.email_changed', 'account.email_read']),
    );
  });

  it('refuses an address another account uses, after its code is proven, changing nothing', async () => {
    const ip = clientIp();
    const taken = address('taken');
    const owner = await createUser(test.database.db);
    await test.database.db
      .update(users)
      .set({ email: taken, emailVerifiedAt: new Date() })
      .where(eq(users.id, owner.id));
    const { caller, user } = await signedInCaller();

    // The request step answers as for any address.
    const { sent, code } = await requestAddCode(caller, taken, ip);
    expect(sent.body.sentTo).toBe(taken);
    const refused = await post('/api/me/email/verify', { email: taken, code }, { caller, ip, lang: 'en' });
    expect(refused).toMatchObject({ status: 409, body: { code: 'email_in_use' } });
    expect(refused.body.title).toMatch(/used by another account/);
    const [row] = await test.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row?.email).toBeNull();
    expect(await codeRow(taken)).toMatchObject({ consumedAt: null, attempts: 0 });
    expect((await refusals(taken)).at(-1)).toBe('email_in_use');
  });

  it("a code for one account's address does not work for another account, nor for sign-in", async () => {
    const ip = clientIp();
    const email = address('scoped');
    const a = await signedInCaller();
    const b = await signedInCaller();
    const { code } = await requestAddCode(a.caller, email, ip);
    const asB = await post('/api/me/email/verify', { email, code }, { caller: b.caller, ip });
    expect(asB.body.code).toBe('email_code_unavailable');
    expect((await verify({ email, code, displayName: '横取り' }, ip)).body.code).toBe(
      'email_code_unavailable',
    );
    expect((await post('/api/me/email/verify', { email, code }, { caller: a.caller, ip })).status).toBe(200);
  });

  it('needs a signed-in person', async () => {
    const ip = clientIp();
    expect((await readEmail(signedOut)).status).toBe(401);
    expect((await post('/api/me/email/code', { email: address('anon') }, { ip })).status).toBe(401);
    expect(
      (await post('/api/me/email/verify', { email: address('anon'), code: '123456' }, { ip })).status,
    ).toBe(401);
  });
});
