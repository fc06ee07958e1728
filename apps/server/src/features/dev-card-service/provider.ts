import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import type { CardIdentity } from '@kumamoto/domain';
import type { FastifyBaseLogger } from 'fastify';
import Provider, { type ClientMetadata, type Configuration } from 'oidc-provider';
import type { Config } from '../../config.ts';
import { publicJwkFromPemFile } from '../identity/oidc/client-key.ts';
import { callbackPath } from '../identity/oidc/relying-party.ts';
import {
  bundledClientId,
  bundledClientKey,
  devCardServiceIssuer,
  devCardServicePath,
} from './bundled-client.ts';
import { errorPage } from './pages.ts';
import { findSampleCard, type SampleCard } from './sample-cards.ts';

export const appClientName = 'くまもとアプリ';

/** The running service: the oidc-provider instance and the sample cards' current state. */
export interface DevCardService {
  provider: Provider;
  /** The four items a card reports now (its moved address once "moved"). */
  currentCard: (sample: SampleCard) => CardIdentity;
  toggleMoved: (key: string) => void;
  isMoved: (key: string) => boolean;
}

/**
 * A real OpenID Connect provider (oidc-provider) standing in for a card-authentication service
 * such as the Digital Authentication App: code flow with PKCE, `private_key_jwt` or
 * `client_secret_basic`, and the standard claims `name`, `address.formatted`, `birthdate`,
 * `gender` under the scopes of the same names.
 *
 * Its ID-token signing key and cookie keys are generated when the service first starts and live
 * only in memory: a sample service has nothing worth keeping, and nothing the app stores depends
 * on them (the app keeps a keyed hash of issuer + subject, and the subject is the card's key).
 * A restart only ends flows that were half-way through.
 */
export async function createDevCardService(config: Config, log: FastifyBaseLogger): Promise<DevCardService> {
  const issuer = devCardServiceIssuer(config.publicUrl);
  const moved = new Set<string>();
  const currentCard = (sample: SampleCard): CardIdentity =>
    moved.has(sample.key) ? { ...sample.card, address: sample.movedAddress } : sample.card;

  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    clients: await clients(config),
    jwks: { keys: [signingKey] },
    findAccount: (_ctx, id) => {
      const sample = findSampleCard(id);
      if (!sample) return undefined;
      return {
        accountId: sample.key,
        claims: () => {
          const card = currentCard(sample);
          return {
            sub: sample.key,
            name: card.name,
            address: { formatted: card.address },
            birthdate: card.birthDate,
            gender: card.gender,
          };
        },
      };
    },
    claims: {
      openid: ['sub'],
      name: ['name'],
      address: ['address'],
      birthdate: ['birthdate'],
      gender: ['gender'],
    },
    scopes: ['openid'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      userinfo: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `${devCardServicePath}/interaction/${interaction.uid}` },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    ttl: {
      AccessToken: 300,
      AuthorizationCode: 60,
      IdToken: 300,
      Interaction: 600,
      Session: 600,
      Grant: 600,
    },
    clientBasedCORS: () => false,
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage({
        appUrl: `${config.publicUrl}/verify`,
        detail: Object.fromEntries(Object.entries(out).map(([key, value]) => [key, String(value)])),
      });
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.proxy = config.trustProxy;
  provider.on('server_error', (_ctx, error) => log.error({ err: error }, 'development card service error'));

  return {
    provider,
    currentCard,
    toggleMoved: (key) => {
      if (!moved.delete(key)) moved.add(key);
    },
    isMoved: (key) => moved.has(key),
  };
}

/**
 * The app's built-in registration (private_key_jwt with the in-process key), and, when
 * OIDC_ISSUER points at this service, the configured OIDC_CLIENT_ID with the configured
 * secret or private key, so a real configuration can be tried end to end before going live.
 */
async function clients(config: Config): Promise<ClientMetadata[]> {
  const redirectUri = `${config.publicUrl}${callbackPath}`;
  const common = {
    redirect_uris: [redirectUri],
    response_types: ['code' as const],
    grant_types: ['authorization_code'],
  };
  const bundled: ClientMetadata = {
    ...common,
    client_id: bundledClientId,
    client_name: appClientName,
    token_endpoint_auth_method: 'private_key_jwt',
    jwks: { keys: [(await bundledClientKey()).publicJwk] },
  };
  const { issuer, clientId, clientSecret, privateKeyFile } = config.oidc;
  if (issuer !== devCardServiceIssuer(config.publicUrl) || !clientId || clientId === bundledClientId) {
    return [bundled];
  }
  if (privateKeyFile) {
    const jwk = await publicJwkFromPemFile(privateKeyFile);
    return [
      bundled,
      {
        ...common,
        client_id: clientId,
        client_name: appClientName,
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [jwk] },
      },
    ];
  }
  if (clientSecret) {
    return [
      bundled,
      {
        ...common,
        client_id: clientId,
        client_name: appClientName,
        client_secret: clientSecret,
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ];
  }
  return [bundled];
}
