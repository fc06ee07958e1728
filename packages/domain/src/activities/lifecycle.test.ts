import { describe, expect, it } from 'vitest';
import {
  activityPhase,
  activityState,
  allowedOrganizerActions,
  canChangeVisibility,
  canViewActivity,
  isListedNow,
  isSearchable,
  organizerActionRefusal,
} from './lifecycle.ts';
import { at, festivalEnd, festivalFacts, festivalStart, minutes, now } from './test-fixtures.ts';

const during = at(festivalStart, minutes(30));
const after = festivalEnd;

describe('activityPhase and activityState (ended is derived, no job)', () => {
  it('moves from upcoming through in progress to ended by the clock alone', () => {
    const facts = festivalFacts();
    expect(activityPhase(facts, now)).toBe('upcoming');
    expect(activityPhase(facts, during)).toBe('in_progress');
    expect(activityPhase(facts, after)).toBe('ended');
    expect(activityState(facts, now)).toBe('public');
    expect(activityState(facts, after)).toBe('ended');
  });

  it('keeps an undated draft unscheduled, and a draft a draft', () => {
    const draft = festivalFacts({ visibility: 'draft', startsAt: null, endsAt: null });
    expect(activityPhase(draft, now)).toBe('unscheduled');
    expect(activityState(festivalFacts({ visibility: 'draft' }), after)).toBe('draft');
  });

  it('says cancelled rather than ended for a cancelled activity', () => {
    expect(activityState(festivalFacts({ cancelledAt: now }), after)).toBe('cancelled');
  });
});

describe('what lists and search show (R-ACT-3, R-ACT-4, FAQ Q2)', () => {
  it('lists public activities until they end, including while in progress', () => {
    expect(isListedNow(festivalFacts(), now)).toBe(true);
    expect(isListedNow(festivalFacts(), during)).toBe(true);
    expect(isListedNow(festivalFacts(), after)).toBe(false);
  });

  it.each(['draft', 'unlisted'] as const)('never lists a %s activity', (visibility) => {
    expect(isListedNow(festivalFacts({ visibility }), now)).toBe(false);
    expect(isSearchable(festivalFacts({ visibility }))).toBe(false);
  });

  it('takes a cancelled activity out of every list', () => {
    expect(isListedNow(festivalFacts({ cancelledAt: now }), now)).toBe(false);
    expect(isSearchable(festivalFacts({ cancelledAt: now }))).toBe(false);
  });
});

describe('canViewActivity', () => {
  const stranger = { isOrganizer: false, hasApplication: false, viaShareLink: false };

  it('shows public pages to anyone, unlisted ones only through the link, drafts to the group', () => {
    expect(canViewActivity({ visibility: 'public' }, stranger)).toBe(true);
    expect(canViewActivity({ visibility: 'unlisted' }, stranger)).toBe(false);
    expect(canViewActivity({ visibility: 'unlisted' }, { ...stranger, viaShareLink: true })).toBe(true);
    expect(canViewActivity({ visibility: 'draft' }, { ...stranger, viaShareLink: true })).toBe(false);
    expect(canViewActivity({ visibility: 'draft' }, { ...stranger, isOrganizer: true })).toBe(true);
  });

  it('keeps an activity visible to those who applied (their history, R-ACT-5)', () => {
    expect(canViewActivity({ visibility: 'unlisted' }, { ...stranger, hasApplication: true })).toBe(true);
  });
});

describe('organizer actions (R-ACT-5)', () => {
  it('deletes only drafts: an ended activity stays in participants’ history', () => {
    expect(organizerActionRefusal('delete', festivalFacts({ visibility: 'draft' }), after)).toBeNull();
    expect(organizerActionRefusal('delete', festivalFacts(), now)).toBe('not_a_draft');
    expect(organizerActionRefusal('delete', festivalFacts(), after)).toBe('not_a_draft');
    expect(organizerActionRefusal('delete', festivalFacts({ cancelledAt: now }), now)).toBe('not_a_draft');
  });

  it('freezes ended and cancelled activities but still lets the organizer write to participants', () => {
    expect(organizerActionRefusal('edit', festivalFacts(), after)).toBe('already_ended');
    expect(organizerActionRefusal('cancel', festivalFacts(), after)).toBe('already_ended');
    expect(organizerActionRefusal('edit', festivalFacts({ cancelledAt: now }), now)).toBe(
      'already_cancelled',
    );
    expect(organizerActionRefusal('cancel', festivalFacts({ cancelledAt: now }), now)).toBe(
      'already_cancelled',
    );
    expect(organizerActionRefusal('send_notice', festivalFacts(), after)).toBeNull();
    expect(organizerActionRefusal('send_notice', festivalFacts({ visibility: 'draft' }), now)).toBe(
      'not_published',
    );
  });

  it('lists the buttons a published upcoming activity offers', () => {
    expect(allowedOrganizerActions(festivalFacts(), now)).toEqual({
      edit: true,
      publish: false,
      change_visibility: true,
      cancel: true,
      delete: false,
      send_notice: true,
    });
    expect(allowedOrganizerActions(festivalFacts({ visibility: 'draft' }), now)).toEqual({
      edit: true,
      publish: true,
      change_visibility: false,
      cancel: false,
      delete: true,
      send_notice: false,
    });
  });

  it('moves between public and unlisted but never back to draft', () => {
    expect(canChangeVisibility('draft', 'unlisted')).toBe(true);
    expect(canChangeVisibility('public', 'unlisted')).toBe(true);
    expect(canChangeVisibility('unlisted', 'public')).toBe(true);
    expect(canChangeVisibility('public', 'draft')).toBe(false);
  });
});
