import { beforeAll, describe, expect, it } from 'vitest';
import { makeCrl } from './test-pki.ts';
import { at, caName, makeTestPki, type TestPki } from './test-scenario.ts';
import { prepareJpkiTrust } from './trust.ts';
import { verifyJpkiProof } from './verify-certificate.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await makeTestPki();
});

const refusal = (reason: string) => ({ ok: false, reason });
const verifyWith = (crls: Uint8Array[], leaf = pki.leaf()) =>
  verifyJpkiProof(pki.proof(leaf), pki.options(pki.trust(crls)));

describe('revocation by a configured CRL', () => {
  it('accepts a certificate a current CRL does not list', () => {
    expect(verifyWith([pki.crl({ revoked: [7, 8] })]).ok).toBe(true);
  });

  it('refuses a revoked certificate', () => {
    expect(verifyWith([pki.crl({ revoked: [7, 100] })])).toEqual(refusal('certificate_revoked'));
  });

  it('refuses when the CRL is stale (nextUpdate passed), as revocation status is then unknown', () => {
    expect(verifyWith([pki.crl({ thisUpdate: at(-10), nextUpdate: at(-1) })])).toEqual(refusal('crl_stale'));
  });

  it('refuses a CRL without nextUpdate as stale', () => {
    const crl = makeCrl({ issuer: caName, signingKey: pki.root.privateKey, thisUpdate: at(-1) });
    expect(verifyWith([crl])).toEqual(refusal('crl_stale'));
  });

  it('refuses a CRL from the future (a clock or feed problem)', () => {
    expect(verifyWith([pki.crl({ thisUpdate: at(1), nextUpdate: at(3) })])).toEqual(
      refusal('crl_not_yet_valid'),
    );
  });

  it('refuses when the only CRL naming the CA is signed by a different key', () => {
    const forged = pki.crl({ signingKey: pki.stranger.privateKey });
    expect(verifyWith([forged])).toEqual(refusal('crl_signature_invalid'));
  });

  it('ignores a forged CRL when a genuine one is also configured', () => {
    const forged = pki.crl({ signingKey: pki.stranger.privateKey, thisUpdate: at(-0.5) });
    expect(verifyWith([forged, pki.crl({ revoked: [100] })])).toEqual(refusal('certificate_revoked'));
    expect(verifyWith([pki.crl(), forged]).ok).toBe(true);
  });

  it('refuses when no CRL covers the CA', () => {
    expect(verifyWith([])).toEqual(refusal('crl_missing'));
    const otherCa = makeCrl({
      issuer: 'Another CA',
      signingKey: pki.root.privateKey,
      thisUpdate: at(-1),
      nextUpdate: at(1),
    });
    expect(verifyWith([otherCa])).toEqual(refusal('crl_missing'));
  });

  it('uses the newest CRL: an older one that predates a revocation does not hide it', () => {
    const older = pki.crl({ thisUpdate: at(-3), nextUpdate: at(1) });
    const newer = pki.crl({ thisUpdate: at(-1), nextUpdate: at(1), revoked: [100] });
    expect(verifyWith([older, newer])).toEqual(refusal('certificate_revoked'));
    expect(verifyWith([newer, older])).toEqual(refusal('certificate_revoked'));
  });

  it('matches a partitioned CRL to the certificate’s distribution point', () => {
    const leaf = pki.leaf({ crlDistributionPoint: 'ldap://crl.example/City-1' });
    const ownPartition = pki.crl({ partition: 'ldap://crl.example/City-1', revoked: [100] });
    const otherPartition = pki.crl({ partition: 'ldap://crl.example/City-2' });
    expect(verifyWith([otherPartition], leaf)).toEqual(refusal('crl_missing'));
    expect(verifyWith([otherPartition, ownPartition], leaf)).toEqual(refusal('certificate_revoked'));
  });
});

describe('prepareJpkiTrust', () => {
  it('refuses a configuration without a CA certificate, or with a CRL that does not parse', () => {
    expect(() => prepareJpkiTrust({ anchors: [], crls: [] })).toThrow(/CA certificates/);
    expect(() => prepareJpkiTrust({ anchors: [pki.leaf()], crls: [] })).toThrow(/CA certificates/);
    expect(() => prepareJpkiTrust({ anchors: [pki.rootDer], crls: [Uint8Array.from([1, 2, 3])] })).toThrow(
      /CRL/,
    );
  });

  it('reads a PEM bundle holding several CA certificates', () => {
    const bundle = [pki.rootDer, pki.rootDer].map((der) => Buffer.from(der).toString('base64'));
    const pem = bundle.map((b) => `-----BEGIN CERTIFICATE-----\n${b}\n-----END CERTIFICATE-----`).join('\n');
    expect(prepareJpkiTrust({ anchors: [pem], crls: [] }).anchors).toHaveLength(2);
  });
});
