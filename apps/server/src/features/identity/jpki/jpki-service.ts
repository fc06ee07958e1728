import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { dbChallengeStore } from './db-challenge-store.ts';
import { jpkiTrustFromFiles } from './trust-files.ts';
import type { JpkiDeps } from './verify-challenge-response.ts';

/**
 * The JPKI path as configured: offered only when JPKI_CA_CERTS_FILE names the CA bundle
 * (and JPKI_CRL_FILES the CRLs). Files are read now, at start; a bad one stops the server.
 * Person keys use the same secret as every adapter, so one person is recognised across them.
 */
export function jpkiFromConfig(deps: AppDeps, log: FastifyBaseLogger): JpkiDeps | null {
  const { caCertsFile, crlFiles } = deps.config.jpki;
  if (caCertsFile === null) return null;
  const trust = jpkiTrustFromFiles({ caCertsFile, crlFiles }, (error) =>
    log.error({ err: error }, 'JPKI trust files changed but could not be read; keeping the previous ones'),
  );
  return {
    challenges: dbChallengeStore(deps.db, deps.clock),
    clock: deps.clock,
    trust,
    personKeySecret: deps.config.identityKeySecret,
  };
}
