/**
 * Time windows of the organizer's rotating check-in QR code (R-PT-1, issue 6). Time is cut into
 * 30-second windows numbered from the Unix epoch; the code shown in window n carries n, and a
 * scan is accepted in window n and the one after it, so a code stays good for 30–60 seconds:
 * long enough for thirty phones and a weak connection, too short for a photo forwarded to a
 * friend to be worth anything later.
 */
export const checkInWindowSeconds = 30;
const windowMs = checkInWindowSeconds * 1000;

/** How a code reached the server: scanned from the screen, or typed from it by hand. */
export type CheckInEntry = 'scan' | 'typed';

/**
 * How many windows back a code is still accepted. Typing six characters from a screen at arm's
 * length takes an older person longer than one window, so a typed code gets two minutes.
 */
const windowsAccepted: Record<CheckInEntry, number> = { scan: 2, typed: 4 };

/** The window number at `now`. */
export function currentCheckInWindow(now: Date): number {
  return Math.floor(now.getTime() / windowMs);
}

/** The windows whose codes are accepted at `now`, newest first: current, then previous. */
export function acceptableCheckInWindows(now: Date, entry: CheckInEntry = 'scan'): number[] {
  const current = currentCheckInWindow(now);
  return Array.from({ length: windowsAccepted[entry] }, (_, back) => current - back);
}

/** When window `window` ends: the organizer's screen shows its next code then. */
export function checkInWindowEndsAt(window: number): Date {
  return new Date((window + 1) * windowMs);
}

/**
 * The current window and the next `count − 1`, so the server can sign a few minutes of codes
 * at once and the organizer's screen keeps rotating through a dropped connection.
 */
export function upcomingCheckInWindows(now: Date, count: number): number[] {
  const current = currentCheckInWindow(now);
  return Array.from({ length: count }, (_, ahead) => current + ahead);
}

export type CheckInWindowTiming = 'accepted' | 'expired' | 'not_yet_valid';

/**
 * How far ahead of the server an organizer's phone clock may run: its screen switches to the
 * next code a little early, and that code still works.
 */
export const checkInClockSkewSeconds = 5;

/**
 * Whether a code of window `window` is accepted at `now`. A code from further in the future can
 * only be a forged or leaked one: no screen shows it yet.
 */
export function checkInWindowTiming(
  window: number,
  now: Date,
  entry: CheckInEntry = 'scan',
): CheckInWindowTiming {
  const latest = currentCheckInWindow(new Date(now.getTime() + checkInClockSkewSeconds * 1000));
  if (window > latest) return 'not_yet_valid';
  return acceptableCheckInWindows(now, entry).includes(window) || window === latest ? 'accepted' : 'expired';
}
