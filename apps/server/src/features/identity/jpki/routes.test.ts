import { sign, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/client.ts';
import { auditEvents, identityBindings, users, verificationEvents } from '../../../db/schema.ts';
import { callerFor, createUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createTestDatabase } from '../../../test/test-database.ts';
import { replaceSchoolDistricts } from '../../school-districts/replace-school-districts.ts';
import { challengeTtlMs } from './challenge.ts';
import { hanako, jpkiAttributes, makeCertificate, toPem, usage, type CardHolder } from './test-pki.ts';
import { at, makeTestPki, testNow, type TestPki } from './test-scenario.ts';

/**
 * The JPKI path over HTTP, as a native wrapper or a PC card reader uses it, against a CA,
 * certificates and CRLs generated in this run and configured through the real files.
 */
let pki: TestPki;
let folder: string;
let crlFile: string;
let test: TestApp;

beforeAll(async () => {
  pki = await makeTestPki();
  folder = await mkdtemp(join(tmpdir(), 'kma-jpki-'));
  const caFile = join(folder, 'jpki-ca.pem');
  crlFile = join(folder, 'jpki.crl');
  await writeFile(caFile, toPem(pki.rootDer, 'CERTIFICATE'));
  await writeCrl(freshCrl());
  test = await createTestApp({
    now: testNow.toISOString(),
    env: { JPKI_CA_CERTS_FILE: caFile, JPKI_CRL_FILES: crlFile },
  });
  await replaceSchoolDistricts(
    test.database.db,
    {
      districts: [
        { code: 'keitoku', nameJa: '慶徳校区', nameEn: 'Keitoku' },
        { code: 'kasuga', nameJa: '春日校区', nameEn: 'Kasuga' },
      ],
      prefixes: [
        { prefix: '中央区手取本町', districtCode: 'keitoku' },
        { prefix: '西区春日', districtCode: 'kasuga' },
      ],
    },
    { source: 'test' },
  );
});
afterAll(async () => {
  await test?.close();
  await rm(folder, { recursive: true, force: true });
});

const revokedSerial = 666;
const freshCrl = () => pki.crl({ revoked: [revokedSerial] });
/** DER, as a CRL feed delivers it; the loader reloads a file that changes. */
const writeCrl = (der: Uint8Array) => writeFile(crlFile, der);

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface Issued {
  challenge: string;
  signedText: string;
  expiresAt: string;
}

async function post(url: string, userId: string | undefined, payload?: object) {
  const caller = await callerFor(test, userId);
  return test.app.inject({ method: 'POST', url, headers: caller.headers, ...(payload ? { payload } : {}) });
}

async function challengeFor(userId: string): Promise<Issued> {
  const response = await post('/api/identity/jpki/challenge', userId);
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** What the card returns: it signs the UTF-8 bytes of signedText with its private key. */
function answer(issued: Issued, certificate: Uint8Array, signer: KeyObject = pki.card.privateKey) {
  return {
    certificate: b64(certificate),
    signature: b64(sign('sha256', Buffer.from(issued.signedText, 'utf8'), signer)),
    challenge: issued.challenge,
  };
}

const verify = (userId: string, body: object) => post('/api/identity/jpki/verify', userId, body);

/** One holder per successful test: one person binds to one account. */
let people = 0;
function person(): CardHolder {
  people += 1;
  return { ...hanako, name: `熊本\u3000花子${'一二三四五六七八九十'[people - 1] ?? people}` };
}
let serials = 200;
const nextSerial = () => (serials += 1);

async function snapshot(userId: string) {
  const db = test.database.db;
  return {
    user: (await db.select().from(users).where(eq(users.id, userId)))[0],
    bindings: await db.select().from(identityBindings).where(eq(identityBindings.userId, userId)),
    events: await db.select().from(verificationEvents).where(eq(verificationEvents.userId, userId)),
  };
}

/** Refused with this status and code, audited with the exact reason, and nothing changed. */
async function expectRefused(
  userId: string,
  request: () => Promise<LightMyRequestResponse>,
  expected: { status: number; code: string; reason: string },
) {
  const before = await snapshot(userId);
  const response = await request();
  expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
    status: expected.status,
    code: expected.code,
  });
  expect(response.json<{ title: string }>().title).not.toBe('');
  const audit = await test.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, userId), eq(auditEvents.action, 'identity.jpki_refused')));
  expect(audit.at(-1)).toMatchObject({
    actorUserId: userId,
    reason: expected.code,
    details: expect.objectContaining({ adapter: 'jpki', reason: expected.reason }) as unknown,
  });
  expect(await snapshot(userId)).toEqual(before);
  return response;
}

