import { describe, expect, it } from 'vitest';
import type { RegisteredDetails } from './application-draft.ts';
import { checkChangeApplication, diffRegisteredDetails } from './change-application.ts';

const officers = { id: 'doc-1', fileName: '役員名簿2025.pdf', mediaType: 'application/pdf', size: 90_000 };
const registered: RegisteredDetails = {
  category: 'machizukuri_committee',
  name: '手取校区まちづくり委員会',
  representative: '委員長 熊本 花子',
  address: '熊本市中央区手取本町1-1',
  overview: '校区の清掃と夏祭りを行う。',
  website: '',
  phone: '096-328-2477',
  email: '',
  activityFields: ['environment', 'events'],
  trackRecord: '',
  officerList: officers,
  bylaws: { id: 'doc-2', fileName: '会則.pdf', mediaType: 'application/pdf', size: 40_000 },
};

describe('change applications (R-ORG-8)', () => {
  it('lists each changed item with its before and after, in form order', () => {
    const newOfficers = { ...officers, id: 'doc-3', fileName: '役員名簿2026.pdf' };
    const proposed = {
      ...registered,
      representative: '委員長 熊本 次郎',
      activityFields: ['environment' as const],
      officerList: newOfficers,
    };
    expect(diffRegisteredDetails(registered, proposed)).toEqual([
      { field: 'representative', before: '委員長 熊本 花子', after: '委員長 熊本 次郎' },
      { field: 'activityFields', before: ['environment', 'events'], after: ['environment'] },
      { field: 'officerList', before: officers, after: newOfficers },
    ]);
  });

  it('does not count re-typed spaces, full-width digits or reordered fields as changes', () => {
    const retyped = {
      ...registered,
      name: ' 手取校区まちづくり委員会 ',
      phone: '０９６－３２８－２４７７',
      activityFields: ['events' as const, 'environment' as const],
    };
    expect(diffRegisteredDetails(registered, retyped)).toEqual([]);
  });

  it('shows a new document that replaced none, and a category change with what it drops', () => {
    const asGovernment = { ...registered, category: 'local_government' as const, email: 'info@example.jp' };
    expect(diffRegisteredDetails(registered, asGovernment).map((change) => change.field)).toEqual([
      'category',
      'email',
      'officerList',
      'bylaws',
    ]);
  });

  it('checks the proposed details as a submission, and reports no changes as none', () => {
    expect(checkChangeApplication(registered, registered)).toMatchObject({ changes: [], errors: [] });
    const moved = checkChangeApplication(registered, { ...registered, address: '熊本県合志市竹迫2140' });
    expect(moved.errors).toEqual([{ field: 'address', code: 'outside_city' }]);
    expect(moved.changes.map((change) => change.field)).toEqual(['address']);
  });
});
