import { describe, expect, it } from 'vitest';
import type { ActivityInput } from './activity.ts';
import { activityTextLimits, maxActivityCapacity } from './limits.ts';
import { at, festivalInput, festivalStart, minutes, now } from './test-fixtures.ts';
import { validateActivityInput, type ActivityValidationContext } from './validate-activity.ts';

const creating: ActivityValidationContext = { now, previous: null, applicantCount: 0 };
const validate = (overrides: Partial<ActivityInput>, context: Partial<ActivityValidationContext> = {}) =>
  validateActivityInput(festivalInput(overrides), { ...creating, ...context });

const emptyDraft: ActivityInput = {
  ...festivalInput(),
  title: '清掃活動（下書き）',
  message: '',
  content: '',
  belongings: '',
  clothing: '',
  meetingPoint: '',
  parking: '',
  targetParticipants: '',
  contact: '',
  startsAt: null,
  endsAt: null,
  placeName: '',
  address: '',
  location: null,
  category: null,
  capacity: null,
  insurance: null,
  schoolDistrictCode: null,
  visibility: 'draft',
  eligibility: [],
};

describe('validateActivityInput (R-ACT-2)', () => {
  it('accepts the guide’s example activity for publishing', () => {
    expect(validate({})).toEqual([]);
  });

  it('lets a draft be saved half-filled, with only a title', () => {
    expect(validateActivityInput(emptyDraft, creating)).toEqual([]);
  });

  it('needs a title even for a draft', () => {
    expect(validateActivityInput({ ...emptyDraft, title: ' \u3000' }, creating)).toEqual([
      { field: 'title', code: 'required' },
    ]);
  });

  it('names every missing item when a half-filled draft is published', () => {
    const errors = validateActivityInput({ ...emptyDraft, visibility: 'public' }, creating);
    expect(errors.map((e) => e.field).sort()).toEqual(
      [
        'message',
        'content',
        'parking',
        'targetParticipants',
        'contact',
        'placeName',
        'address',
        'category',
        'insurance',
        'startsAt',
        'endsAt',
        'eligibility',
      ].sort(),
    );
  });

  it('treats unlisted like public: publishing needs everything', () => {
    expect(validateActivityInput({ ...emptyDraft, visibility: 'unlisted' }, creating)).not.toEqual([]);
  });

  it('counts characters, not UTF-16 units, against the limit', () => {
    const limit = activityTextLimits.title;
    expect(validate({ title: '𠮷'.repeat(limit) })).toEqual([]);
    expect(validate({ title: '清'.repeat(limit + 1) })).toEqual([
      { field: 'title', code: 'too_long', limit },
    ]);
  });

  it('stores HTML as text: "<script>" is just words, not refused', () => {
    expect(validate({ content: '<script>alert(1)</script> & <b>太字</b>' })).toEqual([]);
  });

  it('refuses control characters, and line breaks in one-line fields', () => {
    expect(validate({ title: '清掃\u0000活動' })).toEqual([{ field: 'title', code: 'forbidden_characters' }]);
    expect(validate({ placeName: '熊本\n市役所' })).toEqual([
      { field: 'placeName', code: 'forbidden_characters' },
    ]);
    expect(validate({ content: '一行目\r\n二行目\tタブ' })).toEqual([]);
    expect(validate({ content: 'bell\u0007' })).toEqual([{ field: 'content', code: 'forbidden_characters' }]);
    expect(validate({ content: 'broken \uD800 half' })).toEqual([
      { field: 'content', code: 'forbidden_characters' },
    ]);
  });

  it('checks even a draft’s lengths and characters', () => {
    expect(validateActivityInput({ ...emptyDraft, content: 'x'.repeat(2001) }, creating)).toEqual([
      { field: 'content', code: 'too_long', limit: activityTextLimits.content },
    ]);
  });
});

