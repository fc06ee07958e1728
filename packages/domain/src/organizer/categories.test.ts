import { describe, expect, it } from 'vitest';
import { applicationItemKeys, applicationItems } from './application-items.ts';
import { categoryIds, findCategory, itemRequirement, organizerCategories } from './categories.ts';

describe('organizer categories (R-ORG-1, guide 04)', () => {
  it('lists the 15 community-group kinds ア–ソ by the names in the guide', () => {
    const community = organizerCategories.filter((category) => category.kind === 'community');
    expect(community.map((category) => `${category.mark} ${category.label.ja}`)).toEqual([
      'ア まちづくり委員会',
      'イ 地域コミュニティセンター運営委員会',
      'ウ 社会福祉協議会',
      'エ 青少年健全育成協議会',
      'オ 防犯協会',
      'カ 民生児童委員協議会',
      'キ 老人クラブ',
      'ク 公民館',
      'ケ 子ども会',
      'コ PTA',
      'サ 女性の会(地域婦人会)',
      'シ 公園愛護会',
      'ス 交通安全協会',
      'セ 体育協会',
      'ソ 消防団分団',
    ]);
  });

  it('has one row per id, local government first and the certified NPO last', () => {
    expect(organizerCategories.map((category) => category.id)).toEqual([...categoryIds]);
    expect(organizerCategories[0]?.kind).toBe('local_government');
    expect(organizerCategories.at(-1)?.kind).toBe('certified_npo');
  });

  it('requires the main office in the city for all but local governments (R-ORG-1)', () => {
    for (const category of organizerCategories) {
      expect(category.mainOfficeInCity).toBe(category.kind !== 'local_government');
    }
  });

  it('says for every category how every item stands, and always asks category and declaration', () => {
    for (const category of organizerCategories) {
      expect(Object.keys(category.items).sort()).toEqual([...applicationItemKeys].sort());
      expect(category.items.category).toBe('required');
      expect(category.items.declaration).toBe('required');
      expect(category.label.en).not.toBe('');
    }
  });

  it.each([
    ['local_government', 'bylaws', 'not_asked'],
    ['local_government', 'officerList', 'not_asked'],
    ['pta', 'bylaws', 'required'],
    ['pta', 'email', 'optional'],
    ['fire_corps_branch', 'bylaws', 'optional'],
    ['certified_npo', 'trackRecord', 'required'],
    ['certified_npo', 'website', 'optional'],
  ] as const)('%s: %s is %s', (category, item, requirement) => {
    expect(itemRequirement(category, item)).toBe(requirement);
  });

  it('has a Japanese and English label and help for every item', () => {
    expect(applicationItems.map((item) => item.key)).toEqual([...applicationItemKeys]);
    for (const item of applicationItems) {
      expect(item.label.ja && item.label.en && item.help.ja && item.help.en).toBeTruthy();
    }
  });

  it('refuses an unknown category loudly', () => {
    expect(() => findCategory('choir' as never)).toThrow();
  });
});
