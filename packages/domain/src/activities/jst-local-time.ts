/**
 * The organizer form enters times as Japan wall-clock time ('2025-02-18T10:00', the value of
 * an <input type="datetime-local">), whatever time zone the phone is set to: an activity in
 * Kumamoto starts at 10:00 in Kumamoto. These convert between that and an instant.
 */
const jstOffsetMs = 9 * 60 * 60 * 1000;
const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/u;

export function toJstLocalInput(instant: Date): string {
  return new Date(instant.getTime() + jstOffsetMs).toISOString().slice(0, 16);
}

/** Null for anything that is not a real date and time (2025-02-30T10:00, 24:00, …). */
export function fromJstLocalInput(value: string): Date | null {
  const match = localPattern.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const utc = Date.UTC(year, month - 1, day, hour, minute);
  const back = new Date(utc);
  // Date.UTC rolls 30 February over into March; a rolled-over value was not a real date.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return new Date(utc - jstOffsetMs);
}
