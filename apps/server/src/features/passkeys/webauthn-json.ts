import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { AuthenticationResponse, RegistrationResponse } from './schema.ts';

const knownTransports = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
type Transport = (typeof knownTransports)[number];

/** Transport hints we can hand back to browsers later; unknown names from newer browsers are dropped. */
export function knownTransportsOf(list: readonly string[] | undefined): Transport[] {
  return (list ?? []).filter((item): item is Transport =>
    (knownTransports as readonly string[]).includes(item),
  );
}

/** The validated request body in the shape the WebAuthn library reads. */
export function asRegistrationJSON(body: RegistrationResponse): RegistrationResponseJSON {
  return {
    ...body,
    response: { ...body.response, transports: knownTransportsOf(body.response.transports) },
  };
}

export function asAuthenticationJSON(body: AuthenticationResponse): AuthenticationResponseJSON {
  return body;
}
