import type { Localized } from '../locale.ts';
import type { ApplicationItemKey } from './application-items.ts';

/**
 * Who may register as an organizer group (R-ORG-1; guide 04, operating rules 2(1)):
 * (1) local governments, (2) the 15 kinds of community group of 要綱第3条第2号, (3) NPOs
 * certified by Kumamoto City. One row per category says what its application must hold.
 */
export const categoryKinds = ['local_government', 'community', 'certified_npo'] as const;
export type CategoryKind = (typeof categoryKinds)[number];

export const categoryIds = [
  'local_government',
  'machizukuri_committee',
  'community_center_committee',
  'social_welfare_council',
  'youth_development_council',
  'crime_prevention_association',
  'welfare_commissioners_council',
  'senior_club',
  'community_hall',
  'childrens_association',
  'pta',
  'womens_association',
  'park_care_association',
  'traffic_safety_association',
  'sports_association',
  'fire_corps_branch',
  'certified_npo',
] as const;
export type CategoryId = (typeof categoryIds)[number];

/** `not_asked`: the form leaves the item out for this category. */
export type ItemRequirement = 'required' | 'optional' | 'not_asked';

export interface OrganizerCategory {
  id: CategoryId;
  kind: CategoryKind;
  /** The kana mark (ア–ソ) of a community-group kind in the guide's list. */
  mark: string | null;
  label: Localized;
  /** R-ORG-1: all but local governments must have their main office in Kumamoto City. */
  mainOfficeInCity: boolean;
  items: Readonly<Record<ApplicationItemKey, ItemRequirement>>;
}

/**
 * What the guide leaves open (operating rules 3(3): "items may differ by group"), decided here:
 * a local government is governed by law, so it files no bylaws or officer list; community
 * groups often have no e-mail address or track record yet, so those are optional for them;
 * a certified NPO reports yearly, so it gives everything but a website.
 */
const localGovernmentItems = {
  category: 'required',
  name: 'required',
  representative: 'required',
  address: 'required',
  overview: 'required',
  website: 'optional',
  phone: 'required',
  email: 'required',
  activityFields: 'required',
  trackRecord: 'optional',
  officerList: 'not_asked',
  bylaws: 'not_asked',
  declaration: 'required',
} as const satisfies Record<ApplicationItemKey, ItemRequirement>;

const communityItems = {
  ...localGovernmentItems,
  email: 'optional',
  officerList: 'required',
  bylaws: 'required',
} as const satisfies Record<ApplicationItemKey, ItemRequirement>;

const npoItems = {
  ...communityItems,
  email: 'required',
  trackRecord: 'required',
} as const satisfies Record<ApplicationItemKey, ItemRequirement>;

function community(
  id: CategoryId,
  mark: string,
  ja: string,
  en: string,
  items: OrganizerCategory['items'] = communityItems,
): OrganizerCategory {
  return { id, kind: 'community', mark, label: { ja, en }, mainOfficeInCity: true, items };
}

export const organizerCategories: readonly OrganizerCategory[] = [
  {
    id: 'local_government',
    kind: 'local_government',
    mark: null,
    label: { ja: '地方公共団体', en: 'Local government' },
    mainOfficeInCity: false,
    items: localGovernmentItems,
  },
  community('machizukuri_committee', 'ア', 'まちづくり委員会', 'Community development committee'),
  community(
    'community_center_committee',
    'イ',
    '地域コミュニティセンター運営委員会',
    'Community centre management committee',
  ),
  community('social_welfare_council', 'ウ', '社会福祉協議会', 'Council of social welfare'),
  community(
    'youth_development_council',
    'エ',
    '青少年健全育成協議会',
    'Council for the healthy development of young people',
  ),
  community('crime_prevention_association', 'オ', '防犯協会', 'Crime prevention association'),
  community(
    'welfare_commissioners_council',
    'カ',
    '民生児童委員協議会',
    'Council of welfare and child commissioners',
  ),
  community('senior_club', 'キ', '老人クラブ', "Seniors' club"),
  community('community_hall', 'ク', '公民館', 'Community hall (kōminkan)'),
  community('childrens_association', 'ケ', '子ども会', "Children's association (kodomo-kai)"),
  community('pta', 'コ', 'PTA', 'PTA (parent–teacher association)'),
  community(
    'womens_association',
    'サ',
    '女性の会(地域婦人会)',
    "Women's association (local women's society)",
  ),
  community('park_care_association', 'シ', '公園愛護会', 'Park care association'),
  community('traffic_safety_association', 'ス', '交通安全協会', 'Traffic safety association'),
  community('sports_association', 'セ', '体育協会', 'Sports association'),
  // A fire-corps branch is organised by the city's fire corps, not by bylaws of its own.
  community('fire_corps_branch', 'ソ', '消防団分団', 'Volunteer fire corps branch', {
    ...communityItems,
    bylaws: 'optional',
  }),
  {
    id: 'certified_npo',
    kind: 'certified_npo',
    mark: null,
    label: { ja: '熊本市が認証したNPO法人', en: 'NPO certified by Kumamoto City' },
    mainOfficeInCity: true,
    items: npoItems,
  },
];

export const categoryKindLabels: Record<CategoryKind, Localized> = {
  local_government: { ja: '地方公共団体', en: 'Local government' },
  community: {
    ja: '町内自治会及び熊本市校区自治協議会に関する要綱第3条第2号に掲げる地域団体',
    en: 'Community groups listed in the city’s rules on neighbourhood and school-district councils',
  },
  certified_npo: { ja: '熊本市が認証したNPO法人', en: 'NPO certified by Kumamoto City' },
};

export function isCategoryId(value: unknown): value is CategoryId {
  return typeof value === 'string' && (categoryIds as readonly string[]).includes(value);
}

export function findCategory(id: CategoryId): OrganizerCategory {
  const category = organizerCategories.find((candidate) => candidate.id === id);
  if (!category) throw new Error(`unknown organizer category ${id}`);
  return category;
}

/** How `item` stands for `category`. */
export function itemRequirement(category: CategoryId, item: ApplicationItemKey): ItemRequirement {
  return findCategory(category).items[item];
}