describe('validateActivityInput: dates', () => {
  it('needs the end after the start', () => {
    expect(validate({ endsAt: festivalStart })).toEqual([{ field: 'endsAt', code: 'end_not_after_start' }]);
    expect(validate({ endsAt: at(festivalStart, -minutes(1)) })).toEqual([
      { field: 'endsAt', code: 'end_not_after_start' },
    ]);
  });

  it('needs a start still to come when publishing', () => {
    const start = at(now, -minutes(1));
    expect(validate({ startsAt: start, endsAt: at(now, minutes(60)) })).toEqual([
      { field: 'startsAt', code: 'start_not_in_future' },
    ]);
    expect(validate({ startsAt: now, endsAt: at(now, minutes(60)) })).toEqual([
      { field: 'startsAt', code: 'start_not_in_future' },
    ]);
  });

  it('lets a draft keep past dates (an old draft reopened)', () => {
    const start = at(now, -minutes(600));
    expect(
      validateActivityInput({ ...emptyDraft, startsAt: start, endsAt: at(start, minutes(60)) }, creating),
    ).toEqual([]);
  });

  it('needs a start still to come when a draft is published later', () => {
    const start = at(now, -minutes(60));
    const previous = {
      visibility: 'draft',
      startsAt: start,
      endsAt: at(start, minutes(90)),
      applicationDeadline: null,
    } as const;
    expect(validate({ startsAt: start, endsAt: at(start, minutes(90)) }, { previous })).toEqual([
      { field: 'startsAt', code: 'start_not_in_future' },
    ]);
  });

  it('lets an activity under way be corrected without touching its times', () => {
    const start = at(now, -minutes(60));
    const end = at(now, minutes(60));
    const previous = {
      visibility: 'public',
      startsAt: start,
      endsAt: end,
      applicationDeadline: null,
    } as const;
    expect(validate({ startsAt: start, endsAt: end, contact: '新しい連絡先' }, { previous })).toEqual([]);
  });

  it('refuses moving a published start or end into the past', () => {
    const start = at(now, -minutes(60));
    const end = at(now, minutes(60));
    const previous = {
      visibility: 'public',
      startsAt: start,
      endsAt: end,
      applicationDeadline: null,
    } as const;
    expect(validate({ startsAt: at(start, -minutes(30)), endsAt: end }, { previous })).toEqual([
      { field: 'startsAt', code: 'start_not_in_future' },
    ]);
    expect(validate({ startsAt: start, endsAt: at(now, -minutes(1)) }, { previous })).toEqual([
      { field: 'endsAt', code: 'end_not_in_future' },
    ]);
  });

  it('needs the application deadline at or before the start, and still to come', () => {
    expect(validate({ applicationDeadline: festivalStart })).toEqual([]);
    expect(validate({ applicationDeadline: at(festivalStart, minutes(1)) })).toEqual([
      { field: 'applicationDeadline', code: 'deadline_after_start' },
    ]);
    expect(validate({ applicationDeadline: at(now, -minutes(1)) })).toEqual([
      { field: 'applicationDeadline', code: 'deadline_not_in_future' },
    ]);
  });

  it('treats an invalid date as missing', () => {
    expect(validate({ startsAt: new Date(Number.NaN) })).toEqual([{ field: 'startsAt', code: 'required' }]);
  });
});

describe('validateActivityInput: capacity, place, choices', () => {
  it('takes no capacity as "no limit"', () => {
    expect(validate({ capacity: null })).toEqual([]);
  });

  it.each([0, -3, 2.5, Number.NaN])('refuses capacity %s', (capacity) => {
    expect(validate({ capacity })).toEqual([{ field: 'capacity', code: 'capacity_not_positive_integer' }]);
  });

  it('refuses an absurd capacity', () => {
    expect(validate({ capacity: maxActivityCapacity + 1 })).toEqual([
      { field: 'capacity', code: 'capacity_too_large', limit: maxActivityCapacity },
    ]);
  });

  it('never lowers the capacity below those who already hold a place', () => {
    expect(validate({ capacity: 11 }, { applicantCount: 12 })).toEqual([
      { field: 'capacity', code: 'capacity_below_applicants', limit: 12 },
    ]);
    expect(validate({ capacity: 12 }, { applicantCount: 12 })).toEqual([]);
  });

  it('keeps the map point near Kumamoto', () => {
    expect(validate({ location: { lat: 35.6812, lng: 139.7671 } })).toEqual([
      { field: 'location', code: 'outside_kumamoto' },
    ]);
    expect(validate({ location: { lat: 130.7079, lng: 32.8031 } })).toEqual([
      { field: 'location', code: 'invalid_location' },
    ]);
    expect(validate({ location: { lat: Number.NaN, lng: 130.7 } })).toEqual([
      { field: 'location', code: 'invalid_location' },
    ]);
    expect(validate({ location: null })).toEqual([]);
  });

  it('refuses unknown choices', () => {
    expect(validate({ category: 'shopping' as never })).toEqual([
      { field: 'category', code: 'unknown_choice' },
    ]);
    expect(validate({ insurance: 'maybe' as never })).toEqual([
      { field: 'insurance', code: 'unknown_choice' },
    ]);
    expect(validate({ visibility: 'secret' as never })).toEqual([
      { field: 'visibility', code: 'unknown_choice' },
    ]);
  });

  it('needs a district to restrict applications to (R-ACT-6)', () => {
    expect(validate({ restrictToDistrict: true, schoolDistrictCode: null })).toEqual([
      { field: 'schoolDistrictCode', code: 'district_needed_for_restriction' },
    ]);
    expect(validate({ restrictToDistrict: true })).toEqual([]);
  });

  it('refuses a district the city’s table does not list, when the table is given', () => {
    const districtCodes = new Set(['tetori', 'kumamoto-higashi']);
    expect(validate({ schoolDistrictCode: 'atlantis' }, { districtCodes })).toEqual([
      { field: 'schoolDistrictCode', code: 'unknown_choice' },
    ]);
    expect(validate({}, { districtCodes })).toEqual([]);
  });

  it('needs all five eligibility criteria ticked to publish (R-ACT-1)', () => {
    expect(validate({ eligibility: ['unpaid', 'non_profit_public_interest'] })).toEqual([
      { field: 'eligibility', code: 'eligibility_unconfirmed' },
    ]);
    expect(validate({ eligibility: [], visibility: 'draft' })).toEqual([]);
  });

  it('never turns a published activity back into a draft', () => {
    const previous = {
      visibility: 'unlisted',
      startsAt: festivalStart,
      endsAt: null,
      applicationDeadline: null,
    } as const;
    expect(validate({ visibility: 'draft' }, { previous })).toEqual([
      { field: 'visibility', code: 'cannot_return_to_draft' },
    ]);
    expect(validate({ visibility: 'public' }, { previous })).toEqual([]);
  });
});
