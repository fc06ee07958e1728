import { describe, expect, it } from 'vitest';
import { locales } from '../locale.ts';
import { emptyApplicationDraft, normalizeDetails, type ApplicationDraft } from './application-draft.ts';
import { maxDocumentBytes } from './documents.ts';
import { fieldErrorMessages } from './field-error-messages.ts';
import { fieldErrorCodes, validateApplication } from './validate-application.ts';

const pdf = { id: 'doc-1', fileName: '役員名簿.pdf', mediaType: 'application/pdf', size: 120_000 };
const photo = { id: 'doc-2', fileName: '会則.jpg', mediaType: 'image/jpeg', size: 2_400_000 };

/** A complete application from a PTA in the city. */
const pta: ApplicationDraft = {
  category: 'pta',
  name: '熊本市立手取小学校PTA',
  representative: '会長 熊本 太郎',
  address: '熊本県熊本市中央区手取本町1-1',
  overview: '児童の健全育成と地域との交流を目的とする。会員約300世帯。',
  website: '',
  phone: '096-328-2477',
  email: '',
  activityFields: ['children_youth', 'environment'],
  trackRecord: '',
  officerList: pdf,
  bylaws: photo,
  declaration: true,
};

describe('validateApplication: submitting (R-ORG-1, R-ORG-3, R-ORG-4)', () => {
  it('accepts a complete application with its optional items left empty', () => {
    expect(validateApplication(pta, 'submit')).toEqual([]);
  });

  it('names every missing required item of the category, in form order', () => {
    expect(validateApplication({ ...emptyApplicationDraft, category: 'certified_npo' }, 'submit')).toEqual([
      { field: 'name', code: 'required' },
      { field: 'representative', code: 'required' },
      { field: 'address', code: 'required' },
      { field: 'overview', code: 'required' },
      { field: 'phone', code: 'required' },
      { field: 'email', code: 'required' },
      { field: 'activityFields', code: 'required' },
      { field: 'trackRecord', code: 'required' },
      { field: 'officerList', code: 'required' },
      { field: 'bylaws', code: 'required' },
      { field: 'declaration', code: 'declaration_required' },
    ]);
  });

  it('asks a draft with no category for the category first', () => {
    expect(validateApplication({ ...pta, category: null }, 'submit')).toEqual([
      { field: 'category', code: 'required' },
    ]);
  });

  it('does not ask a local government for bylaws or an officer list, and lets it be outside the city', () => {
    const prefecture: ApplicationDraft = {
      ...pta,
      category: 'local_government',
      name: '熊本県',
      address: '熊本県熊本市中央区水前寺6丁目18-1',
      email: 'info@pref.kumamoto.lg.jp',
      officerList: null,
      bylaws: null,
    };
    expect(validateApplication(prefecture, 'submit')).toEqual([]);
    expect(
      validateApplication(
        { ...prefecture, name: '益城町', address: '熊本県上益城郡益城町宮園702' },
        'submit',
      ),
    ).toEqual([]);
  });

  it.each([
    ['熊本県合志市竹迫2140', 'outside_city'],
    ['熊本市手取本町1-1', 'ward_missing'],
    ['熊本市中央区', 'address_incomplete'],
  ])('refuses a community group at %s: %s', (address, code) => {
    expect(validateApplication({ ...pta, address }, 'submit')).toEqual([{ field: 'address', code }]);
  });

  it.each<[string, Partial<ApplicationDraft> | { category: string }, string, string]>([
    ['a phone number without area code', { phone: '328-2477' }, 'phone', 'invalid_phone'],
    ['an e-mail address without domain', { email: 'pta@' }, 'email', 'invalid_email'],
    ['a script as website', { website: 'javascript:alert(1)' }, 'website', 'invalid_url'],
    ['a name of 101 characters', { name: 'あ'.repeat(101) }, 'name', 'too_long'],
    ['an overview of 2001 characters', { overview: '𠮷'.repeat(2001) }, 'overview', 'too_long'],
    [
      'an individual number (R-ID-3)',
      { overview: '連絡先 1234-5678-9012' },
      'overview',
      'looks_like_individual_number',
    ],
    [
      'an unknown field of activity',
      { activityFields: ['juggling' as never] },
      'activityFields',
      'invalid_choice',
    ],
    ['no field of activity', { activityFields: [] }, 'activityFields', 'required'],
    [
      'a zip as officer list',
      { officerList: { ...pdf, mediaType: 'application/zip' } },
      'officerList',
      'document_type',
    ],
    [
      'bylaws over 10 MB',
      { bylaws: { ...photo, size: maxDocumentBytes + 1 } },
      'bylaws',
      'document_too_large',
    ],
    ['empty bylaws', { bylaws: { ...photo, size: 0 } }, 'bylaws', 'document_empty'],
    ['no declaration (R-ORG-4)', { declaration: false }, 'declaration', 'declaration_required'],
    ['an unknown category', { category: 'choir' }, 'category', 'invalid_choice'],
  ])('refuses %s', (_name, patch, field, code) => {
    expect(validateApplication({ ...pta, ...(patch as Partial<ApplicationDraft>) }, 'submit')).toEqual([
      { field, code },
    ]);
  });

  it('counts length in characters, after tidying spaces', () => {
    expect(validateApplication({ ...pta, name: `  ${'𠮷'.repeat(100)}  ` }, 'submit')).toEqual([]);
  });

  it('reads full-width input as typed on a phone', () => {
    const typed = {
      ...pta,
      phone: '０９６－３２８－２４７７',
      email: 'ｐｔａ＠ｅｘａｍｐｌｅ．ｊｐ',
      address: '熊本市中央区手取本町１－１',
    };
    expect(validateApplication(typed, 'submit')).toEqual([]);
  });
});

describe('validateApplication: saving a draft', () => {
  it('accepts an empty draft', () => {
    expect(validateApplication(emptyApplicationDraft, 'draft')).toEqual([]);
  });

  it('still refuses what is filled in wrongly', () => {
    expect(validateApplication({ ...emptyApplicationDraft, category: 'pta', phone: '12' }, 'draft')).toEqual([
      { field: 'phone', code: 'invalid_phone' },
    ]);
  });
});

describe('normalizeDetails', () => {
  it('drops what the category does not ask for, and is idempotent', () => {
    const once = normalizeDetails({ ...pta, category: 'local_government' });
    expect(once.officerList).toBeNull();
    expect(once.bylaws).toBeNull();
    expect(normalizeDetails(once)).toEqual(once);
  });

  it('tidies text and orders fields of activity as listed', () => {
    const tidy = normalizeDetails({
      ...pta,
      name: ' ＰＴＡ　手取 ',
      website: 'www.example.jp',
      activityFields: ['environment', 'children_youth', 'environment'],
    });
    expect(tidy.name).toBe('PTA 手取');
    expect(tidy.website).toBe('https://www.example.jp');
    expect(tidy.activityFields).toEqual(['environment', 'children_youth']);
  });
});

describe('field error messages', () => {
  it('have a Japanese and an English text for every code', () => {
    for (const locale of locales) {
      for (const code of fieldErrorCodes) expect(fieldErrorMessages[locale][code]).toMatch(/\S/);
    }
  });
});
