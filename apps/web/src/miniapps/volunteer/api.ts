import type { ActivityCategoryId, ApplicationAvailability, ActivityState } from '@kumamoto/domain';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/**
 * The volunteer mini-app's view of the activities API (issue 5, resident side), as the
 * contract states it. The server declares the same shapes in zod.
 */
export interface ActivitySummary {
  id: string;
  title: string;
  category: ActivityCategoryId | null;
  startsAt: string;
  endsAt: string;
  placeName: string;
  address: string;
  schoolDistrictCode: string | null;
  capacity: number | null;
  applicantCount: number;
  availability: ApplicationAvailability;
  state: ActivityState;
  thumbnailUrl: string | null;
  groupName: string;
  /** Only when searching near a point. */
  distanceKm?: number;
}

export interface MyApplication {
  status: 'applied' | 'waitlisted';
  waitlistPosition: number | null;
}

/** A notice the organizer (or the app, on a change) sent the participants (R-ACT-4). */
export interface ActivityNoticeView {
  id: string;
  kind: string;
  /** The organizer's words; for a cancellation, the reason; empty for a date change. */
  body: string;
  /** A date change carries the old and new times (oldStartsAt … newEndsAt), as instants. */
  params: Record<string, string | number>;
  sentAt: string;
}

export interface ActivityDetail extends ActivitySummary {
  message: string;
  content: string;
  belongings: string;
  clothing: string;
  meetingPoint: string;
  parking: string;
  targetParticipants: string;
  contact: string;
  location: { lat: number; lng: number } | null;
  applicationDeadline: string | null;
  applicationsCloseAt: string | null;
  insurance: string | null;
  restrictToDistrict: boolean;
  placesLeft: number | null;
  waitlistCount: number;
  myApplication: MyApplication | null;
  checkedIn: boolean;
  shareUrl: string | null;
  /** Notices sent so far, when the server shows them to this participant. */
  notices?: ActivityNoticeView[];
}

export interface SearchPage {
  items: ActivitySummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ApplyResult {
  status: 'applied' | 'waitlisted';
  waitlistPosition: number | null;
  warnings: 'verify_before_the_day'[];
}

export interface MyActivity extends ActivitySummary {
  myStatus: 'applied' | 'waitlisted' | 'cancelled';
  waitlistPosition: number | null;
  checkedIn: boolean;
}

export interface MyActivities {
  upcoming: MyActivity[];
  past: MyActivity[];
}

/**
 * The list is the same for everyone; the detail carries the viewer's own application and
 * the "my activities" list is theirs, so both sit under ['me', …] and leave with sign-out.
 */
export const volunteerKeys = {
  search: (query: string) => ['activities', 'search', query] as const,
  allSearches: ['activities', 'search'] as const,
  detail: (id: string, share: string | null) => ['me', 'activity', id, share] as const,
  allDetails: ['me', 'activity'] as const,
  mine: ['me', 'activities'] as const,
};

/** `?share=TOKEN` for an unlisted activity opened through its link; empty otherwise. */
export function shareSuffix(share: string | null): string {
  return share ? `?share=${encodeURIComponent(share)}` : '';
}

/**
 * Search results a page at a time ("more" appends the next page). `query` is the URL query
 * of the search without `page` (see search-url.ts).
 */
export function useActivitySearch(query: string, pageSize: number) {
  return useInfiniteQuery({
    queryKey: volunteerKeys.search(query),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(query);
      params.set('page', String(pageParam));
      params.set('pageSize', String(pageSize));
      return api<SearchPage>('GET', `/api/activities?${params.toString()}`);
    },
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    // While a changed filter loads, the last results stay (marked busy) instead of a blank screen.
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string, share: string | null) {
  return useQuery({
    queryKey: volunteerKeys.detail(id, share),
    queryFn: () =>
      api<ActivityDetail>('GET', `/api/activities/${encodeURIComponent(id)}${shareSuffix(share)}`),
  });
}

export function useMyActivities(enabled: boolean) {
  return useQuery({
    queryKey: volunteerKeys.mine,
    queryFn: () => api<MyActivities>('GET', '/api/me/activities'),
    enabled,
  });
}

/** After applying or cancelling: the counts in lists, the page and "my activities" all change. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: volunteerKeys.allDetails }),
      queryClient.invalidateQueries({ queryKey: volunteerKeys.mine }),
      queryClient.invalidateQueries({ queryKey: volunteerKeys.allSearches }),
    ]);
}

export function useApply(id: string, share: string | null) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: () =>
      api<ApplyResult>(
        'POST',
        `/api/activities/${encodeURIComponent(id)}/applications`,
        share ? { share } : {},
      ),
    onSuccess: refresh,
  });
}

export function useCancelApplication(id: string) {
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: () => api<void>('DELETE', `/api/activities/${encodeURIComponent(id)}/applications/me`),
    onSuccess: refresh,
  });
}

/** The calendar file (RFC 5545) the server writes from the domain's ics.ts. */
export function calendarUrl(id: string, share: string | null): string {
  return `/api/activities/${encodeURIComponent(id)}/calendar.ics${shareSuffix(share)}`;
}
