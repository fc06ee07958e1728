import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  WebAuthnError,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  type AuthenticationResponseJSON,
} from '@simplewebauthn/browser';

/** Why the device's part of a passkey ceremony did not finish; each has its own friendly text. */
export type CeremonyProblem = 'unsupported' | 'cancelled' | 'alreadyOnDevice' | 'failed';

export class PasskeyCeremonyError extends Error {
  readonly problem: CeremonyProblem;

  constructor(problem: CeremonyProblem, options?: { cause?: unknown }) {
    super(`passkey ceremony: ${problem}`, options);
    this.name = 'PasskeyCeremonyError';
    this.problem = problem;
  }
}

export function passkeysSupported(): boolean {
  return browserSupportsWebAuthn();
}

/**
 * What went wrong on the device. Browsers answer "NotAllowedError" for a cancelled prompt, a
 * timeout and "no passkey here" alike (on purpose, for privacy), so those read as one:
 * "did not finish".
 */
export function ceremonyProblem(error: unknown): CeremonyProblem {
  if (error instanceof WebAuthnError) {
    if (error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'alreadyOnDevice';
    if (error.code === 'ERROR_CEREMONY_ABORTED') return 'cancelled';
  }
  const name = error instanceof Error ? ((error.cause as Error | undefined)?.name ?? error.name) : '';
  return name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled' : 'failed';
}

/** navigator.credentials.create(), with its failures as a CeremonyProblem. */
export async function createPasskey(
  optionsJSON: PublicKeyCredentialCreationOptionsJSON,
): Promise<RegistrationResponseJSON> {
  try {
    return await startRegistration({ optionsJSON });
  } catch (error) {
    throw new PasskeyCeremonyError(ceremonyProblem(error), { cause: error });
  }
}

/** navigator.credentials.get(), with its failures as a CeremonyProblem. */
export async function signWithPasskey(
  optionsJSON: PublicKeyCredentialRequestOptionsJSON,
): Promise<AuthenticationResponseJSON> {
  try {
    return await startAuthentication({ optionsJSON });
  } catch (error) {
    throw new PasskeyCeremonyError(ceremonyProblem(error), { cause: error });
  }
}

/** Fails early, before asking the server, on a browser without WebAuthn. */
export function requireSupport(): void {
  if (!passkeysSupported()) throw new PasskeyCeremonyError('unsupported');
}
