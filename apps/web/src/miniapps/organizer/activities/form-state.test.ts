import { activityInputSchema } from '@kumamoto/domain';
import { describe, expect, test } from 'vitest';
import type { OrganizerActivity } from './api.ts';
import {
  bodyFromForm,
  emptyActivityForm,
  formFromActivity,
  isActivityDay,
  parseDegrees,
  roundDegrees,
} from './form-state.ts';

const stored: OrganizerActivity = {
  id: '00000000-0000-4000-8000-000000000001',
  groupId: '00000000-0000-4000-8000-000000000002',
  groupName: '白川校区まちづくり委員会',
  title: '【白川校区】河川敷の清掃',
  message: '川をきれいに',
  content: 'ごみ拾い',
  belongings: '軍手',
  clothing: '動きやすい服装',
  meetingPoint: '9:45 河川敷',
  parking: 'なし',
  targetParticipants: 'どなたでも',
  contact: '096-123-4567',
  // 10:00 and 12:00 in Kumamoto.
  startsAt: '2026-08-01T01:00:00.000Z',
  endsAt: '2026-08-01T03:00:00.000Z',
  placeName: '白川河川敷',
  address: '熊本市中央区',
  location: { lat: 32.8, lng: 130.71 },
  category: 'environment',
  capacity: 30,
  applicationDeadline: null,
  insurance: 'group_policy',
  schoolDistrictCode: 'C01',
  restrictToDistrict: true,
  visibility: 'unlisted',
  eligibility: ['unpaid'],
  thumbnailImageId: '00000000-0000-4000-8000-000000000003',
  thumbnailUrl: '/api/activity-images/00000000-0000-4000-8000-000000000003',
  state: 'unlisted',
  shareUrl: 'https://example.test/volunteer/activities/x?share=abc',
  applicantCount: 3,
  waitlistCount: 0,
  checkedInCount: 0,
  publishedAt: '2026-07-01T00:00:00.000Z',
  cancelledAt: null,
  cancelReason: null,
};

describe('the organizer form state', () => {
  test('a stored activity shows its times as Japan wall-clock time, whatever the phone zone', () => {
    const form = formFromActivity(stored);
    expect(form.startsAt).toBe('2026-08-01T10:00');
    expect(form.endsAt).toBe('2026-08-01T12:00');
    expect(form.applicationDeadline).toBe('');
    expect(form.capacity).toBe('30');
    expect(form.publishAs).toBe('unlisted');
  });

  test('round trip: what was stored is sent back unchanged', () => {
    const result = bodyFromForm(formFromActivity(stored), 'unlisted', 'ja');
    expect(result.errors).toBeNull();
    // Every item of the body is the stored value, and the body has every item of the form.
    const keys = Object.keys(result.body ?? {}) as (keyof typeof stored)[];
    expect(result.body).toEqual(Object.fromEntries(keys.map((key) => [key, stored[key]])));
    expect(keys.sort()).toEqual([...Object.keys(activityInputSchema.shape), 'thumbnailImageId'].sort());
  });

  test('an empty draft is sent with nulls, not empty strings, for dates and choices', () => {
    const result = bodyFromForm({ ...emptyActivityForm, title: '下書き' }, 'draft', 'ja');
    expect(result.body).toMatchObject({
      title: '下書き',
      startsAt: null,
      endsAt: null,
      category: null,
      capacity: null,
      insurance: null,
      location: null,
      schoolDistrictCode: null,
      visibility: 'draft',
    });
  });

  test('full-width digits typed on a Japanese keyboard are read', () => {
    const result = bodyFromForm(
      { ...emptyActivityForm, capacity: '３０', lat: '３２．８', lng: '１３０．７' },
      'draft',
      'ja',
    );
    expect(result.body?.capacity).toBe(30);
    expect(result.body?.location).toEqual({ lat: 32.8, lng: 130.7 });
  });

  test('a capacity that is not a whole number is refused with the domain message, in the locale', () => {
    for (const capacity of ['1.5', 'abc', '0', '-3']) {
      const result = bodyFromForm({ ...emptyActivityForm, capacity }, 'draft', 'en');
      expect(result.errors?.capacity).toMatch(/whole number/);
    }
    expect(bodyFromForm({ ...emptyActivityForm, capacity: 'x' }, 'draft', 'ja').errors?.capacity).toMatch(
      /整数/,
    );
  });

  test('half a map point, or a point that is not one, is refused', () => {
    expect(bodyFromForm({ ...emptyActivityForm, lat: '32.8' }, 'draft', 'ja').errors?.location).toBeTruthy();
    expect(
      bodyFromForm({ ...emptyActivityForm, lat: '132.8', lng: '30.7' }, 'draft', 'ja').errors?.location,
    ).toBeTruthy();
    expect(parseDegrees('32.8.1')).toBeNull();
    expect(parseDegrees('-12.5')).toBe(-12.5);
  });

  test('a phone position is kept to about a metre', () => {
    expect(roundDegrees(32.803123456)).toBe('32.80312');
  });
});

describe('the activity day (R-PT-2: check-in only on the day)', () => {
  const startsAt = '2026-08-01T01:00:00.000Z';
  const endsAt = '2026-08-01T03:00:00.000Z';

  test('the same JST date, even early in the morning or late at night', () => {
    // 00:30 and 23:30 JST on 1 August.
    expect(isActivityDay(startsAt, endsAt, new Date('2026-07-31T15:30:00Z'))).toBe(true);
    expect(isActivityDay(startsAt, endsAt, new Date('2026-08-01T14:30:00Z'))).toBe(true);
  });

  test('not the day before or after in Japan, and not for an undated draft', () => {
    expect(isActivityDay(startsAt, endsAt, new Date('2026-07-31T14:30:00Z'))).toBe(false);
    expect(isActivityDay(startsAt, endsAt, new Date('2026-08-01T15:30:00Z'))).toBe(false);
    expect(isActivityDay(null, null, new Date('2026-08-01T02:00:00Z'))).toBe(false);
  });

  test('every day of an activity spanning several days', () => {
    expect(isActivityDay(startsAt, '2026-08-03T03:00:00.000Z', new Date('2026-08-02T05:00:00Z'))).toBe(true);
  });
});
