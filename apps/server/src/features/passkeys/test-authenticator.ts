import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';

/**
 * A real software authenticator for tests: it holds ES256 (P-256) key pairs made with
 * node:crypto, builds a genuine CBOR attestationObject ('none' attestation) on registration
 * and signs authenticatorData ‖ SHA-256(clientDataJSON) on sign-in, exactly as a phone's
 * platform authenticator would. Nothing of @simplewebauthn is mocked or reused here: the
 * server's verifier meets bytes it did not make.
 *
 * Every ceremony can be bent (another origin, another RP id, a stale challenge, a broken
 * signature) so the tests can prove each refusal.
 */

// ——— a tiny CBOR encoder (RFC 8949): just the types WebAuthn needs ———

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

function cborHead(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) {
    const head = Buffer.alloc(3);
    head[0] = (major << 5) | 25;
    head.writeUInt16BE(value, 1);
    return head;
  }
  const head = Buffer.alloc(5);
  head[0] = (major << 5) | 26;
  head.writeUInt32BE(value, 1);
  return head;
}

export function encodeCbor(value: Cbor): Buffer {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error('only integers');
    return value >= 0 ? cborHead(0, value) : cborHead(1, -1 - value);
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([cborHead(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([cborHead(4, value.length), ...value.map(encodeCbor)]);
  const entries = [...value.entries()];
  return Buffer.concat([
    cborHead(5, entries.length),
    ...entries.flatMap(([key, item]) => [encodeCbor(key), encodeCbor(item)]),
  ]);
}

// ——— the authenticator ———

const flags = { up: 0x01, uv: 0x04, be: 0x08, bs: 0x10, at: 0x40 } as const;

/** Where and how a ceremony runs; a test overrides one item to play an attacker or a fault. */
export interface CeremonyOverrides {
  /** The page's origin the browser reports in clientDataJSON. */
  origin?: string;
  /** The RP id the authenticator hashes into authenticatorData. */
  rpId?: string;
  /** A challenge other than the server's (e.g. an old one). */
  challenge?: string;
  /** The ceremony type in clientDataJSON ('webauthn.create' / 'webauthn.get'). */
  type?: string;
  /** Flip a bit of the signature (sign-in only). */
  tamperSignature?: boolean;
  /**
   * Sign-in: sign with this stored credential (default: the newest for the RP id).
   * Registration: register this stored credential again (its id and key) instead of a new one.
   */
  credentialId?: string;
  /** Claim this user handle instead of the credential's own (sign-in). */
  userHandle?: string;
}

export interface StoredCredential {
  id: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  counter: number;
}

export interface TestAuthenticator {
  readonly credentials: StoredCredential[];
  /** navigator.credentials.create(): a new resident key for the options' RP and user. */
  register(
    options: PublicKeyCredentialCreationOptionsJSON,
    overrides?: CeremonyOverrides,
  ): RegistrationResponseJSON;
  /** navigator.credentials.get(): an assertion from a stored credential (discoverable). */
  authenticate(
    options: PublicKeyCredentialRequestOptionsJSON,
    overrides?: CeremonyOverrides,
  ): AuthenticationResponseJSON;
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url');

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
}

function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('not an EC key');
  return encodeCbor(
    new Map<number, Cbor>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, 'base64url')],
      [-3, Buffer.from(jwk.y, 'base64url')],
    ]),
  );
}

function authenticatorData(rpId: string, flagBits: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter, 0);
  return Buffer.concat([sha256(rpId), Buffer.from([flagBits]), count, ...(attested ? [attested] : [])]);
}

/**
 * A new authenticator with no credentials. `userVerified` says whether it performs user
 * verification (fingerprint, face, screen lock); `counting` whether it keeps a signature counter
 * (synced passkeys often send 0 every time); `backedUp` whether its keys sync (a multi-device passkey).
 */
export function createTestAuthenticator(
  options: {
    userVerified?: boolean;
    counting?: boolean;
    backedUp?: boolean;
    aaguid?: string;
    /** The page the browser is on; the tests' app runs at http://localhost:3000 (test-app.ts). */
    origin?: string;
  } = {},
): TestAuthenticator {
  const {
    userVerified = true,
    counting = true,
    backedUp = false,
    origin = 'http://localhost:3000',
  } = options;
  const aaguid = Buffer.from(
    (options.aaguid ?? '00000000-0000-0000-0000-000000000000').replaceAll('-', ''),
    'hex',
  );
  const credentials: StoredCredential[] = [];
  const baseFlags = flags.up | (userVerified ? flags.uv : 0) | (backedUp ? flags.be | flags.bs : 0);

  return {
    credentials,
    register(creation, overrides = {}) {
      const rpId = overrides.rpId ?? creation.rp.id;
      if (!rpId) throw new Error('options carry no rp.id');
      const again = credentials.find((item) => item.id === overrides.credentialId);
      const { privateKey, publicKey } = again ?? generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const credentialId = again ? Buffer.from(again.id, 'base64url') : randomBytes(16);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(credentialId.length, 0);
      const attested = Buffer.concat([aaguid, idLength, credentialId, coseKey(publicKey)]);
      const counter = counting ? 1 : 0;
      const authData = authenticatorData(rpId, baseFlags | flags.at, counter, attested);
      const attestationObject = encodeCbor(
        new Map<string, Cbor>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      const json = clientData(
        overrides.type ?? 'webauthn.create',
        overrides.challenge ?? creation.challenge,
        overrides.origin ?? origin,
      );
      if (!again)
        credentials.push({
          id: b64url(credentialId),
          rpId,
          userHandle: creation.user.id,
          privateKey,
          publicKey,
          counter,
        });
      return {
        id: b64url(credentialId),
        rawId: b64url(credentialId),
        type: 'public-key',
        response: {
          clientDataJSON: b64url(json),
          attestationObject: b64url(attestationObject),
          transports: ['internal', 'hybrid'],
          publicKeyAlgorithm: -7,
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: { credProps: { rk: true } },
      };
    },

    authenticate(request, overrides = {}) {
      if (!request.rpId) throw new Error('options carry no rpId');
      const rpId = overrides.rpId ?? request.rpId;
      const credential = overrides.credentialId
        ? credentials.find((item) => item.id === overrides.credentialId)
        : credentials.findLast((item) => item.rpId === request.rpId);
      if (!credential) throw new Error('no credential for this relying party');
      if (counting) credential.counter++;
      const authData = authenticatorData(rpId, baseFlags, credential.counter);
      const json = clientData(
        overrides.type ?? 'webauthn.get',
        overrides.challenge ?? request.challenge,
        overrides.origin ?? origin,
      );
      const signature = sign('sha256', Buffer.concat([authData, sha256(json)]), credential.privateKey);
      // The last byte is inside the DER-encoded s value: still well-formed, no longer valid.
      const last = signature.length - 1;
      if (overrides.tamperSignature) signature.writeUInt8(signature.readUInt8(last) ^ 0x01, last);
      return {
        id: credential.id,
        rawId: credential.id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(json),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          userHandle: overrides.userHandle ?? credential.userHandle,
        },
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
      };
    },
  };
}
