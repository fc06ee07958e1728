import type { Gender } from '@kumamoto/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/**
 * The organizer's "issue points" screen (issue 6, R-PT-1, R-PT-2): the server's answers as
 * the web uses them (server: features/check-in).
 */
export interface CheckInScreenState {
  /** Only on the activity's day (JST), for an active group, for an activity going ahead. */
  open: boolean;
  /** Why not: 'wrong_day' | 'group_inactive' | 'activity_cancelled' (domain checkInQrAvailability). */
  closedReason: string | null;
  token: string | null;
  /** What the QR code encodes: `${PUBLIC_URL}/scan/checkin/<token>`. */
  url: string | null;
  /** The six characters a resident types when the camera cannot read the code. */
  code: string | null;
  windowEndsAt: string | null;
  counts: { checkedIn: number; walkIns: number; applied: number; capacity: number | null };
  /** Refused scans by reason ("not_applied": 2, "already_checked_in": 5). */
  refusals: Record<string, number>;
}

export interface Attendance {
  name: string;
  age: number | null;
  gender: Gender | null;
  checkedInAt: string;
  /** Came without applying, to an activity without capacity (R-PT-4). */
  walkIn: boolean;
  method: 'qr' | 'code' | 'city';
}

/** The screen asks for a fresh code this often (the code itself changes every 30 s). */
export const checkInPollMs = 5_000;

export const checkInKeys = {
  state: (activityId: string) => ['me', 'organizer', 'check-in', activityId] as const,
  attendances: (activityId: string) => ['me', 'organizer', 'attendances', activityId] as const,
  activity: (activityId: string) => ['me', 'organizer', 'check-in-activity', activityId] as const,
};

/** The code, counts and refusals, polled while the screen is open (also in the background). */
export function useCheckInState(activityId: string) {
  return useQuery({
    queryKey: checkInKeys.state(activityId),
    queryFn: () => api<CheckInScreenState>('GET', `/api/organizer/activities/${activityId}/check-in`),
    refetchInterval: checkInPollMs,
    refetchIntervalInBackground: true,
    // A failed poll is retried by the next one; the screen says the code may be stale.
    retry: false,
  });
}

/** Who checked in. Each read is audited on the server, so it is read when asked for, not polled. */
export function useAttendances(activityId: string, enabled: boolean) {
  return useQuery({
    queryKey: checkInKeys.attendances(activityId),
    queryFn: () =>
      api<{ attendances: Attendance[] }>('GET', `/api/organizer/activities/${activityId}/attendances`),
    enabled,
    staleTime: Infinity,
  });
}

/** The activity's title for the screen's heading (the organizer activities API). */
export function useActivityTitle(activityId: string) {
  return useQuery({
    queryKey: checkInKeys.activity(activityId),
    queryFn: async () =>
      (
        await api<{ activity: { title: string; startsAt: string | null } }>(
          'GET',
          `/api/organizer/activities/${activityId}`,
        )
      ).activity,
    staleTime: 60_000,
    retry: false,
  });
}
