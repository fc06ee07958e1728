import { publicJwkFromPemFile } from './client-key.ts';

/**
 * Prints the public JWK (JSON Web Key Set) to register at the card-authentication service for
 * `private_key_jwt`, with the same `kid` the app puts in its client assertions:
 *
 *   npx node apps/server/src/features/identity/oidc/print-public-jwk.ts /path/to/oidc-client.pem
 */
const file = process.argv[2];
if (!file) {
  console.error('usage: print-public-jwk.ts <PEM private key file>');
  process.exit(2);
}
try {
  console.log(JSON.stringify({ keys: [await publicJwkFromPemFile(file)] }, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
