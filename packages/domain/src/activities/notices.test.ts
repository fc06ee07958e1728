import { describe, expect, it } from 'vitest';
import { changeNotice, type NoticeSubject } from './notices.ts';
import { at, festivalEnd, festivalStart, minutes, now } from './test-fixtures.ts';

const before: NoticeSubject = {
  visibility: 'public',
  cancelledAt: null,
  startsAt: festivalStart,
  endsAt: festivalEnd,
  title: '〇〇祭り当日運営ボランティア',
  contact: 'TEL:096-123-4567',
};

describe('changeNotice (R-ACT-4, FAQ Q2)', () => {
  it('announces a new date with the old and the new times and the contact', () => {
    const after = {
      ...before,
      startsAt: at(festivalStart, minutes(60 * 24 * 7)),
      endsAt: at(festivalEnd, minutes(60 * 24 * 7)),
    };
    expect(changeNotice(before, after)).toEqual({
      kind: 'activity_date_changed',
      params: {
        title: before.title,
        contact: before.contact,
        oldStartsAt: '2026-02-18T01:00:00.000Z',
        oldEndsAt: '2026-02-18T09:00:00.000Z',
        newStartsAt: '2026-02-25T01:00:00.000Z',
        newEndsAt: '2026-02-25T09:00:00.000Z',
      },
    });
  });

  it('announces a changed end time alone too', () => {
    expect(changeNotice(before, { ...before, endsAt: at(festivalEnd, -minutes(60)) })?.kind).toBe(
      'activity_date_changed',
    );
  });

  it('announces a cancellation, and only that when the date changed in the same step', () => {
    const after = { ...before, cancelledAt: now, startsAt: at(festivalStart, minutes(60)) };
    expect(changeNotice(before, after)).toEqual({
      kind: 'activity_cancelled',
      params: { title: before.title, contact: before.contact, startsAt: '2026-02-18T02:00:00.000Z' },
    });
  });

  it('stays quiet when nothing about the date changed', () => {
    expect(
      changeNotice(before, { ...before, title: '新しいタイトル', startsAt: new Date(festivalStart) }),
    ).toBeNull();
  });

  it('stays quiet for a draft (nobody applied) and for an activity already cancelled', () => {
    const draft = { ...before, visibility: 'draft' } as const;
    expect(changeNotice(draft, { ...draft, startsAt: now })).toBeNull();
    expect(changeNotice(draft, { ...draft, visibility: 'public' })).toBeNull();
    const cancelled = { ...before, cancelledAt: now };
    expect(changeNotice(cancelled, { ...cancelled, endsAt: at(festivalEnd, minutes(5)) })).toBeNull();
  });
});
