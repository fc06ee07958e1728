import { describe, expect, it } from 'vitest';
import {
  applicationAvailability,
  applicationDecision,
  applicationsCloseAt,
  cancellationRefusal,
  placesLeft,
  type ApplicationRequest,
} from './applications.ts';
import { at, festivalFacts, festivalStart, minutes, now } from './test-fixtures.ts';

const verifiedInTetori = { verified: true, schoolDistrict: { code: 'tetori', source: 'address' } } as const;

function request(overrides: Partial<ApplicationRequest> = {}): ApplicationRequest {
  return {
    activity: festivalFacts(),
    now,
    applicantCount: 12,
    existing: null,
    viaShareLink: false,
    applicant: verifiedInTetori,
    ...overrides,
  };
}

describe('applicationDecision', () => {
  it('accepts a verified resident while places are left', () => {
    expect(applicationDecision(request())).toEqual({ outcome: 'accept', warnings: [] });
  });

  it('lets an unverified resident apply, with the warning about points and certificates (R-PT-3)', () => {
    expect(applicationDecision(request({ applicant: { verified: false, schoolDistrict: null } }))).toEqual({
      outcome: 'accept',
      warnings: ['verify_before_the_day'],
    });
  });

  it('offers the waiting list when full, never a place beyond the capacity', () => {
    expect(applicationDecision(request({ applicantCount: 29 })).outcome).toBe('accept');
    expect(applicationDecision(request({ applicantCount: 30 })).outcome).toBe('waitlist');
    expect(applicationDecision(request({ applicantCount: 31 })).outcome).toBe('waitlist');
  });

  it('never fills up an activity without a capacity', () => {
    expect(
      applicationDecision(request({ activity: festivalFacts({ capacity: null }), applicantCount: 5000 }))
        .outcome,
    ).toBe('accept');
  });

  it.each([
    ['a draft', { activity: festivalFacts({ visibility: 'draft' }) }, 'not_open'],
    [
      'an unlisted activity reached without its link',
      { activity: festivalFacts({ visibility: 'unlisted' }) },
      'not_open',
    ],
    ['a cancelled activity (R-ACT-4)', { activity: festivalFacts({ cancelledAt: now }) }, 'cancelled'],
    ['an ended activity', { now: at(festivalStart, minutes(24 * 60)) }, 'ended'],
    ['an activity that has started', { now: festivalStart }, 'closed'],
    [
      'after the deadline',
      { activity: festivalFacts({ applicationDeadline: at(now, -minutes(1)) }) },
      'closed',
    ],
    ['a second time', { existing: 'applied' }, 'already_applied'],
    ['while on the waiting list', { existing: 'waitlisted' }, 'already_waitlisted'],
  ] as const)('refuses applying to %s', (_, overrides, reason) => {
    expect(applicationDecision(request(overrides))).toEqual({ outcome: 'refuse', reason });
  });

  it('accepts an unlisted activity reached through its link', () => {
    const activity = festivalFacts({ visibility: 'unlisted' });
    expect(applicationDecision(request({ activity, viaShareLink: true })).outcome).toBe('accept');
  });

  it('says "cancelled" even to someone who already applied', () => {
    expect(
      applicationDecision(request({ activity: festivalFacts({ cancelledAt: now }), existing: 'applied' })),
    ).toEqual({
      outcome: 'refuse',
      reason: 'cancelled',
    });
  });

  describe('district restriction from the verified address (R-ACT-6, beyond the guide)', () => {
    const activity = festivalFacts({ restrictToDistrict: true });

    it('accepts a resident whose verified address is in the district', () => {
      expect(applicationDecision(request({ activity })).outcome).toBe('accept');
    });

    it('refuses a resident of another district', () => {
      const applicant = { verified: true, schoolDistrict: { code: 'oe', source: 'address' } } as const;
      expect(applicationDecision(request({ activity, applicant }))).toEqual({
        outcome: 'refuse',
        reason: 'wrong_district',
      });
    });

    it('asks an unverified resident to verify first', () => {
      const applicant = { verified: false, schoolDistrict: { code: 'tetori', source: 'chosen' } } as const;
      expect(applicationDecision(request({ activity, applicant }))).toEqual({
        outcome: 'refuse',
        reason: 'district_needs_verification',
      });
    });

    it('does not trust a district the resident picked themselves', () => {
      const applicant = { verified: true, schoolDistrict: { code: 'tetori', source: 'chosen' } } as const;
      expect(applicationDecision(request({ activity, applicant }))).toEqual({
        outcome: 'refuse',
        reason: 'district_unknown',
      });
      expect(
        applicationDecision(request({ activity, applicant: { verified: true, schoolDistrict: null } })),
      ).toEqual({
        outcome: 'refuse',
        reason: 'district_unknown',
      });
    });

    it('ignores the district when the activity is not restricted', () => {
      const applicant = { verified: true, schoolDistrict: { code: 'oe', source: 'address' } } as const;
      expect(applicationDecision(request({ applicant })).outcome).toBe('accept');
    });
  });
});

describe('applicationsCloseAt and applicationAvailability', () => {
  it('closes at the deadline, or at the start without one', () => {
    const deadline = at(festivalStart, -minutes(24 * 60));
    expect(applicationsCloseAt(festivalFacts())).toEqual(festivalStart);
    expect(applicationsCloseAt(festivalFacts({ applicationDeadline: deadline }))).toEqual(deadline);
  });

  it('tells the listing whether one can apply', () => {
    expect(applicationAvailability(festivalFacts(), now, 0)).toBe('open');
    expect(applicationAvailability(festivalFacts(), now, 30)).toBe('full');
    expect(applicationAvailability(festivalFacts(), festivalStart, 0)).toBe('closed');
    expect(applicationAvailability(festivalFacts({ cancelledAt: now }), now, 0)).toBe('closed');
    expect(applicationAvailability(festivalFacts({ visibility: 'draft' }), now, 0)).toBe('not_open');
  });

  it('counts places left (「参加人数: 12/30人」)', () => {
    expect(placesLeft(30, 12)).toBe(18);
    expect(placesLeft(30, 31)).toBe(0);
    expect(placesLeft(null, 12)).toBeNull();
  });
});

describe('cancellationRefusal: withdraw until the start', () => {
  const activity = festivalFacts();

  it('allows withdrawing an application or leaving the waiting list before the start', () => {
    expect(cancellationRefusal(activity, 'applied', at(festivalStart, -1))).toBeNull();
    expect(cancellationRefusal(activity, 'waitlisted', now)).toBeNull();
  });

  it('refuses from the start on, without an application, and for a cancelled activity', () => {
    expect(cancellationRefusal(activity, 'applied', festivalStart)).toBe('started');
    expect(cancellationRefusal(activity, null, now)).toBe('not_applied');
    expect(cancellationRefusal(festivalFacts({ cancelledAt: now }), 'applied', now)).toBe('cancelled');
  });
});
