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
import {
  hanako,
  jpkiAttributes,
  makeCertificate,
  toPem,
  usage,
  type CardHolder,
  type CertificateSpec,
} from './test-pki.ts';
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

// — The CRL feed —

const revokedSerial = 666;
const freshCrl = () => pki.crl({ revoked: [revokedSerial] });
/** DER, as a CRL feed delivers it; the loader reloads a file that changes. */
const writeCrl = (der: Uint8Array) => writeFile(crlFile, der);

/** Runs `scenario` while the feed serves this CRL, then puts a fresh CRL back. */
async function whileCrlIs(crl: Uint8Array, scenario: () => Promise<void>) {
  await writeCrl(crl);
  try {
    await scenario();
  } finally {
    await writeCrl(freshCrl());
  }
}

// — Cards and certificates —

let serials = 200;
/** A signature certificate with a serial of its own; by default Hanako's, valid, signed by the CA. */
const certificate = (spec: Partial<CertificateSpec> & { holder?: CardHolder } = {}) =>
  pki.leaf({ serial: nextSerial(), ...spec });
const nextSerial = () => (serials += 1);

/** One holder per successful test: one person binds to one account. */
let people = 0;
function person(): CardHolder {
  people += 1;
  return { ...hanako, name: `熊本\u3000花子${'一二三四五六七八九十'[people - 1] ?? people}` };
}
/** The certificate of someone who has not verified any account yet. */
const newPersonsCertificate = () => certificate({ holder: person() });

// — The challenge → sign → verify exchange —

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

interface Issued {
  challenge: string;
  signedText: string;
  expiresAt: string;
}

/** The body of POST /api/identity/jpki/verify. */
type CardAnswer = ReturnType<typeof answer>;

async function post(url: string, userId: string | undefined, payload?: object) {
  const caller = await callerFor(test, userId);
  return test.app.inject({ method: 'POST', url, headers: caller.headers, ...(payload ? { payload } : {}) });
}

/** A new account, signed in, not verified yet. */
const newResident = async () => (await createUser(test.database.db)).id;

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

/** Asks for a challenge for this account and has the card answer it with this certificate. */
async function cardAnswer(userId: string, certificate: Uint8Array, signer?: KeyObject): Promise<CardAnswer> {
  return answer(await challengeFor(userId), certificate, signer);
}

const verify = (userId: string, body: object) => post('/api/identity/jpki/verify', userId, body);

/** The whole exchange with this certificate, which must succeed. */
async function verifiedWith(userId: string, certificate: Uint8Array) {
  const response = await verify(userId, await cardAnswer(userId, certificate));
  expect(response.statusCode).toBe(200);
  return response;
}

/** The signature with one byte flipped. */
function tampered(signature: string, index: number): string {
  const bytes = Buffer.from(signature, 'base64');
  bytes[index] = (bytes[index] ?? 0) ^ 0xff;
  return b64(bytes);
}

// — What a refusal must look like —

interface Refusal {
  status: number;
  code: string;
  /** The adapter's reason, recorded in the audit event. */
  reason: string;
}

const challengeUsedUp: Refusal = {
  status: 409,
  code: 'jpki_challenge_used',
  reason: 'challenge_unknown_or_used',
};
const malformedAnswer: Refusal = { status: 400, code: 'jpki_malformed', reason: 'input_malformed' };
const signatureInvalid: Refusal = {
  status: 422,
  code: 'jpki_signature_invalid',
  reason: 'signature_invalid',
};

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
  expected: Refusal,
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

/** This account sends this body to verify, and is refused as expected (see expectRefused). */
const expectAnswerRefused = (userId: string, body: object, expected: Refusal) =>
  expectRefused(userId, () => verify(userId, body), expected);

/** A new resident answers a fresh challenge with this certificate, and is refused as expected. */
async function expectCardRefused(certificate: Uint8Array, expected: Refusal, signer?: KeyObject) {
  const userId = await newResident();
  return expectAnswerRefused(userId, await cardAnswer(userId, certificate, signer), expected);
}

/** Every row of every table, as one text. */
async function databaseDump(): Promise<string> {
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
  return dump;
}

