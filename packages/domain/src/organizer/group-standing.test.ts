import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../jst.ts';
import { canCreateActivities, canIssuePoints, effectiveGroupStatus } from './group-standing.ts';
import type { GroupStatus } from './lifecycle-states.ts';

const jst = (local: string) => new Date(`${local}+09:00`);
const group = (status: GroupStatus, rightsEnd: IsoDate = '2026-03-31') => ({ status, rightsEnd });

describe('effectiveGroupStatus (R-ORG-6, R-ORG-10): derived, no job', () => {
  it.each<[GroupStatus, string, string]>([
    ['active', '2026-03-31T23:59', 'active'],
    ['active', '2026-04-01T00:00', 'lapsed'],
    ['suspended', '2026-03-31T23:59', 'suspended'],
    ['suspended', '2026-04-01T00:00', 'suspended'],
    ['ended', '2026-03-31T23:59', 'ended'],
    ['ended', '2026-04-01T00:00', 'ended'],
  ])('%s at %s JST is %s', (status, at, effective) => {
    expect(effectiveGroupStatus(group(status), jst(at))).toBe(effective);
  });

  it('lapses at 15:00 UTC on 31 March, which is 00:00 JST on 1 April', () => {
    expect(effectiveGroupStatus(group('active'), new Date('2026-03-31T14:59:59.999Z'))).toBe('active');
    expect(effectiveGroupStatus(group('active'), new Date('2026-03-31T15:00:00.000Z'))).toBe('lapsed');
  });

  it('a renewed group does not lapse that night', () => {
    expect(effectiveGroupStatus(group('active', '2027-03-31'), jst('2026-04-01T00:00'))).toBe('active');
  });
});

describe('canIssuePoints and canCreateActivities (R-ORG-8, R-ORG-10)', () => {
  const lastMinute = jst('2026-03-31T23:59');
  const firstMinute = jst('2026-04-01T00:00');

  it.each([
    ['an active group', group('active'), lastMinute, { ok: true }],
    ['a lapsed group', group('active'), firstMinute, { ok: false, reason: 'lapsed' }],
    ['a suspended group', group('suspended'), lastMinute, { ok: false, reason: 'suspended' }],
    ['an ended group', group('ended'), lastMinute, { ok: false, reason: 'ended' }],
  ])('points: %s', (_name, facts, now, expected) => {
    expect(canIssuePoints(facts, now)).toEqual(expected);
  });

  it('a pending change stops new activities but not points (activities already published carry on)', () => {
    const facts = { ...group('active'), changePending: true };
    expect(canCreateActivities(facts, lastMinute)).toEqual({ ok: false, reason: 'change_pending' });
    expect(canIssuePoints(facts, lastMinute)).toEqual({ ok: true });
  });

  it.each([
    [false, 'active', lastMinute, { ok: true }],
    [false, 'active', firstMinute, { ok: false, reason: 'lapsed' }],
    [true, 'active', firstMinute, { ok: false, reason: 'lapsed' }],
    [true, 'suspended', lastMinute, { ok: false, reason: 'suspended' }],
    [false, 'ended', lastMinute, { ok: false, reason: 'ended' }],
  ] as const)('activities: change pending %s, %s group', (changePending, status, now, expected) => {
    expect(canCreateActivities({ ...group(status), changePending }, now)).toEqual(expected);
  });
});
