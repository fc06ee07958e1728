import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type JsonWebKey,
  type KeyObject,
  type webcrypto,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * The app's key for `private_key_jwt` client authentication (RFC 7523): the private half signs
 * the client assertion, the public half (a JWK) is what the city registers at the card service.
 */
export interface ClientKey {
  privateKey: webcrypto.CryptoKey;
  /** Public JWK with `kid` (its RFC 7638 thumbprint), `alg` and `use`. */
  publicJwk: PublicJwk;
}

export interface PublicJwk extends JsonWebKey {
  kid: string;
  alg: string;
  use: 'sig';
}

/** Key types a card service is likely to accept, with the JWS algorithm each signs with. */
function algorithmFor(key: KeyObject): {
  alg: string;
  subtle: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams | webcrypto.Algorithm;
} {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < 2048) throw new Error(`the RSA key has ${bits} bits; use at least 2048`);
    return { alg: 'RS256', subtle: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } };
  }
  if (type === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1') return { alg: 'ES256', subtle: { name: 'ECDSA', namedCurve: 'P-256' } };
    if (curve === 'secp384r1') return { alg: 'ES384', subtle: { name: 'ECDSA', namedCurve: 'P-384' } };
    throw new Error(`unsupported EC curve ${curve ?? 'unknown'}; use P-256 or P-384`);
  }
  if (type === 'ed25519') return { alg: 'Ed25519', subtle: { name: 'Ed25519' } };
  throw new Error(`unsupported key type ${type ?? 'unknown'}; use RSA (2048+), EC P-256/P-384 or Ed25519`);
}

export function clientKeyFromKeyObject(privateKey: KeyObject): ClientKey {
  const { alg, subtle } = algorithmFor(privateKey);
  return {
    privateKey: privateKey.toCryptoKey(subtle, false, ['sign']),
    publicJwk: publicJwkOf(privateKey, alg),
  };
}

/** Reads OIDC_PRIVATE_KEY_FILE: a PEM private key (PKCS#8, PKCS#1 or SEC1). */
export async function clientKeyFromPemFile(path: string): Promise<ClientKey> {
  const pem = await readFile(path, 'utf8');
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (cause) {
    throw new Error(`OIDC_PRIVATE_KEY_FILE (${path}) does not hold a PEM private key`, { cause });
  }
  return clientKeyFromKeyObject(key);
}

/** The public JWK for a PEM private key, e.g. to register it (or, in development, to accept it). */
export async function publicJwkFromPemFile(path: string): Promise<PublicJwk> {
  const key = createPrivateKey(await readFile(path, 'utf8'));
  return publicJwkOf(key, algorithmFor(key).alg);
}

/** A fresh P-256 key, for the bundled development card service's own client registration. */
export async function generateClientKey(): Promise<ClientKey> {
  const { privateKey } = await promisify(generateKeyPair)('ec', { namedCurve: 'P-256' });
  return clientKeyFromKeyObject(privateKey);
}

function publicJwkOf(privateKey: KeyObject, alg: string): PublicJwk {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return { ...jwk, kid: thumbprint(jwk), alg, use: 'sig' };
}

/** RFC 7638: SHA-256 over the required members in lexicographic order. */
function thumbprint(jwk: JsonWebKey): string {
  const required: Record<string, readonly (keyof JsonWebKey)[]> = {
    RSA: ['e', 'kty', 'n'],
    EC: ['crv', 'kty', 'x', 'y'],
    OKP: ['crv', 'kty', 'x'],
  };
  const members = required[jwk.kty ?? ''];
  if (!members) throw new Error(`cannot take the thumbprint of a ${jwk.kty ?? 'unknown'} key`);
  const canonical = JSON.stringify(Object.fromEntries(members.map((name) => [name, jwk[name]])));
  return createHash('sha256').update(canonical).digest('base64url');
}
