import type { CheckInScan, Localized } from '@kumamoto/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client.ts';
import { queryKeys } from '../../../api/queries.ts';

/** POST /api/check-in's answer (server: features/check-in): the same for a first and a repeated scan. */
export interface CheckInAnswer {
  outcome: 'checked_in' | 'already_checked_in';
  activity: { id: string; title: string; groupName: string };
  points: number;
  certificate: { serial: string };
  rankUp: { rankName: Localized } | null;
}

/** Failures where nobody answered, or the server was too busy: sending again is safe (idempotent). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'network' || error.code === 'service_unavailable' || error.code === 'rate_limited')
  );
}

/**
 * What the result screen shows: the server's answer, or, when the code had moved on but this
 * resident's check-in is already recorded (an answer lost on a weak connection), that fact
 * read from the activity (no certificate number in hand then).
 */
export type CheckInOutcome =
  | CheckInAnswer
  | (Omit<CheckInAnswer, 'outcome' | 'certificate' | 'rankUp'> & {
      outcome: 'already_checked_in';
      certificate: null;
      rankUp: null;
    });

/** Codes that mean the code on the screen has moved on: scan the new one. */
export const staleCodes: ReadonlySet<string> = new Set([
  'check_in_token_expired',
  'check_in_code_not_recognised',
]);

/** Tries after the first on a weak connection, about 1, 2, 4 and 8 seconds apart. */
const automaticRetries = 4;

/**
 * Sends the scanned token or typed code. A lost answer or a busy server is retried a few
 * times by itself: the server grants once per person and activity, ever, so a repeat only
 * reads back the same check-in.
 */
export function useCheckIn(scan: CheckInScan) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (): Promise<CheckInOutcome> => {
      try {
        return await api<CheckInAnswer>(
          'POST',
          '/api/check-in',
          scan.kind === 'checkin' ? { token: scan.token } : { code: scan.code },
        );
      } catch (error) {
        const recovered =
          scan.kind === 'checkin' && error instanceof ApiError && staleCodes.has(error.code)
            ? await recordedCheckIn(scan.activityId)
            : null;
        if (recovered) return recovered;
        throw error;
      }
    },
    retry: (failures, error) => failures < automaticRetries && isTransient(error),
    retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
    // Points, certificates and the rank-up notice are new: read them again when next shown.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.personal }),
  });
}

/** This resident's check-in to the activity, if the server has it (after a reply that was lost). */
async function recordedCheckIn(activityId: string): Promise<CheckInOutcome | null> {
  try {
    const activity = await api<{ id: string; title: string; groupName: string; checkedIn?: boolean }>(
      'GET',
      `/api/activities/${activityId}`,
    );
    if (activity.checkedIn !== true) return null;
    const { id, title, groupName } = activity;
    return {
      outcome: 'already_checked_in',
      activity: { id, title, groupName },
      points: 100,
      certificate: null,
      rankUp: null,
    };
  } catch {
    return null;
  }
}
