import { describe, expect, it } from 'vitest';
import {
  compareForListing,
  matchesActivitySearch,
  searchTimeWindow,
  type SearchCandidate,
} from './search-match.ts';
import { activitySearchParamsSchema } from './search-query.ts';
import { activitySearchText } from './search-text.ts';
import { festivalEnd, festivalFacts, festivalStart, now } from './test-fixtures.ts';

function candidate(overrides: Partial<SearchCandidate> = {}): SearchCandidate {
  return {
    ...festivalFacts(),
    id: 'a1',
    category: 'environment',
    location: { lat: 32.8031, lng: 130.7079 },
    applicantCount: 12,
    searchText: activitySearchText({
      title: '【手取校区】まち清掃ボランティア',
      message: '',
      content: '',
      targetParticipants: '',
      placeName: '熊本市役所',
      address: '熊本市中央区手取本町1-1',
      category: 'environment',
    }),
    ...overrides,
  };
}
const query = (params: Record<string, string> = {}) => activitySearchParamsSchema.parse(params);
const matches = (params: Record<string, string>, overrides: Partial<SearchCandidate> = {}, at = now) =>
  matchesActivitySearch(candidate(overrides), query(params), at);

describe('matchesActivitySearch (the meaning the SQL must agree with)', () => {
  it('finds a public upcoming activity by a partial Japanese keyword', () => {
    expect(matches({ q: '清掃' })).toBe(true);
    expect(matches({ q: '清掃 手取' })).toBe(true);
    expect(matches({ q: '清掃 大江' })).toBe(false);
  });

  it.each([
    ['a draft', { visibility: 'draft' }],
    ['an unlisted activity', { visibility: 'unlisted' }],
    ['a cancelled activity', { cancelledAt: now }],
  ] as const)('never finds %s (R-ACT-3, R-ACT-4)', (_, overrides) => {
    expect(matches({}, overrides)).toBe(false);
    expect(matches({ includeEnded: 'true' }, overrides)).toBe(false);
  });

  it('leaves out ended activities unless asked for them', () => {
    expect(matches({}, {}, festivalEnd)).toBe(false);
    expect(matches({ includeEnded: 'true' }, {}, festivalEnd)).toBe(true);
  });

  it('finds activities overlapping the chosen JST days', () => {
    expect(matches({ from: '2026-02-18', to: '2026-02-18' })).toBe(true);
    expect(matches({ from: '2026-02-19' })).toBe(false);
    expect(matches({ to: '2026-02-17' })).toBe(false);
  });

  it('treats the day in Japan time: an activity at 08:00 JST is on that JST day', () => {
    const early = {
      startsAt: new Date('2026-02-18T08:00:00+09:00'),
      endsAt: new Date('2026-02-18T08:30:00+09:00'),
    };
    expect(matches({ from: '2026-02-18', to: '2026-02-18' }, early)).toBe(true);
    expect(matches({ from: '2026-02-17', to: '2026-02-17' }, early)).toBe(false);
  });

  it('filters by category, district, places left and distance', () => {
    expect(matches({ categories: 'environment,children' })).toBe(true);
    expect(matches({ categories: 'welfare' })).toBe(false);
    expect(matches({ district: 'tetori' })).toBe(true);
    expect(matches({ district: 'oe' })).toBe(false);
    expect(matches({ hasPlacesLeft: 'true' }, { applicantCount: 29 })).toBe(true);
    expect(matches({ hasPlacesLeft: 'true' }, { applicantCount: 30 })).toBe(false);
    expect(matches({ hasPlacesLeft: 'true' }, { capacity: null, applicantCount: 500 })).toBe(true);
    // Kumamoto Station is about 2.3 km from City Hall.
    expect(matches({ lat: '32.7898', lng: '130.6887', radiusKm: '3' })).toBe(true);
    expect(matches({ lat: '32.7898', lng: '130.6887', radiusKm: '2' })).toBe(false);
    expect(matches({ lat: '32.7898', lng: '130.6887', radiusKm: '50' }, { location: null })).toBe(false);
  });
});

describe('searchTimeWindow', () => {
  it('by default keeps what has not ended yet', () => {
    expect(searchTimeWindow({ from: null, to: null, includeEnded: false }, now)).toEqual({
      endsAfter: now,
      startsBefore: null,
    });
  });

  it('turns JST days into instants, the later of "from" and now', () => {
    const window = searchTimeWindow({ from: '2026-02-14', to: '2026-02-15', includeEnded: false }, now);
    expect(window.endsAfter).toEqual(new Date('2026-02-14T00:00:00+09:00'));
    expect(window.startsBefore).toEqual(new Date('2026-02-16T00:00:00+09:00'));
    expect(searchTimeWindow({ from: '2026-01-01', to: null, includeEnded: false }, now).endsAfter).toEqual(
      now,
    );
    expect(searchTimeWindow({ from: null, to: null, includeEnded: true }, now).endsAfter).toBeNull();
  });
});

describe('compareForListing', () => {
  it('sorts by date, soonest first, with a stable order for equal times', () => {
    const later = { id: 'a', startsAt: new Date(festivalStart.getTime() + 1), endsAt: festivalEnd };
    const b = { id: 'b', startsAt: festivalStart, endsAt: festivalEnd };
    const c = { id: 'c', startsAt: festivalStart, endsAt: festivalEnd };
    expect([later, c, b].sort(compareForListing).map((x) => x.id)).toEqual(['b', 'c', 'a']);
  });
});
