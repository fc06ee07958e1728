import * as client from 'openid-client';
import type { Config } from '../../../config.ts';
import { AppError } from '../../../platform/errors.ts';
import {
  bundledClientId,
  bundledClientKey,
  devCardServiceIssuer,
} from '../../dev-card-service/bundled-client.ts';
import { clientKeyFromPemFile } from './client-key.ts';

export const callbackPath = '/api/identity/oidc/callback';

/** Which card service the app talks to, and how it authenticates there. */
export interface CardServiceClient {
  issuer: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  authMethod: 'private_key_jwt' | 'client_secret_basic';
  /** True for the bundled development card service with its built-in registration. */
  bundled: boolean;
  clientAuth(): Promise<client.ClientAuth>;
}

/**
 * OIDC_ISSUER set: that service, with OIDC_CLIENT_ID and either OIDC_PRIVATE_KEY_FILE
 * (`private_key_jwt`, preferred) or OIDC_CLIENT_SECRET (`client_secret_basic`).
 * No issuer but DEV_CARD_SERVICE on: the bundled development service. Neither: null.
 */
export function cardServiceClient(config: Config): CardServiceClient | null {
  const redirectUri = `${config.publicUrl}${callbackPath}`;
  const scope = withOpenId(config.oidc.scope);
  const { issuer, clientId, clientSecret, privateKeyFile } = config.oidc;
  if (issuer) {
    if (!clientId || (!privateKeyFile && !clientSecret)) return null;
    if (privateKeyFile) {
      let key: Promise<client.ClientAuth> | undefined;
      return {
        issuer,
        clientId,
        scope,
        redirectUri,
        authMethod: 'private_key_jwt',
        bundled: false,
        clientAuth: () => {
          key ??= clientKeyFromPemFile(privateKeyFile).then(({ privateKey, publicJwk }) =>
            client.PrivateKeyJwt({ key: privateKey, kid: publicJwk.kid }),
          );
          return key;
        },
      };
    }
    const secret = clientSecret ?? '';
    return {
      issuer,
      clientId,
      scope,
      redirectUri,
      authMethod: 'client_secret_basic',
      bundled: false,
      clientAuth: () => Promise.resolve(client.ClientSecretBasic(secret)),
    };
  }
  if (!config.devCardService) return null;
  return {
    issuer: devCardServiceIssuer(config.publicUrl),
    clientId: bundledClientId,
    scope,
    redirectUri,
    authMethod: 'private_key_jwt',
    bundled: true,
    clientAuth: async () => {
      const { privateKey, publicJwk } = await bundledClientKey();
      return client.PrivateKeyJwt({ key: privateKey, kid: publicJwk.kid });
    },
  };
}

/** Why OIDC is not usable, for the log at start (the API answers card_service_not_configured). */
export function misconfiguration(config: Config): string | null {
  const { issuer, clientId, clientSecret, privateKeyFile } = config.oidc;
  if (!issuer) return null;
  if (!clientId) return 'OIDC_ISSUER is set but OIDC_CLIENT_ID is not';
  if (!privateKeyFile && !clientSecret)
    return 'OIDC_ISSUER is set but neither OIDC_PRIVATE_KEY_FILE nor OIDC_CLIENT_SECRET';
  return null;
}

function withOpenId(scope: string): string {
  const scopes = scope.split(/\s+/).filter(Boolean);
  return (scopes.includes('openid') ? scopes : ['openid', ...scopes]).join(' ');
}

const discoveryTtlMs = 60 * 60 * 1000;

export interface RelyingParty {
  client: CardServiceClient | null;
  /** The service's metadata and this client, discovered once and kept for an hour. */
  configuration(): Promise<{ client: CardServiceClient; configuration: client.Configuration }>;
}

export function createRelyingParty(config: Config): RelyingParty {
  const cardService = cardServiceClient(config);
  // Plain HTTP only outside production: the bundled service on http://localhost, a test issuer.
  const insecure = config.environment !== 'production';
  let cached: { until: number; configuration: Promise<client.Configuration> } | undefined;

  const discover = async (service: CardServiceClient): Promise<client.Configuration> => {
    const configuration = await client.discovery(
      new URL(service.issuer),
      service.clientId,
      { redirect_uris: [service.redirectUri], response_types: ['code'] },
      await service.clientAuth(),
      {
        execute: insecure && service.issuer.startsWith('http:') ? [client.allowInsecureRequests] : [],
        timeout: 10,
      },
    );
    // The ID token arrives over the back channel, where OIDC would let us skip its signature.
    // We check it anyway: a forged or altered token is refused whatever the transport.
    client.enableNonRepudiationChecks(configuration);
    return configuration;
  };

  return {
    client: cardService,
    async configuration() {
      if (!cardService) throw new AppError('card_service_not_configured');
      if (!cached || cached.until < Date.now()) {
        const configuration = discover(cardService);
        cached = { until: Date.now() + discoveryTtlMs, configuration };
        configuration.catch(() => (cached = undefined));
      }
      return { client: cardService, configuration: await cached.configuration };
    },
  };
}
