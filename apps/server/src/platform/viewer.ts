import type { IdentityLevel, Locale, Role } from '@kumamoto/domain';

/** The signed-in person as every route sees them. */
export interface Viewer {
  userId: string;
  displayName: string;
  identity: IdentityLevel;
  roles: Role[];
  locale: Locale;
  persona: string | null;
  sessionHash: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}
