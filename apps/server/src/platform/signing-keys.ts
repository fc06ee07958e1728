import { createPrivateKey, createPublicKey, hkdfSync, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The Ed25519 keys the server signs with: check-in tokens (R-PT-1) and certificates (R-PT-10).
 * Each is derived from SIGNING_KEY_SECRET with its own label (HKDF-SHA256), so one secret to
 * keep, and a key that signs one kind of thing never signs the other.
 */
export type SigningPurpose = 'check-in' | 'certificate';

export interface SigningKey {
  sign(bytes: Uint8Array): Uint8Array;
  verify(bytes: Uint8Array, signature: Uint8Array): boolean;
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

export function signingKey(secret: string, purpose: SigningPurpose): SigningKey {
  const seed = Buffer.from(hkdfSync('sha256', secret, 'kumamoto-app', `ed25519/${purpose}`, 32));
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ed25519Pkcs8Prefix, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
    verify: (bytes, signature) => {
      try {
        return verify(null, bytes, publicKey, signature);
      } catch {
        return false;
      }
    },
  };
}
