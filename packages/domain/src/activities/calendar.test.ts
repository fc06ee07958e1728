import { describe, expect, it } from 'vitest';
import { icsCalendar } from '../ics.ts';
import { activityCalendarEvent, type CalendarActivity } from './calendar.ts';
import { festivalEnd, festivalInput, festivalStart, now } from './test-fixtures.ts';

const activity: CalendarActivity = {
  ...festivalInput(),
  id: '0b7e5c1a',
  startsAt: festivalStart,
  endsAt: festivalEnd,
  cancelledAt: null,
};
const options = {
  appOrigin: 'https://kumamoto-app.example',
  pageUrl: 'https://kumamoto-app.example/volunteer/activities/0b7e5c1a',
  now,
  locale: 'ja',
} as const;

describe('activityCalendarEvent', () => {
  it('describes the activity with what a participant needs on the day', () => {
    const event = activityCalendarEvent(activity, options);
    expect(event).toMatchObject({
      uid: 'activity-0b7e5c1a@kumamoto-app.example',
      stamp: now,
      start: festivalStart,
      end: festivalEnd,
      summary: activity.title,
      location: '熊本市役所, 熊本市中央区手取本町1-1',
      url: options.pageUrl,
      geo: activity.location,
      status: 'CONFIRMED',
    });
    expect(event.description).toContain(activity.content);
    expect(event.description).toContain('【集合場所・時間】\n9:45に熊本市役所1階ロビー');
    expect(event.description).toContain('【問い合わせ先】\n〇〇団体\nTEL:0123456789');
    expect(event.description).toContain(options.pageUrl);
  });

  it('uses the reader’s language for the headings and skips empty items', () => {
    const event = activityCalendarEvent({ ...activity, clothing: '  ' }, { ...options, locale: 'en' });
    expect(event.description).toContain('【What to bring】');
    expect(event.description).not.toContain('What to wear');
  });

  it('marks a cancelled activity so calendars that hold it update', () => {
    const event = activityCalendarEvent({ ...activity, cancelledAt: now }, { ...options, sequence: 3 });
    expect(event.status).toBe('CANCELLED');
    expect(icsCalendar(event)).toContain('STATUS:CANCELLED\r\n');
    expect(icsCalendar(event)).toContain('SEQUENCE:3\r\n');
  });
});
