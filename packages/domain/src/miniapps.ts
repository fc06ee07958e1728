import type { Localized } from './locale.ts';
import { miniAppRequirements, type Action } from './policy.ts';
import type { IdentityLevel, Role } from './roles.ts';

export const miniAppIds = ['volunteer', 'points', 'disaster', 'organizer', 'city', 'shop'] as const;
export type MiniAppId = (typeof miniAppIds)[number];

/** Icons the shell knows how to draw; a mini-app picks one. */
export type MiniAppIcon = 'hands' | 'coin' | 'shelter' | 'megaphone' | 'city-hall' | 'shop';

export interface MiniAppDefinition {
  id: MiniAppId;
  name: Localized;
  summary: Localized;
  icon: MiniAppIcon;
  /** Where the mini-app lives in the shell. */
  route: `/${string}`;
  /** The access-policy action that opening it is; `identity` and `roles` come from the policy. */
  action: Action;
  /** The identity level needed to use it; below it, the tile explains how to get there. */
  identity: IdentityLevel;
  /** City-wide roles of which a person needs one to see it; empty means everyone. */
  roles: readonly Role[];
  /**
   * `default`: on every home screen. `install-code`: added by scanning its install QR code,
   * as the guide describes for the organizer mini-app (guide section 05).
   */
  availability: 'default' | 'install-code';
}

/** The mini-app registry: the one list the home screen, the scanner and the server read. */
export const miniApps: readonly MiniAppDefinition[] = [
  {
    id: 'volunteer',
    name: { ja: 'ボランティア', en: 'Volunteer' },
    summary: { ja: '地域活動やボランティアを探して申し込む', en: 'Find and join community activities' },
    icon: 'hands',
    route: '/volunteer',
    ...miniAppRequirements('activity.browse'),
    availability: 'default',
  },
  {
    id: 'points',
    name: { ja: 'ポイント', en: 'Points' },
    summary: { ja: 'くまもとポイントの残高・履歴・交換', en: 'Kumamoto points: balance, history, exchange' },
    icon: 'coin',
    route: '/points',
    ...miniAppRequirements('points.view'),
    availability: 'default',
  },
  {
    id: 'disaster',
    name: { ja: '防災', en: 'Disaster' },
    summary: { ja: '避難所での受付をすばやく', en: 'Fast reception at evacuation shelters' },
    icon: 'shelter',
    route: '/disaster',
    ...miniAppRequirements('disaster.register'),
    availability: 'default',
  },
  {
    id: 'organizer',
    name: { ja: '主催者', en: 'Organizer' },
    summary: { ja: '主催団体として活動を作成・管理する', en: 'Create and run activities for your group' },
    icon: 'megaphone',
    route: '/organizer',
    ...miniAppRequirements('organizer.open'),
    availability: 'install-code',
  },
  {
    id: 'city',
    name: { ja: '運営事務局', en: 'City console' },
    summary: { ja: '審査・運用・統計（熊本市職員）', en: 'Reviews, operations, statistics (city staff)' },
    icon: 'city-hall',
    route: '/city',
    ...miniAppRequirements('city.console'),
    availability: 'default',
  },
  {
    id: 'shop',
    name: { ja: '協賛店舗', en: 'Sponsor shop' },
    summary: { ja: '電子クーポンの利用受付', en: 'Redeem e-coupons' },
    icon: 'shop',
    route: '/shop',
    ...miniAppRequirements('shop.redeem'),
    availability: 'default',
  },
];

export function findMiniApp(id: string): MiniAppDefinition | undefined {
  return miniApps.find((app) => app.id === id);
}

export interface Viewer {
  identity: IdentityLevel;
  roles: readonly Role[];
  /** Mini-apps this person added by install code. */
  installed: readonly MiniAppId[];
}

/** The tiles a person sees on Home, in registry order. */
export function homeMiniApps(viewer: Viewer): MiniAppDefinition[] {
  return miniApps.filter(
    (app) =>
      (app.roles.length === 0 || app.roles.some((role) => viewer.roles.includes(role))) &&
      (app.availability === 'default' || viewer.installed.includes(app.id)),
  );
}

/** Whether the person may open it now, or must first verify with the My Number Card (R-ID-2). */
export function needsVerification(app: MiniAppDefinition, viewer: Pick<Viewer, 'identity'>): boolean {
  return app.identity === 'verified' && viewer.identity !== 'verified';
}
