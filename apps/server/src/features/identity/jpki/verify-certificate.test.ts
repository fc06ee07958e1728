import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hanako, makeCertificate, makeCrl, rsaKeyPair, toPem, usage, type KeyPair } from './test-pki.ts';
import { at, caName, makeTestPki, testNow, type TestPki } from './test-scenario.ts';
import { verifyJpkiProof } from './verify-certificate.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const refusal = (reason: string) => ({ ok: false, reason });

describe('verifyJpkiProof: the happy path', () => {
  it('returns the four items and the binding keys (R-ID-1)', () => {
    const result = verifyJpkiProof(pki.proof(pki.leaf()), pki.options());
    expect(result).toEqual({
      ok: true,
      identity: {
        name: '熊本\u3000花子',
        address: '熊本県熊本市中央区手取本町1番1号',
        birthDate: '1990-04-01',
        gender: 'female',
        substituted: { name: false, address: false },
        bindingKey: expect.stringMatching(/^jpki-cert:v1:[\w-]{43}$/) as unknown,
        personKey: expect.stringMatching(/^jpki-person:v1:[\w-]{43}$/) as unknown,
        certificateExpiresAt: at(5 * 365),
      },
    });
  });

  it('returns no certificate bytes, key or serial: the raw certificate is not kept', () => {
    const der = pki.leaf();
    const result = verifyJpkiProof(pki.proof(der), pki.options());
    const text = JSON.stringify(result);
    const base64 = Buffer.from(der).toString('base64');
    const hex = Buffer.from(der).toString('hex');
    const modulus = pki.card.publicKey.export({ format: 'jwk' }).n ?? '';
    for (let i = 0; i + 24 <= base64.length; i += 24) expect(text).not.toContain(base64.slice(i, i + 24));
    for (let i = 0; i + 24 <= hex.length; i += 24) expect(text).not.toContain(hex.slice(i, i + 24));
    expect(text).not.toContain(modulus.slice(0, 24));
    expect(text).not.toMatch(/card-holder|BEGIN/);
  });

  it('accepts PEM as well as DER, and keeps the keys stable across both', () => {
    const der = pki.leaf();
    const fromDer = verifyJpkiProof(pki.proof(der), pki.options());
    const fromPem = verifyJpkiProof(pki.proof(toPem(der, 'CERTIFICATE')), pki.options());
    expect(fromPem.ok && fromDer.ok && fromPem.identity.bindingKey === fromDer.identity.bindingKey).toBe(
      true,
    );
  });

  it('gives a renewed certificate a new bindingKey but the same personKey', () => {
    const first = verifyJpkiProof(pki.proof(pki.leaf({ serial: 100 })), pki.options());
    const renewed = verifyJpkiProof(pki.proof(pki.leaf({ serial: 101 })), pki.options());
    const other = verifyJpkiProof(
      pki.proof(pki.leaf({ holder: { ...hanako, birthDate: '419900402' } })),
      pki.options(),
    );
    if (!first.ok || !renewed.ok || !other.ok) throw new Error('expected three verified proofs');
    expect(renewed.identity.bindingKey).not.toBe(first.identity.bindingKey);
    expect(renewed.identity.personKey).toBe(first.identity.personKey);
    expect(other.identity.personKey).not.toBe(first.identity.personKey);
  });
});

describe('verifyJpkiProof: the card signature over the challenge', () => {
  it('refuses a tampered signature (one byte flipped)', () => {
    const proof = pki.proof(pki.leaf());
    const signature = Uint8Array.from(proof.signature);
    signature[10] = (signature[10] ?? 0) ^ 0x01;
    expect(verifyJpkiProof({ ...proof, signature }, pki.options())).toEqual(refusal('signature_invalid'));
  });

  it('refuses a signature over a different challenge', () => {
    const proof = pki.proof(pki.leaf());
    const other = pki.proof(pki.leaf());
    expect(verifyJpkiProof({ ...proof, challenge: other.challenge }, pki.options())).toEqual(
      refusal('signature_invalid'),
    );
  });

  it('refuses a signature made with another key than the certificate’s', () => {
    expect(verifyJpkiProof(pki.proof(pki.leaf(), { signer: pki.stranger }), pki.options())).toEqual(
      refusal('signature_invalid'),
    );
  });

  it('refuses a non-RSA key (the JPKI profile is RSA 2048)', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const proof = pki.proof(pki.leaf({ publicKey: ec.publicKey }), { signer: ec });
    expect(verifyJpkiProof(proof, pki.options())).toEqual(refusal('unsupported_key'));
  });

  it('refuses bytes that are not a certificate', () => {
    expect(
      verifyJpkiProof(pki.proof(Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01])), pki.options()),
    ).toEqual(refusal('input_malformed'));
    expect(verifyJpkiProof(pki.proof('-----BEGIN CERTIFICATE-----\n!!\n'), pki.options())).toEqual(
      refusal('input_malformed'),
    );
  });
});

