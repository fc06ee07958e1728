import { generateClientKey, type ClientKey } from '../identity/oidc/client-key.ts';

/**
 * The app's own registration at the bundled development card service. Both sides live in this
 * process, so the client key is generated once per process and never written anywhere: the
 * relying party signs its `private_key_jwt` assertions with it, the service trusts its public half.
 */
export const devCardServicePath = '/dev-card-service';
export const bundledClientId = 'kumamoto-app-dev';

export function devCardServiceIssuer(publicUrl: string): string {
  return `${publicUrl}${devCardServicePath}`;
}

let key: Promise<ClientKey> | undefined;

export function bundledClientKey(): Promise<ClientKey> {
  key ??= generateClientKey().catch((error: unknown) => {
    key = undefined;
    throw error;
  });
  return key;
}
