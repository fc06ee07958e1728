/**
 * Size limits of the organizer form. Lengths count characters (code points), as a person
 * would. Generous enough for the guide's own example activity (section 12), short enough to
 * read on a phone.
 */
export const activityTextLimits = {
  title: 80,
  message: 2000,
  content: 2000,
  belongings: 500,
  clothing: 300,
  meetingPoint: 200,
  parking: 300,
  targetParticipants: 500,
  contact: 300,
  placeName: 100,
  address: 200,
} as const;
export type ActivityTextField = keyof typeof activityTextLimits;

/** Fields where a line break belongs; the rest are one line (a title, a place name). */
export const multilineActivityFields: readonly ActivityTextField[] = [
  'message',
  'content',
  'belongings',
  'clothing',
  'meetingPoint',
  'parking',
  'targetParticipants',
  'contact',
];

/**
 * A sanity bound, not a policy: the city itself (an eligible organizer) runs events with
 * thousands of volunteers, such as a marathon, so only absurd numbers are refused.
 */
export const maxActivityCapacity = 10_000;

/** The thumbnail as uploaded (a phone photo); the server re-encodes it smaller. */
export const maxThumbnailUploadBytes = 10 * 1024 * 1024;
