import { describe, expect, it } from 'vitest';
import { ConfigError, developmentSessionSecret, developmentSigningKeySecret, loadConfig } from './config.ts';

const productionBase = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-real-secret-of-more-than-thirty-two-characters',
  PUBLIC_URL: 'https://app.example.jp',
  IDENTITY_KEY_SECRET: 'another-real-secret-of-more-than-thirty-two-chars',
  SIGNING_KEY_SECRET: 'a-production-signing-key-secret-for-tests-0123456789',
  SMTP_URL: 'smtp://mail.example.jp:587',
};

describe('loadConfig', () => {
  it('defaults to embedded PGlite in ./data with demo features on, outside production', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.demoSignIn).toBe(true);
    expect(config.seedDemoData).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.session.secureCookie).toBe(false);
  });

  it('uses a PostgreSQL pool when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/app', DATABASE_POOL_SIZE: '25' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/app', poolSize: 25 });
  });

  it('names every invalid variable at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrowError(
      /PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/,
    );
  });

  it('starts in production with real settings, demo features off and secure cookies', () => {
    const config = loadConfig(productionBase);
    expect(config.demoSignIn).toBe(false);
    expect(config.seedDemoData).toBe(false);
    expect(config.session.secureCookie).toBe(true);
    expect(config.devCardService).toBe(false);
    expect(config.webauthn.rpId).toBe('app.example.jp');
  });

  it.each([
    ['no session secret', { SESSION_SECRET: undefined }, /SESSION_SECRET must be set/],
    ['the development secret', { SESSION_SECRET: developmentSessionSecret }, /development default/],
    ['demo sign-in', { DEMO_SIGN_IN: 'true' }, /DEMO_SIGN_IN/],
    ['demo data', { SEED_DEMO_DATA: 'true' }, /SEED_DEMO_DATA/],
    ['no public URL', { PUBLIC_URL: undefined }, /PUBLIC_URL/],
    ['no identity key secret', { IDENTITY_KEY_SECRET: undefined }, /IDENTITY_KEY_SECRET must be set/],
    ['the development card service', { DEV_CARD_SERVICE: 'true' }, /DEV_CARD_SERVICE/],
    ['no SMTP server', { SMTP_URL: undefined }, /SMTP_URL/],
    ['no signing key secret', { SIGNING_KEY_SECRET: undefined }, /SIGNING_KEY_SECRET must be set/],
    [
      'the development signing key',
      { SIGNING_KEY_SECRET: developmentSigningKeySecret },
      /development default/,
    ],
  ])('refuses production with %s', (_name, override, message) => {
    const env = { ...productionBase, ...override };
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(message);
  });
});
