import { z } from 'zod';

/** Base64url text as WebAuthn JSON carries it; bounded so a request cannot balloon. */
const b64url = (max: number) =>
  z
    .string()
    .regex(/^[\w-]*$/, 'base64url')
    .max(max);

/** Hints for the browser; unknown ones from newer browsers are dropped, not refused (see known-transports). */
const transports = z.array(z.string().max(20)).max(10).optional();

const attachment = z.enum(['platform', 'cross-platform']).optional();
const extensionResults = z.record(z.string(), z.unknown()).default({});

/** What @simplewebauthn/browser's startRegistration() returns. */
export const registrationResponseSchema = z
  .object({
    id: b64url(1366).min(1),
    rawId: b64url(1366).min(1),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url(4096),
      attestationObject: b64url(65536),
      authenticatorData: b64url(65536).optional(),
      transports,
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: b64url(4096).optional(),
    }),
    authenticatorAttachment: attachment,
    clientExtensionResults: extensionResults,
  })
  .meta({ id: 'RegistrationResponse', description: 'WebAuthn RegistrationResponseJSON' });

/** What @simplewebauthn/browser's startAuthentication() returns. */
export const authenticationResponseSchema = z
  .object({
    id: b64url(1366).min(1),
    rawId: b64url(1366).min(1),
    type: z.literal('public-key'),
    response: z.object({
      clientDataJSON: b64url(4096),
      authenticatorData: b64url(65536),
      signature: b64url(4096),
      userHandle: b64url(256).optional(),
    }),
    authenticatorAttachment: attachment,
    clientExtensionResults: extensionResults,
  })
  .meta({ id: 'AuthenticationResponse', description: 'WebAuthn AuthenticationResponseJSON' });

export type RegistrationResponse = z.output<typeof registrationResponseSchema>;
export type AuthenticationResponse = z.output<typeof authenticationResponseSchema>;

/** Options for navigator.credentials.create()/get(), passed to @simplewebauthn/browser as they are. */
export const ceremonyOptionsSchema = z
  .looseObject({ challenge: z.string() })
  .meta({ id: 'WebAuthnOptions', description: 'PublicKeyCredentialCreation/RequestOptionsJSON' });

/** A display name for a new account: what the app calls the person (not the card name). */
export const displayNameSchema = z.string().trim().min(1).max(100);

/** A passkey's label on My page. */
export const passkeyNameSchema = z.string().trim().min(1).max(60);

export const passkeySchema = z
  .object({
    id: z.string().describe('Credential id (base64url)'),
    name: z.string(),
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    synced: z.boolean().describe('Backed up by a password manager (a multi-device passkey)'),
  })
  .meta({ id: 'Passkey' });

export const credentialIdParams = z.object({ id: b64url(1366).min(1) });
