import type { IdentityLevel, Locale, Localized, MiniAppId, Role } from '@kumamoto/domain';

/** Shapes of the API's answers, as docs/api.md states them. */
export interface User {
  id: string;
  displayName: string;
  identity: IdentityLevel;
  roles: Role[];
  persona: string | null;
  locale: Locale;
}

export interface Session {
  user: User | null;
  csrfToken: string;
}

export interface PublicConfig {
  environment: 'development' | 'test' | 'production';
  demoSignIn: boolean;
  publicUrl: string;
}

export interface DemoPersona {
  key: string;
  displayName: string;
  description: Localized;
  identity: IdentityLevel;
  roles: Role[];
}

export interface InstalledMiniApps {
  installed: MiniAppId[];
}

export interface InboxItem {
  id: string;
  kind: string;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface Inbox {
  items: InboxItem[];
  unread: number;
}
