import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/**
 * Chromium's virtual authenticator (CDP `WebAuthn.*`): a platform authenticator with resident
 * keys and user verification, answering navigator.credentials for real — the app's passkey
 * ceremonies run end to end, with real keys and signatures, and no prompt to click.
 */
export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  /** The passkeys it holds (CDP's form, private key included). */
  credentials(): Promise<VirtualCredential[]>;
  /** Puts a passkey on it, as a synced password manager would on a second device. */
  addCredential(credential: VirtualCredential): Promise<void>;
}

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export async function addVirtualAuthenticator(
  context: BrowserContext,
  page: Page,
  options: { isUserVerified?: boolean } = {},
): Promise<VirtualAuthenticator> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: options.isUserVerified ?? true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials,
    addCredential: async (credential) => {
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
  };
}
