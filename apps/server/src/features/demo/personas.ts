import type { CardIdentity, Localized, MiniAppId, Role } from '@kumamoto/domain';

export interface DemoPersona {
  key: string;
  displayName: string;
  description: Localized;
  /** The four items a sample card proves; null for a resident not yet verified. */
  card: CardIdentity | null;
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
    card: {
      name: '熊本 花子',
      address: '熊本県熊本市中央区手取本町1番1号',
      birthDate: '1992-06-14',
      gender: 'female',
    },
    roles: [],
    installed: [],
  },
  {
    key: 'newcomer',
    displayName: '肥後 太郎',
    description: { ja: '本人確認をまだしていない住民', en: 'Resident not yet verified' },
    card: null,
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
    card: {
      name: '水前寺 一郎',
      address: '熊本県熊本市中央区水前寺6丁目18番1号',
      birthDate: '1958-07-15',
      gender: 'male',
    },
    roles: [],
    installed: ['organizer'],
  },
  {
    key: 'organizer-member',
    displayName: '江津 さくら',
    description: { ja: '主催団体のメンバー（PTA）', en: 'Organizer group member (PTA)' },
    card: {
      name: '江津 さくら',
      address: '熊本県熊本市東区江津1丁目2番3号',
      birthDate: '1985-11-03',
      gender: 'female',
    },
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
    card: {
      name: '坂本 由美',
      address: '熊本県熊本市西区春日1丁目14番1号',
      birthDate: '1979-02-20',
      gender: 'female',
    },
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
    card: {
      name: '田中 誠',
      address: '熊本県熊本市北区植木町岩野238番地1',
      birthDate: '1970-09-09',
      gender: 'male',
    },
    roles: ['city_reviewer', 'city_admin'],
    installed: [],
  },
];

export function findPersona(key: string): DemoPersona | undefined {
  return demoPersonas.find((persona) => persona.key === key);
}
