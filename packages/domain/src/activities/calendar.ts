import type { IcsEvent } from '../ics.ts';
import type { Locale } from '../locale.ts';
import type { ActivityInput } from './activity.ts';
import { findActivityField } from './fields.ts';

/** A published activity as the calendar file describes it. */
export type CalendarActivity = Pick<
  ActivityInput,
  | 'title'
  | 'content'
  | 'meetingPoint'
  | 'belongings'
  | 'clothing'
  | 'parking'
  | 'contact'
  | 'placeName'
  | 'address'
  | 'location'
> & { id: string; startsAt: Date; endsAt: Date; cancelledAt: Date | null };

export interface CalendarOptions {
  /** The app's origin; its host makes the UID globally unique. */
  appOrigin: string;
  /** The page the event links back to (for an unlisted activity: its share link). */
  pageUrl: string;
  now: Date;
  /** The reader's language, for the headings inside the description. */
  locale: Locale;
  /** A number that grows with every change of the activity (e.g. its revision). */
  sequence?: number;
}

/**
 * "Add to calendar" from the detail page (issue 5): what a participant needs on the day
 * travels with the event, including the contact, since notices cannot be answered (R-ACT-4).
 */
export function activityCalendarEvent(activity: CalendarActivity, options: CalendarOptions): IcsEvent {
  const sections = (['meetingPoint', 'belongings', 'clothing', 'parking', 'contact'] as const)
    .filter((field) => activity[field].trim() !== '')
    .map((field) => `【${findActivityField(field).label[options.locale]}】\n${activity[field]}`);
  const description = [activity.content, ...sections, options.pageUrl].filter((part) => part.trim() !== '');
  return {
    uid: `activity-${activity.id}@${new URL(options.appOrigin).host}`,
    stamp: options.now,
    start: activity.startsAt,
    end: activity.endsAt,
    summary: activity.title,
    description: description.join('\n\n'),
    location: [activity.placeName, activity.address].filter((part) => part.trim() !== '').join(', '),
    url: options.pageUrl,
    geo: activity.location,
    status: activity.cancelledAt ? 'CANCELLED' : 'CONFIRMED',
    ...(options.sequence === undefined ? {} : { sequence: options.sequence }),
  };
}
