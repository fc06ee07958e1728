import type { IdentityLevel, Localized, MiniAppId, Role } from '@kumamoto/domain';

export interface DemoPersona {
  key: string;
  displayName: string;
  description: Localized;
  identity: IdentityLevel;
  roles: Role[];
  installed: MiniAppId[];
}

/**
 * The people a demo visitor can act as. Outside production only; the accounts feature
 * replaces this sign-in for real use.
 */
export const demoPersonas: readonly DemoPersona[] = [
  {
    key: 'resident',
    displayName: '熊本 花子',
    description: {
      ja: 'マイナンバーカードで本人確認済みの住民',
      en: 'Resident verified with the My Number Card',
    },
    identity: 'verified',
    roles: [],
    installed: [],
  },
  {
    key: 'newcomer',
    displayName: '肥後 太郎',
    description: { ja: '本人確認をまだしていない住民', en: 'Resident not yet verified' },
    identity: 'unverified',
    roles: [],
    installed: [],
  },
  {
    key: 'organizer-admin',
    displayName: '水前寺 一郎',
    description: {
      ja: '主催団体の管理者（自治会の役員）',
      en: 'Organizer group administrator (neighbourhood association officer)',
    },
    identity: 'verified',
    roles: [],
    installed: ['organizer'],
  },
  {
    key: 'organizer-member',
    displayName: '江津 さくら',
    description: { ja: '主催団体のメンバー（PTA）', en: 'Organizer group member (PTA)' },
    identity: 'verified',
    roles: [],
    installed: ['organizer'],
  },
  {
    key: 'city-reviewer',
    displayName: '坂本 由美',
    description: {
      ja: '熊本市 くまもとアプリ運営事務局（審査担当）',
      en: 'Kumamoto City app office: reviewer',
    },
    identity: 'verified',
    roles: ['city_reviewer'],
    installed: [],
  },
  {
    key: 'city-admin',
    displayName: '田中 誠',
    description: {
      ja: '熊本市 くまもとアプリ運営事務局（管理者）',
      en: 'Kumamoto City app office: administrator',
    },
    identity: 'verified',
    roles: ['city_reviewer', 'city_admin'],
    installed: [],
  },
];

export function findPersona(key: string): DemoPersona | undefined {
  return demoPersonas.find((persona) => persona.key === key);
}
