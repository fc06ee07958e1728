import { describe, expect, it } from 'vitest';
import { participantsCsv, csvField } from './participants-csv.ts';
import { participantView, type ParticipantSource } from './participants.ts';

/** A whole users row, with the items an organizer must never see (R-ID-4). */
const hanakoRow = {
  id: 'u-1',
  displayName: 'はなちゃん',
  identityLevel: 'verified',
  cardName: '熊本 花子',
  cardAddress: '熊本県熊本市中央区手取本町1番1号',
  cardBirthDate: '2008-02-29',
  cardGender: 'female',
  declaredBirthDate: '1990-01-01',
  declaredGender: 'male',
  email: 'hanako@example.jp',
  schoolDistrictCode: 'tetori',
} as const satisfies ParticipantSource & Record<string, unknown>;

describe('participantView (R-ID-4)', () => {
  it('shows name, age and gender only: never address, birth date or anything else', () => {
    const view = participantView(hanakoRow, '2026-02-18');
    expect(view).toEqual({ name: '熊本 花子', age: 17, gender: 'female' });
    expect(Object.keys(view).sort()).toEqual(['age', 'gender', 'name']);
    expect(JSON.stringify(view)).not.toMatch(/手取本町|2008|example\.jp|tetori|u-1/u);
  });

  it('gives the age on the activity’s day (born 29 February: older from 1 March)', () => {
    expect(participantView(hanakoRow, '2026-03-01').age).toBe(18);
  });

  it('uses what an unverified resident declared, and their display name', () => {
    const row = {
      ...hanakoRow,
      identityLevel: 'unverified',
      cardName: null,
      cardBirthDate: null,
      cardGender: null,
    } as const;
    expect(participantView(row, '2026-02-18')).toEqual({ name: 'はなちゃん', age: 36, gender: 'male' });
  });

  it('leaves age and gender empty when nothing was given', () => {
    const row = {
      ...hanakoRow,
      identityLevel: 'unverified',
      declaredBirthDate: null,
      declaredGender: null,
    } as const;
    expect(participantView(row, '2026-02-18')).toEqual({ name: 'はなちゃん', age: null, gender: null });
  });
});

describe('participantsCsv', () => {
  it('starts with a BOM for Excel, uses CRLF, and has only the three columns', () => {
    const csv = participantsCsv(
      [
        { name: '熊本 花子', age: 17, gender: 'female' },
        { name: 'Smith, John', age: null, gender: null },
      ],
      'ja',
    );
    expect(csv).toBe('\uFEFF氏名,年齢,性別\r\n熊本 花子,17,女性\r\n"Smith, John",,\r\n');
    expect(participantsCsv([], 'en')).toBe('\uFEFFName,Age,Gender\r\n');
  });

  it('quotes quotes and line breaks', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses a display name that would run as a spreadsheet formula', () => {
    expect(csvField('=HYPERLINK("http://evil.example")')).toBe('"\'=HYPERLINK(""http://evil.example"")"');
    expect(csvField('+81')).toBe("'+81");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('熊本')).toBe('熊本');
  });
});