describe('verifyJpkiProof: the chain to a configured CA', () => {
  it('refuses a certificate from an unknown CA, even one using the same CA name', () => {
    const forged = pki.leaf({ signingKey: pki.stranger.privateKey });
    expect(verifyJpkiProof(pki.proof(forged), pki.options())).toEqual(refusal('untrusted_chain'));
  });

  it('refuses a forged claim: a name changed inside a genuine certificate', () => {
    const der = pki.leaf();
    const original = Buffer.from('花子');
    const at = Buffer.from(der).indexOf(original);
    const altered = Uint8Array.from(der);
    altered.set(Buffer.from('太郎'), at);
    expect(at).toBeGreaterThan(0);
    expect(verifyJpkiProof(pki.proof(altered), pki.options())).toEqual(refusal('untrusted_chain'));
  });

  it('refuses a certificate with a critical extension it does not understand', () => {
    const strange = pki.leaf({ unknownCriticalExtension: '1.2.3.4.5' });
    expect(verifyJpkiProof(pki.proof(strange), pki.options())).toEqual(refusal('untrusted_chain'));
  });

  it('refuses a CA certificate presented as the card’s', () => {
    const caAsLeaf = pki.leaf({ ca: true, keyUsage: usage.signature | usage.ca });
    expect(verifyJpkiProof(pki.proof(caAsLeaf), pki.options())).toEqual(refusal('key_usage_invalid'));
  });

  it('refuses the user-authentication certificate (digitalSignature only)', () => {
    const auth = pki.leaf({ keyUsage: usage.authentication });
    expect(verifyJpkiProof(pki.proof(auth), pki.options())).toEqual(refusal('key_usage_invalid'));
  });

  describe('through an intermediate CA', () => {
    let sub: KeyPair;
    let subDer: Uint8Array;
    beforeAll(async () => {
      sub = await rsaKeyPair();
      subDer = makeCertificate({
        ...{ subject: 'Sub CA', issuer: caName, publicKey: sub.publicKey, signingKey: pki.root.privateKey },
        ...{ serial: 2, notBefore: at(-100), notAfter: at(1000), ca: true, keyUsage: usage.ca },
      });
    });
    const leafUnderSub = () => pki.leaf({ issuer: 'Sub CA', signingKey: sub.privateKey });
    const subCrl = () =>
      makeCrl({ issuer: 'Sub CA', signingKey: sub.privateKey, thisUpdate: at(-1), nextUpdate: at(1) });

    it('accepts the chain when the client includes the intermediate, with a CRL at each level', () => {
      const trust = pki.trust([pki.crl(), subCrl()]);
      const result = verifyJpkiProof(
        pki.proof(leafUnderSub(), { intermediates: [subDer] }),
        pki.options(trust),
      );
      expect(result.ok).toBe(true);
    });

    it('refuses it without the intermediate, or without a CRL for the intermediate itself', () => {
      const trust = pki.trust([pki.crl(), subCrl()]);
      expect(verifyJpkiProof(pki.proof(leafUnderSub()), pki.options(trust))).toEqual(
        refusal('untrusted_chain'),
      );
      const onlyLeafCrl = pki.trust([subCrl()]);
      const proof = pki.proof(leafUnderSub(), { intermediates: [subDer] });
      expect(verifyJpkiProof(proof, pki.options(onlyLeafCrl))).toEqual(refusal('crl_missing'));
    });

    it('refuses an "intermediate" that is not a CA', () => {
      const notCa = makeCertificate({
        ...{ subject: 'Sub CA', issuer: caName, publicKey: sub.publicKey, signingKey: pki.root.privateKey },
        ...{ serial: 3, notBefore: at(-100), notAfter: at(1000), keyUsage: usage.signature },
      });
      const proof = pki.proof(leafUnderSub(), { intermediates: [notCa] });
      expect(verifyJpkiProof(proof, pki.options(pki.trust([pki.crl(), subCrl()])))).toEqual(
        refusal('untrusted_chain'),
      );
    });
  });
});

describe('verifyJpkiProof: validity dates', () => {
  it('refuses an expired certificate', () => {
    const expired = pki.leaf({ notBefore: at(-2000), notAfter: at(-1) });
    expect(verifyJpkiProof(pki.proof(expired), pki.options())).toEqual(refusal('certificate_expired'));
  });

  it('refuses a certificate not yet valid', () => {
    const future = pki.leaf({ notBefore: at(1), notAfter: at(2000) });
    expect(verifyJpkiProof(pki.proof(future), pki.options())).toEqual(refusal('certificate_not_yet_valid'));
  });

  it('refuses when the CA certificate itself has expired', () => {
    const oldRoot = makeCertificate({
      ...{ subject: caName, issuer: caName, publicKey: pki.root.publicKey, signingKey: pki.root.privateKey },
      ...{ serial: 1, notBefore: at(-3000), notAfter: at(-10), ca: true, keyUsage: usage.ca },
    });
    const trust = pki.trust([pki.crl()], [oldRoot]);
    expect(verifyJpkiProof(pki.proof(pki.leaf()), pki.options(trust, testNow))).toEqual(
      refusal('certificate_expired'),
    );
  });
});

describe('verifyJpkiProof: the four items', () => {
  it('refuses a certificate missing an item', () => {
    const leaf = pki.leaf({ holder: { ...hanako, address: undefined } });
    expect(verifyJpkiProof(pki.proof(leaf), pki.options())).toEqual({
      ok: false,
      reason: 'attribute_missing',
      field: 'address',
    });
  });

  it('refuses an item carrying a 12-digit number, even in a trusted certificate (R-ID-3)', () => {
    const leaf = pki.leaf({ holder: { ...hanako, address: '熊本市中央区手取本町1番1号 1234-5678-9012' } });
    expect(verifyJpkiProof(pki.proof(leaf), pki.options())).toEqual({
      ok: false,
      reason: 'individual_number_suspected',
      field: 'address',
    });
  });
});
