import type { Gender } from '@kumamoto/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';

/**
 * The city's late issue (R-PT-2, FAQ Q3): finding the activity and the resident
 * (server: features/check-in/late-issue-search.ts), then POST /api/city/check-in/late.
 * Query keys start with ['me', 'city', …] so signing out drops them.
 */

/** An activity a late issue can be for. Dates arrive as ISO strings. */
export interface LateActivity {
  id: string;
  title: string;
  groupName: string;
  startsAt: string;
  endsAt: string;
  capacity: number | null;
  applicantCount: number;
  checkedInCount: number;
}

/** Name (on the card), age on the activity's day and gender only (R-ID-4). */
export interface LateResident {
  userId: string;
  name: string;
  age: number | null;
  gender: Gender | null;
}

export interface LookedUpResident extends LateResident {
  alreadyCheckedIn: boolean;
  applied: boolean;
}

export interface ActivitySearch {
  q: string;
  from: string;
  to: string;
  page: number;
}

interface ActivityPage {
  items: LateActivity[];
  total: number;
  page: number;
  pageSize: number;
}

/** POST /api/city/check-in/late's answer: the same shape as a resident's check-in. */
export interface LateCheckInAnswer {
  outcome: 'checked_in' | 'already_checked_in';
  activity: { id: string; title: string; groupName: string };
  points: number;
  certificate: { serial: string };
}

const keys = {
  all: ['me', 'city', 'late-check-in'] as const,
  activities: (search: ActivitySearch) => [...keys.all, 'activities', search] as const,
  candidates: (activityId: string) => [...keys.all, 'candidates', activityId] as const,
};

export function useActivitySearch(search: ActivitySearch) {
  const params = new URLSearchParams({ page: String(search.page) });
  if (search.q.trim()) params.set('q', search.q.trim());
  if (search.from) params.set('from', search.from);
  if (search.to) params.set('to', search.to);
  return useQuery({
    queryKey: keys.activities(search),
    queryFn: () => api<ActivityPage>('GET', `/api/city/check-in/late/activities?${params.toString()}`),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useCandidates(activityId: string | null) {
  return useQuery({
    queryKey: keys.candidates(activityId ?? ''),
    queryFn: () =>
      api<{ activity: LateActivity; candidates: LateResident[] }>(
        'GET',
        `/api/city/check-in/late/activities/${encodeURIComponent(activityId ?? '')}/candidates`,
      ),
    enabled: activityId !== null,
    retry: false,
  });
}

/** A POST so the name and birth date never sit in a URL (server: audited, birth date hashed). */
export function useResidentLookup() {
  return useMutation({
    mutationFn: ({ activityId, ...body }: { activityId: string; name: string; birthDate: string }) =>
      api<{ residents: LookedUpResident[] }>(
        'POST',
        `/api/city/check-in/late/activities/${encodeURIComponent(activityId)}/resident-lookup`,
        body,
      ),
  });
}

export function useLateIssue() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { activityId: string; userId: string; reason: string }) =>
      api<LateCheckInAnswer>('POST', '/api/city/check-in/late', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'city'] }),
  });
}