describe('JPKI over HTTP: success', () => {
  it('says the path is offered, and issues a challenge with the exact text to sign', async () => {
    const offered = await test.app.inject({ method: 'GET', url: '/api/identity/jpki' });
    expect(offered.json()).toEqual({ offered: true, challengeTtlSeconds: 300 });
    const issued = await challengeFor(await newResident());
    expect(issued).toEqual({
      challenge: expect.stringMatching(/^[\w-]{43}$/) as unknown,
      signedText: `kumamoto-app jpki-identity v1 ${issued.challenge}`,
      signatureAlgorithm: 'RSASSA-PKCS1-v1_5 SHA-256',
      expiresAt: new Date(testNow.getTime() + challengeTtlMs).toISOString(),
    });
  });

  it('verifies the account with the certificate’s four items and derives the district', async () => {
    const user = await newResident();
    const response = await verifiedWith(user, newPersonsCertificate());
    expect(response.json()).toEqual({
      identity: 'verified',
      changedFields: ['name', 'address', 'birthDate', 'gender'],
      substituted: { name: false, address: false },
      schoolDistrict: { code: 'keitoku', source: 'address' },
    });
    expect((await snapshot(user)).user).toMatchObject({
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
      ...(await callerFor(test, user)),
    });
    expect(session.json()).toMatchObject({ user: { identity: 'verified' } });
  });

  it('keeps no trace of the raw certificate anywhere in the database', async () => {
    const user = await newResident();
    const der = newPersonsCertificate();
    const body = await cardAnswer(user, der);
    expect((await verify(user, body)).statusCode).toBe(200);

    const dump = await databaseDump();
    const hex = Buffer.from(der).toString('hex');
    for (let i = 0; i + 32 <= body.certificate.length; i += 32) {
      expect(dump).not.toContain(body.certificate.slice(i, i + 32));
    }
    for (let i = 0; i + 32 <= hex.length; i += 32) expect(dump).not.toContain(hex.slice(i, i + 32));
    expect(dump).not.toContain(body.signature.slice(0, 32));
    expect(dump).not.toContain(body.challenge);
  });

  it('accepts a renewed card (new certificate, same name and birth date) on the same account', async () => {
    const user = await newResident();
    const holder = person();
    await verifiedWith(user, certificate({ holder }));
    const renewed = await verifiedWith(user, certificate({ holder, notBefore: at(-1) }));
    expect(renewed.json()).toMatchObject({ changedFields: [] });
    expect((await snapshot(user)).bindings).toHaveLength(2);

    // The same person on another account is refused, and the city resolves it.
    await expectCardRefused(certificate({ holder }), {
      status: 409,
      code: 'identity_already_bound',
      reason: 'identity_already_bound',
    });
  });

  it('updates the address and the district when a resident re-verifies after moving', async () => {
    const user = await newResident();
    const holder = person();
    await verifiedWith(user, certificate({ holder }));
    const moved = { ...holder, address: '熊本県熊本市西区春日１丁目１４番１号' };
    const response = await verifiedWith(user, certificate({ holder: moved }));
    expect(response.json()).toMatchObject({ changedFields: ['address'], schoolDistrict: { code: 'kasuga' } });
    expect((await snapshot(user)).user).toMatchObject({
      cardAddress: '熊本県熊本市西区春日１丁目１４番１号',
      schoolDistrictCode: 'kasuga',
    });
  });

  it('lets exactly one of two simultaneous sends of one answer through', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, newPersonsCertificate());
    const responses = await Promise.all([verify(user, body), verify(user, body)]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });
});