describe('JPKI over HTTP: success', () => {
  it('says the path is offered, and issues a challenge with the exact text to sign', async () => {
    const offered = await test.app.inject({ method: 'GET', url: '/api/identity/jpki' });
    expect(offered.json()).toEqual({ offered: true, challengeTtlSeconds: 300 });
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    expect(issued).toEqual({
      challenge: expect.stringMatching(/^[\w-]{43}$/) as unknown,
      signedText: `kumamoto-app jpki-identity v1 ${issued.challenge}`,
      signatureAlgorithm: 'RSASSA-PKCS1-v1_5 SHA-256',
      expiresAt: new Date(testNow.getTime() + challengeTtlMs).toISOString(),
    });
  });

  it('verifies the account with the certificate’s four items and derives the district', async () => {
    const user = await createUser(test.database.db);
    const certificate = pki.leaf({ serial: nextSerial(), holder: person() });
    const response = await verify(user.id, answer(await challengeFor(user.id), certificate));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      identity: 'verified',
      changedFields: ['name', 'address', 'birthDate', 'gender'],
      substituted: { name: false, address: false },
      schoolDistrict: { code: 'keitoku', source: 'address' },
    });
    expect((await snapshot(user.id)).user).toMatchObject({
      identityLevel: 'verified',
      cardName: '熊本\u3000花子一',
      cardAddress: '熊本県熊本市中央区手取本町1番1号',
      cardBirthDate: '1990-04-01',
      cardGender: 'female',
      verifiedAt: testNow,
      schoolDistrictCode: 'keitoku',
      schoolDistrictSource: 'address',
    });
    const session = await test.app.inject({
      method: 'GET',
      url: '/api/session',
      ...(await callerFor(test, user.id)),
    });
    expect(session.json()).toMatchObject({ user: { identity: 'verified' } });
  });

  it('keeps no trace of the raw certificate anywhere in the database', async () => {
    const user = await createUser(test.database.db);
    const certificate = pki.leaf({ serial: nextSerial(), holder: person() });
    const body = answer(await challengeFor(user.id), certificate);
    expect((await verify(user.id, body)).statusCode).toBe(200);

    const tables = await queryRows<{ name: string }>(
      test.database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
    );
    let dump = '';
    for (const { name } of tables) {
      const [row] = await queryRows<{ rows: string }>(
        test.database.db,
        sql`select coalesce(json_agg(t), '[]')::text as rows from ${sql.identifier(name)} t`,
      );
      dump += row?.rows ?? '';
    }
    const hex = Buffer.from(certificate).toString('hex');
    for (let i = 0; i + 32 <= body.certificate.length; i += 32) {
      expect(dump).not.toContain(body.certificate.slice(i, i + 32));
    }
    for (let i = 0; i + 32 <= hex.length; i += 32) expect(dump).not.toContain(hex.slice(i, i + 32));
    expect(dump).not.toContain(body.signature.slice(0, 32));
    expect(dump).not.toContain(body.challenge);
  });

  it('accepts a renewed card (new certificate, same name and birth date) on the same account', async () => {
    const user = await createUser(test.database.db);
    const holder = person();
    const first = pki.leaf({ serial: nextSerial(), holder });
    expect((await verify(user.id, answer(await challengeFor(user.id), first))).statusCode).toBe(200);
    const renewed = pki.leaf({ serial: nextSerial(), holder, notBefore: at(-1) });
    const again = await verify(user.id, answer(await challengeFor(user.id), renewed));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ changedFields: [] });
    expect((await snapshot(user.id)).bindings).toHaveLength(2);

    // The same person on another account is refused, and the city resolves it.
    const other = await createUser(test.database.db);
    const third = pki.leaf({ serial: nextSerial(), holder });
    const issued = await challengeFor(other.id);
    await expectRefused(other.id, () => verify(other.id, answer(issued, third)), {
      status: 409,
      code: 'identity_already_bound',
      reason: 'identity_already_bound',
    });
  });

  it('updates the address and the district when a resident re-verifies after moving', async () => {
    const user = await createUser(test.database.db);
    const holder = person();
    const before = pki.leaf({ serial: nextSerial(), holder });
    expect((await verify(user.id, answer(await challengeFor(user.id), before))).statusCode).toBe(200);
    const moved = pki.leaf({
      serial: nextSerial(),
      holder: { ...holder, address: '熊本県熊本市西区春日１丁目１４番１号' },
    });
    const response = await verify(user.id, answer(await challengeFor(user.id), moved));
    expect(response.json()).toMatchObject({ changedFields: ['address'], schoolDistrict: { code: 'kasuga' } });
    expect((await snapshot(user.id)).user).toMatchObject({
      cardAddress: '熊本県熊本市西区春日１丁目１４番１号',
      schoolDistrictCode: 'kasuga',
    });
  });

  it('lets exactly one of two simultaneous sends of one answer through', async () => {
    const user = await createUser(test.database.db);
    const body = answer(await challengeFor(user.id), pki.leaf({ serial: nextSerial(), holder: person() }));
    const responses = await Promise.all([verify(user.id, body), verify(user.id, body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('JPKI over HTTP: every refusal is clear, audited, and changes nothing', () => {
  it('refuses a certificate from an unknown CA', async () => {
    const user = await createUser(test.database.db);
    const stranger = makeCertificate({
      subject: 'card-holder',
      issuer: 'Unknown Signature CA',
      publicKey: pki.card.publicKey,
      signingKey: pki.stranger.privateKey,
      serial: nextSerial(),
      notBefore: at(-30),
      notAfter: at(365),
      keyUsage: usage.signature,
      otherNames: jpkiAttributes(hanako),
    });
    const issued = await challengeFor(user.id);
    await expectRefused(user.id, () => verify(user.id, answer(issued, stranger)), {
      status: 422,
      code: 'jpki_certificate_untrusted',
      reason: 'untrusted_chain',
    });
  });

  it('refuses an expired certificate', async () => {
    const user = await createUser(test.database.db);
    const expired = pki.leaf({ serial: nextSerial(), notBefore: at(-400), notAfter: at(-1) });
    const issued = await challengeFor(user.id);
    const response = await expectRefused(user.id, () => verify(user.id, answer(issued, expired)), {
      status: 422,
      code: 'jpki_certificate_expired',
      reason: 'certificate_expired',
    });
    expect(response.json<{ title: string }>().title).toContain('更新');
  });

  it('refuses a certificate that is not valid yet', async () => {
    const user = await createUser(test.database.db);
    const early = pki.leaf({ serial: nextSerial(), notBefore: at(1), notAfter: at(400) });
    const issued = await challengeFor(user.id);
    await expectRefused(user.id, () => verify(user.id, answer(issued, early)), {
      status: 422,
      code: 'jpki_certificate_not_yet_valid',
      reason: 'certificate_not_yet_valid',
    });
  });

  it('refuses a revoked certificate', async () => {
    const user = await createUser(test.database.db);
    const revoked = pki.leaf({ serial: revokedSerial });
    const issued = await challengeFor(user.id);
    await expectRefused(user.id, () => verify(user.id, answer(issued, revoked)), {
      status: 422,
      code: 'jpki_certificate_revoked',
      reason: 'certificate_revoked',
    });
  });

  it('refuses a tampered signature, and the challenge cannot be retried', async () => {
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    const body = answer(issued, pki.leaf({ serial: nextSerial(), holder: person() }));
    const bytes = Buffer.from(body.signature, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 0xff;
    await expectRefused(user.id, () => verify(user.id, { ...body, signature: b64(bytes) }), {
      status: 422,
      code: 'jpki_signature_invalid',
      reason: 'signature_invalid',
    });
    await expectRefused(user.id, () => verify(user.id, body), {
      status: 409,
      code: 'jpki_challenge_used',
      reason: 'challenge_unknown_or_used',
    });
  });

  it('refuses a signature by another key over the right challenge', async () => {
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    const certificate = pki.leaf({ serial: nextSerial() });
    await expectRefused(
      user.id,
      () => verify(user.id, answer(issued, certificate, pki.stranger.privateKey)),
      {
        status: 422,
        code: 'jpki_signature_invalid',
        reason: 'signature_invalid',
      },
    );
  });

  it('refuses a replayed answer', async () => {
    const user = await createUser(test.database.db);
    const body = answer(await challengeFor(user.id), pki.leaf({ serial: nextSerial(), holder: person() }));
    expect((await verify(user.id, body)).statusCode).toBe(200);
    await expectRefused(user.id, () => verify(user.id, body), {
      status: 409,
      code: 'jpki_challenge_used',
      reason: 'challenge_unknown_or_used',
    });
  });

  it('refuses an answer to an expired challenge', async () => {
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    test.clock.advance(challengeTtlMs + 1000);
    try {
      await expectRefused(
        user.id,
        () => verify(user.id, answer(issued, pki.leaf({ serial: nextSerial() }))),
        {
          status: 410,
          code: 'jpki_challenge_expired',
          reason: 'challenge_expired',
        },
      );
    } finally {
      test.clock.set(testNow.toISOString());
    }
  });

  it('refuses a challenge issued to another account', async () => {
    const [owner, thief] = [await createUser(test.database.db), await createUser(test.database.db)];
    const issued = await challengeFor(owner.id);
    await expectRefused(
      thief.id,
      () => verify(thief.id, answer(issued, pki.leaf({ serial: nextSerial() }))),
      {
        status: 409,
        code: 'jpki_challenge_used',
        reason: 'challenge_unknown_or_used',
      },
    );
  });

  it('refuses while the configured CRL is stale, and recovers when the feed replaces the file', async () => {
    const user = await createUser(test.database.db);
    const certificate = pki.leaf({ serial: nextSerial(), holder: person() });
    await writeCrl(pki.crl({ thisUpdate: at(-10), nextUpdate: at(-1), revoked: [revokedSerial] }));
    try {
      const issued = await challengeFor(user.id);
      const response = await expectRefused(user.id, () => verify(user.id, answer(issued, certificate)), {
        status: 503,
        code: 'jpki_revocation_unavailable',
        reason: 'crl_stale',
      });
      expect(response.json<{ title: string }>().title).toContain('しばらく');
    } finally {
      await writeCrl(freshCrl());
    }
    expect((await verify(user.id, answer(await challengeFor(user.id), certificate))).statusCode).toBe(200);
  });

  it('refuses while the CRL is not valid yet (a clock or feed problem)', async () => {
    const user = await createUser(test.database.db);
    await writeCrl(pki.crl({ thisUpdate: at(1), nextUpdate: at(3), revoked: [revokedSerial] }));
    try {
      const issued = await challengeFor(user.id);
      await expectRefused(
        user.id,
        () => verify(user.id, answer(issued, pki.leaf({ serial: nextSerial() }))),
        {
          status: 503,
          code: 'jpki_revocation_unavailable',
          reason: 'crl_not_yet_valid',
        },
      );
    } finally {
      await writeCrl(freshCrl());
    }
  });

  it('refuses a certificate that is not a signature certificate', async () => {
    const user = await createUser(test.database.db);
    const authentication = pki.leaf({ serial: nextSerial(), keyUsage: usage.authentication });
    const issued = await challengeFor(user.id);
    await expectRefused(user.id, () => verify(user.id, answer(issued, authentication)), {
      status: 422,
      code: 'jpki_wrong_certificate',
      reason: 'key_usage_invalid',
    });
  });

  it('refuses a certificate missing one of the four items', async () => {
    const user = await createUser(test.database.db);
    const { birthDate: _omitted, ...withoutBirthDate } = hanako;
    const certificate = pki.leaf({ serial: nextSerial(), holder: withoutBirthDate });
    const issued = await challengeFor(user.id);
    await expectRefused(user.id, () => verify(user.id, answer(issued, certificate)), {
      status: 422,
      code: 'jpki_card_data_invalid',
      reason: 'attribute_missing',
    });
  });

  it('refuses an item that looks like a 12-digit individual number (R-ID-3)', async () => {
    const user = await createUser(test.database.db);
    const holder = { ...hanako, address: '熊本県熊本市中央区手取本町1番1号 1234 5678 9012' };
    const issued = await challengeFor(user.id);
    await expectRefused(
      user.id,
      () => verify(user.id, answer(issued, pki.leaf({ serial: nextSerial(), holder }))),
      {
        status: 422,
        code: 'jpki_individual_number_suspected',
        reason: 'individual_number_suspected',
      },
    );
  });

  it('refuses bytes that are not base64, using the challenge up', async () => {
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    const body = answer(issued, pki.leaf({ serial: nextSerial() }));
    await expectRefused(user.id, () => verify(user.id, { ...body, certificate: 'not base64 at all!' }), {
      status: 400,
      code: 'jpki_malformed',
      reason: 'input_malformed',
    });
    await expectRefused(user.id, () => verify(user.id, body), {
      status: 409,
      code: 'jpki_challenge_used',
      reason: 'challenge_unknown_or_used',
    });
  });

  it('refuses base64 that is not a certificate', async () => {
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    const body = answer(issued, pki.leaf({ serial: nextSerial() }));
    await expectRefused(user.id, () => verify(user.id, { ...body, certificate: b64(Buffer.from('hello')) }), {
      status: 400,
      code: 'jpki_malformed',
      reason: 'input_malformed',
    });
  });

  it('refuses a body that is not an answer at all (a field missing, one too long), using the challenge up', async () => {
    const user = await createUser(test.database.db);
    const issued = await challengeFor(user.id);
    const body = answer(issued, pki.leaf({ serial: nextSerial() }));
    const { signature: _missing, ...withoutSignature } = body;
    await expectRefused(user.id, () => verify(user.id, withoutSignature), {
      status: 400,
      code: 'jpki_malformed',
      reason: 'input_malformed',
    });
    await expectRefused(user.id, () => verify(user.id, body), {
      status: 409,
      code: 'jpki_challenge_used',
      reason: 'challenge_unknown_or_used',
    });
    const next = await challengeFor(user.id);
    await expectRefused(
      user.id,
      () => verify(user.id, { ...answer(next, pki.leaf()), certificate: 'A'.repeat(20_000) }),
      {
        status: 400,
        code: 'jpki_malformed',
        reason: 'input_malformed',
      },
    );
  });

  it('answers in English when asked', async () => {
    const user = await createUser(test.database.db);
    const caller = await callerFor(test, user.id);
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/identity/jpki/verify',
      headers: { ...caller.headers, 'accept-language': 'en' },
      payload: answer({ challenge: 'x'.repeat(43), signedText: 'x', expiresAt: '' }, pki.leaf()),
    });
    expect(response.json()).toMatchObject({
      code: 'jpki_challenge_used',
      title: 'This check has already been used or belongs to another account. Please start again.',
    });
  });

  it('needs a signed-in account', async () => {
    expect((await post('/api/identity/jpki/challenge', undefined)).statusCode).toBe(401);
    const body = { certificate: 'AAAA', signature: 'AAAA', challenge: 'x'.repeat(43) };
    expect((await post('/api/identity/jpki/verify', undefined, body)).statusCode).toBe(401);
  });
});

describe('JPKI configuration', () => {
  it('answers "not offered here" when no CA file is configured', async () => {
    const plain = await createTestApp();
    try {
      const user = await createUser(plain.database.db);
      const caller = await callerFor(plain, user.id);
      expect((await plain.app.inject({ method: 'GET', url: '/api/identity/jpki' })).json()).toMatchObject({
        offered: false,
      });
      for (const url of ['/api/identity/jpki/challenge', '/api/identity/jpki/verify']) {
        const response = await plain.app.inject({
          method: 'POST',
          url,
          headers: caller.headers,
          payload: { certificate: 'AAAA', signature: 'AAAA', challenge: 'x'.repeat(43) },
        });
        expect({ status: response.statusCode, code: response.json<{ code: string }>().code }).toEqual({
          status: 404,
          code: 'jpki_not_offered',
        });
      }
    } finally {
      await plain.close();
    }
  });

  it('refuses to start with a CA file or CRL that cannot be read, naming it', async () => {
    const database = await createTestDatabase();
    try {
      const missing = join(folder, 'missing-ca.pem');
      await expect(
        createTestApp({ database, env: { JPKI_CA_CERTS_FILE: missing, JPKI_CRL_FILES: crlFile } }),
      ).rejects.toThrow(missing);
      const notCa = join(folder, 'leaf.pem');
      await writeFile(notCa, toPem(pki.leaf(), 'CERTIFICATE'));
      await expect(createTestApp({ database, env: { JPKI_CA_CERTS_FILE: notCa } })).rejects.toThrow(
        /CA certificates/,
      );
    } finally {
      await database.close();
    }
  });
});
