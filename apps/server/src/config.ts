import { z } from 'zod';

/**
 * Every setting the server reads, validated once at boot into a typed object.
 * The README's configuration table lists the same variables: keep them in step.
 */
const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(400).default(30),
  DEMO_SIGN_IN: z.enum(['true', 'false']).optional(),
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  IDENTITY_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('くまもとアプリ <no-reply@localhost>'),
  WEBAUTHN_RP_ID: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_PRIVATE_KEY_FILE: z.string().min(1).optional(),
  OIDC_SCOPE: z.string().min(1).default('openid name address birthdate gender'),
  DEV_CARD_SERVICE: z.enum(['true', 'false']).optional(),
  JPKI_CA_CERTS_FILE: z.string().min(1).optional(),
  JPKI_CRL_FILES: z.string().min(1).optional(),
  SCHOOL_DISTRICTS_CSV: z.string().min(1).optional(),
  CERTIFICATE_FONT_FILE: z.string().min(1).optional(),
  RANKS_FILE: z.string().min(1).optional(),
  SIGNING_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
});

export type Environment = z.infer<typeof environmentSchema>['NODE_ENV'];

export interface Config {
  environment: Environment;
  host: string;
  port: number;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; poolSize: number };
  session: { secret: string; ttlDays: number; secureCookie: boolean };
  demoSignIn: boolean;
  seedDemoData: boolean;
  webDistDir: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  bodyLimitBytes: number;
  rateLimitPerMinute: number;
  /** Keys person and binding hashes; unlike the session secret it must never be rotated. */
  identityKeySecret: string;
  /** No SMTP URL: outside production, mail is kept for the development mail page. */
  mail: { smtpUrl: string | null; from: string };
  webauthn: { rpId: string; rpName: string; origin: string };
  /**
   * The card-authentication service (OIDC). With DEV_CARD_SERVICE on and no issuer set, the
   * relying party talks to the bundled development card service at /dev-card-service.
   */
  oidc: {
    issuer: string | null;
    clientId: string | null;
    clientSecret: string | null;
    privateKeyFile: string | null;
    scope: string;
  };
  devCardService: boolean;
  /** PEM bundle of JPKI signature-certificate CAs, and CRL files (comma-separated), if JPKI is offered. */
  jpki: { caCertsFile: string | null; crlFiles: string[] };
  schoolDistrictsCsv: string | null;
  /** A Japanese TrueType font for certificate PDFs; null: the first of the known system fonts. */
  certificateFontFile: string | null;
  /** JSON rank table (R-PT-9, `rankTableSchema`); null: the domain's default ranks. */
  ranksFile: string | null;
  /**
   * Seeds the Ed25519 keys that sign check-in tokens and certificates. Like the identity key it
   * must not be rotated while issued certificates should still verify.
   */
  signingKeySecret: string;
}

/** Used outside production only; production refuses to start with it. */
export const developmentSessionSecret = 'development-only-session-secret-do-not-use-in-production';
export const developmentSigningKeySecret = 'development-only-signing-key-secret-not-for-production';
export const developmentIdentityKeySecret = 'development-only-identity-key-secret-not-for-production';

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const demoSignIn = e.DEMO_SIGN_IN === undefined ? !production : e.DEMO_SIGN_IN === 'true';
  const seedDemoData = e.SEED_DEMO_DATA === undefined ? !production : e.SEED_DEMO_DATA === 'true';
  const devCardService = e.DEV_CARD_SERVICE === undefined ? !production : e.DEV_CARD_SERVICE === 'true';

  if (production) {
    const refusals = [
      !e.SESSION_SECRET && 'SESSION_SECRET must be set in production',
      e.SESSION_SECRET === developmentSessionSecret && 'SESSION_SECRET must not be the development default',
      demoSignIn && 'DEMO_SIGN_IN is a development feature and cannot be enabled in production',
      seedDemoData && 'SEED_DEMO_DATA is a development feature and cannot be enabled in production',
      !e.PUBLIC_URL && 'PUBLIC_URL must be set in production (QR codes and links are built from it)',
      !e.IDENTITY_KEY_SECRET && 'IDENTITY_KEY_SECRET must be set in production',
      e.IDENTITY_KEY_SECRET === developmentIdentityKeySecret &&
        'IDENTITY_KEY_SECRET must not be the development default',
      !e.SIGNING_KEY_SECRET && 'SIGNING_KEY_SECRET must be set in production',
      e.SIGNING_KEY_SECRET === developmentSigningKeySecret &&
        'SIGNING_KEY_SECRET must not be the development default',
      devCardService && 'DEV_CARD_SERVICE is a development feature and cannot be enabled in production',
      !e.SMTP_URL && 'SMTP_URL must be set in production (e-mail sign-in codes are sent through it)',
    ].filter((message): message is string => typeof message === 'string');
    if (refusals.length > 0) throw new ConfigError(`Refusing to start:\n  ${refusals.join('\n  ')}`);
  }

  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: e.DATA_DIR },
    session: {
      secret: e.SESSION_SECRET ?? developmentSessionSecret,
      ttlDays: e.SESSION_TTL_DAYS,
      secureCookie: publicUrl.startsWith('https://'),
    },
    demoSignIn,
    seedDemoData,
    webDistDir: e.WEB_DIST_DIR ?? new URL('../../web/dist', import.meta.url).pathname,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    identityKeySecret: e.IDENTITY_KEY_SECRET ?? developmentIdentityKeySecret,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    webauthn: {
      rpId: e.WEBAUTHN_RP_ID ?? new URL(publicUrl).hostname,
      rpName: 'くまもとアプリ',
      origin: publicUrl,
    },
    oidc: {
      issuer: e.OIDC_ISSUER ?? null,
      clientId: e.OIDC_CLIENT_ID ?? null,
      clientSecret: e.OIDC_CLIENT_SECRET ?? null,
      privateKeyFile: e.OIDC_PRIVATE_KEY_FILE ?? null,
      scope: e.OIDC_SCOPE,
    },
    devCardService,
    jpki: {
      caCertsFile: e.JPKI_CA_CERTS_FILE ?? null,
      crlFiles:
        e.JPKI_CRL_FILES?.split(',')
          .map((file) => file.trim())
          .filter(Boolean) ?? [],
    },
    schoolDistrictsCsv: e.SCHOOL_DISTRICTS_CSV ?? null,
    certificateFontFile: e.CERTIFICATE_FONT_FILE ?? null,
    ranksFile: e.RANKS_FILE ?? null,
    signingKeySecret: e.SIGNING_KEY_SECRET ?? developmentSigningKeySecret,
  };
}