describe('JPKI over HTTP: every refusal is clear, audited, and changes nothing', () => {
  it('refuses a certificate from an unknown CA', async () => {
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
    await expectCardRefused(stranger, {
      status: 422,
      code: 'jpki_certificate_untrusted',
      reason: 'untrusted_chain',
    });
  });

  it('refuses an expired certificate', async () => {
    const expired = certificate({ notBefore: at(-400), notAfter: at(-1) });
    const response = await expectCardRefused(expired, {
      status: 422,
      code: 'jpki_certificate_expired',
      reason: 'certificate_expired',
    });
    expect(response.json<{ title: string }>().title).toContain('更新');
  });

  it('refuses a certificate that is not valid yet', async () => {
    await expectCardRefused(certificate({ notBefore: at(1), notAfter: at(400) }), {
      status: 422,
      code: 'jpki_certificate_not_yet_valid',
      reason: 'certificate_not_yet_valid',
    });
  });

  it('refuses a revoked certificate', async () => {
    await expectCardRefused(pki.leaf({ serial: revokedSerial }), {
      status: 422,
      code: 'jpki_certificate_revoked',
      reason: 'certificate_revoked',
    });
  });

  it('refuses a tampered signature, and the challenge cannot be retried', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, newPersonsCertificate());
    await expectAnswerRefused(user, { ...body, signature: tampered(body.signature, 10) }, signatureInvalid);
    await expectAnswerRefused(user, body, challengeUsedUp);
  });

  it('refuses a signature by another key over the right challenge', async () => {
    await expectCardRefused(certificate(), signatureInvalid, pki.stranger.privateKey);
  });

  it('refuses a replayed answer', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, newPersonsCertificate());
    expect((await verify(user, body)).statusCode).toBe(200);
    await expectAnswerRefused(user, body, challengeUsedUp);
  });

  it('refuses an answer to an expired challenge', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, certificate());
    test.clock.advance(challengeTtlMs + 1000);
    try {
      await expectAnswerRefused(user, body, {
        status: 410,
        code: 'jpki_challenge_expired',
        reason: 'challenge_expired',
      });
    } finally {
      test.clock.set(testNow.toISOString());
    }
  });

  it('refuses a challenge issued to another account', async () => {
    const [owner, thief] = [await newResident(), await newResident()];
    const body = await cardAnswer(owner, certificate());
    await expectAnswerRefused(thief, body, challengeUsedUp);
  });

  it('refuses while the configured CRL is stale, and recovers when the feed replaces the file', async () => {
    const user = await newResident();
    const der = newPersonsCertificate();
    const stale = pki.crl({ thisUpdate: at(-10), nextUpdate: at(-1), revoked: [revokedSerial] });
    await whileCrlIs(stale, async () => {
      const response = await expectAnswerRefused(user, await cardAnswer(user, der), {
        status: 503,
        code: 'jpki_revocation_unavailable',
        reason: 'crl_stale',
      });
      expect(response.json<{ title: string }>().title).toContain('しばらく');
    });
    await verifiedWith(user, der);
  });

  it('refuses while the CRL is not valid yet (a clock or feed problem)', async () => {
    const early = pki.crl({ thisUpdate: at(1), nextUpdate: at(3), revoked: [revokedSerial] });
    await whileCrlIs(early, async () => {
      await expectCardRefused(certificate(), {
        status: 503,
        code: 'jpki_revocation_unavailable',
        reason: 'crl_not_yet_valid',
      });
    });
  });

  it('refuses a certificate that is not a signature certificate', async () => {
    await expectCardRefused(certificate({ keyUsage: usage.authentication }), {
      status: 422,
      code: 'jpki_wrong_certificate',
      reason: 'key_usage_invalid',
    });
  });

  it('refuses a certificate missing one of the four items', async () => {
    const { birthDate: _omitted, ...withoutBirthDate } = hanako;
    await expectCardRefused(certificate({ holder: withoutBirthDate }), {
      status: 422,
      code: 'jpki_card_data_invalid',
      reason: 'attribute_missing',
    });
  });

  it('refuses an item that looks like a 12-digit individual number (R-ID-3)', async () => {
    const holder = { ...hanako, address: '熊本県熊本市中央区手取本町1番1号 1234 5678 9012' };
    await expectCardRefused(certificate({ holder }), {
      status: 422,
      code: 'jpki_individual_number_suspected',
      reason: 'individual_number_suspected',
    });
  });

  it('refuses bytes that are not base64, using the challenge up', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, certificate());
    await expectAnswerRefused(user, { ...body, certificate: 'not base64 at all!' }, malformedAnswer);
    await expectAnswerRefused(user, body, challengeUsedUp);
  });

  it('refuses base64 that is not a certificate', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, certificate());
    await expectAnswerRefused(user, { ...body, certificate: b64(Buffer.from('hello')) }, malformedAnswer);
  });

  it('refuses a body that is not an answer at all (a field missing, one too long), using the challenge up', async () => {
    const user = await newResident();
    const body = await cardAnswer(user, certificate());
    const { signature: _missing, ...withoutSignature } = body;
    await expectAnswerRefused(user, withoutSignature, malformedAnswer);
    await expectAnswerRefused(user, body, challengeUsedUp);
    const next = await cardAnswer(user, pki.leaf());
    await expectAnswerRefused(user, { ...next, certificate: 'A'.repeat(20_000) }, malformedAnswer);
  });

  it('answers in English when asked', async () => {
    const caller = await callerFor(test, await newResident());
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
