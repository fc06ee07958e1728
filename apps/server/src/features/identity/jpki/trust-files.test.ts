import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPem } from './test-pki.ts';
import { at, makeTestPki, type TestPki } from './test-scenario.ts';
import { jpkiTrustFromFiles } from './trust-files.ts';

let pki: TestPki;
let folder: string;
beforeAll(async () => {
  pki = await makeTestPki();
  folder = await mkdtemp(join(tmpdir(), 'kma-jpki-trust-'));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('jpkiTrustFromFiles', () => {
  it('reads a PEM CA bundle and DER or PEM CRLs', async () => {
    const ca = join(folder, 'bundle.pem');
    const [der, pem] = [join(folder, 'a.crl'), join(folder, 'b.crl.pem')];
    await writeFile(ca, toPem(pki.rootDer, 'CERTIFICATE') + toPem(pki.rootDer, 'CERTIFICATE'));
    await writeFile(der, pki.crl());
    await writeFile(pem, toPem(pki.crl({ revoked: [7] }), 'X509 CRL'));
    const trust = jpkiTrustFromFiles({ caCertsFile: ca, crlFiles: [der, pem] })();
    expect(trust.anchors).toHaveLength(2);
    expect(trust.crls.map((crl) => crl.revoked.size)).toEqual([0, 1]);
  });

  it('picks up a replaced CRL, and keeps the last good one when a replacement does not parse', async () => {
    const ca = join(folder, 'ca.pem');
    const crl = join(folder, 'feed.crl');
    await writeFile(ca, toPem(pki.rootDer, 'CERTIFICATE'));
    await writeFile(crl, pki.crl({ nextUpdate: at(1) }));
    const errors: unknown[] = [];
    const trust = jpkiTrustFromFiles({ caCertsFile: ca, crlFiles: [crl] }, (e) => errors.push(e));
    expect(trust().crls[0]?.nextUpdate).toEqual(at(1));

    await writeFile(crl, pki.crl({ nextUpdate: at(2), revoked: [9] }));
    expect(trust().crls[0]?.nextUpdate).toEqual(at(2));

    await writeFile(crl, 'half-written');
    expect(trust().crls[0]?.nextUpdate).toEqual(at(2));
    expect(trust().crls[0]?.nextUpdate).toEqual(at(2));
    expect(errors).toHaveLength(1);

    await writeFile(crl, pki.crl({ nextUpdate: at(3) }));
    expect(trust().crls[0]?.nextUpdate).toEqual(at(3));
  });

  it('throws at start, naming the file, when one is missing', () => {
    const missing = join(folder, 'nope.pem');
    expect(() => jpkiTrustFromFiles({ caCertsFile: missing, crlFiles: [] })).toThrow(missing);
  });
});
