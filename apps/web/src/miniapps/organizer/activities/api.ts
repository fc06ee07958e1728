import {
  isErrorCode,
  type ActivityCategoryId,
  type ActivityState,
  type ActivityVisibility,
  type ApplicationAvailability,
  type EligibilityCriterionId,
  type Gender,
  type GroupRefusal,
  type GeoPoint,
  type InsuranceArrangement,
  type OrganizerAction,
} from '@kumamoto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, fetchSession } from '../../../api/client.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { FieldProblem } from '../api.ts';

/**
 * The organizer side of activities as the web uses it (issue 5; server:
 * features/activities/organizer, shapes fixed in the round's API contract).
 */

/** One row of a group's activity list. */
export interface OrganizerActivitySummary {
  id: string;
  title: string;
  category: string | null;
  startsAt: string | null;
  endsAt: string | null;
  placeName: string;
  address: string;
  schoolDistrictCode: string | null;
  capacity: number | null;
  applicantCount: number;
  availability: ApplicationAvailability;
  state: ActivityState;
  thumbnailUrl: string | null;
  groupName: string;
  waitlistCount: number;
  checkedInCount: number;
}

/** The domain's ActivityInput as JSON (dates as ISO instants), plus the uploaded thumbnail. */
export interface ActivityBody {
  title: string;
  message: string;
  content: string;
  belongings: string;
  clothing: string;
  meetingPoint: string;
  parking: string;
  targetParticipants: string;
  contact: string;
  startsAt: string | null;
  endsAt: string | null;
  placeName: string;
  address: string;
  location: GeoPoint | null;
  category: ActivityCategoryId | null;
  capacity: number | null;
  applicationDeadline: string | null;
  insurance: InsuranceArrangement | null;
  schoolDistrictCode: string | null;
  restrictToDistrict: boolean;
  visibility: ActivityVisibility;
  eligibility: EligibilityCriterionId[];
  thumbnailImageId: string | null;
}

/** One activity as its organizers see it (GET /api/organizer/activities/:id). */
export interface OrganizerActivity extends Omit<ActivityBody, 'thumbnailImageId'> {
  id: string;
  groupId: string;
  groupName: string;
  thumbnailImageId: string | null;
  thumbnailUrl: string | null;
  state: ActivityState;
  /** The unguessable link (URL限定公開), shown to organizers only. */
  shareUrl: string;
  applicantCount: number;
  waitlistCount: number;
  checkedInCount: number;
  publishedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
}

export interface OrganizerActivityView {
  activity: OrganizerActivity;
  /** What this organizer may do now (domain allowedOrganizerActions); the screen offers only these. */
  allowedActions: Record<OrganizerAction, boolean>;
  /** Why the group may not publish now (R-ORG-8, R-ORG-10), or null. */
  groupRefusal: GroupRefusal | null;
}

/** An organizer's own message, or one sent by itself on a date change or cancellation (R-ACT-4). */
export type NoticeKind = 'message' | 'rescheduled' | 'cancelled';

export interface SentNotice {
  id: string;
  kind: NoticeKind;
  body: string;
  sentAt: string;
  recipientCount: number;
}

export type ParticipantStatus = 'applied' | 'waitlisted';

/** R-ID-4: name, age and gender only. */
export interface Participant {
  name: string;
  age: number | null;
  gender: Gender | null;
  status: ParticipantStatus;
  appliedAt: string;
}

export interface ParticipantList {
  counts: {
    applied: number;
    waitlisted: number;
    capacity: number | null;
    checkedIn: number;
    walkIns: number;
  };
  participants: Participant[];
}

export interface UploadedImage {
  id: string;
  url: string;
  width: number;
  height: number;
}

/** Per-person keys start with 'me' so signing out drops them (queryKeys.personal). */
export const activityKeys = {
  all: ['me', 'organizer', 'activities'] as const,
  ofGroup: (groupId: string) => ['me', 'organizer', 'activities', 'group', groupId] as const,
  one: (id: string) => ['me', 'organizer', 'activities', 'one', id] as const,
  notices: (id: string) => ['me', 'organizer', 'activities', 'notices', id] as const,
  participants: (id: string) => ['me', 'organizer', 'activities', 'participants', id] as const,
};

export const activityPaths = {
  list: (groupId: string) => `/organizer/groups/${groupId}/activities`,
  create: (groupId: string) => `/organizer/groups/${groupId}/activities/new`,
  manage: (id: string) => `/organizer/activities/${id}`,
  edit: (id: string) => `/organizer/activities/${id}/edit`,
  notices: (id: string) => `/organizer/activities/${id}/notices`,
  participants: (id: string) => `/organizer/activities/${id}/participants`,
  checkIn: (id: string) => `/organizer/activities/${id}/check-in`,
  csv: (id: string) => `/api/organizer/activities/${id}/participants.csv`,
};

export function useGroupActivities(groupId: string) {
  return useQuery({
    queryKey: activityKeys.ofGroup(groupId),
    queryFn: () =>
      api<{ activities: OrganizerActivitySummary[] }>('GET', `/api/organizer/groups/${groupId}/activities`),
    // Counts move as residents apply: always fresh when the screen opens.
    staleTime: 0,
  });
}

export function useOrganizerActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.one(id),
    queryFn: () => api<OrganizerActivityView>('GET', `/api/organizer/activities/${id}`),
    staleTime: 0,
  });
}

export function useActivityNotices(id: string) {
  return useQuery({
    queryKey: activityKeys.notices(id),
    queryFn: () => api<{ notices: SentNotice[] }>('GET', `/api/organizer/activities/${id}/notices`),
  });
}

/** Each read is audited on the server (R-ID-4), so it is fetched only on the participants screen. */
export function useParticipants(id: string) {
  return useQuery({
    queryKey: activityKeys.participants(id),
    queryFn: () => api<ParticipantList>('GET', `/api/organizer/activities/${id}/participants`),
    staleTime: 0,
  });
}

/**
 * A write whose refusal may name items (problem+json `errors`), thrown as a FieldProblem. The
 * server words item messages by Accept-Language, so the app's own language is sent, not the
 * browser's.
 */
export async function send<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const { csrfToken } = await fetchSession();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'accept-language': currentLocale(),
        'content-type': 'application/json',
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('network', 0);
  }
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  throw problemOf(response.status, await response.text());
}

function problemOf(status: number, text: string): FieldProblem {
  let problem: { code?: unknown; errors?: { path: string; message: string }[] } = {};
  try {
    problem = JSON.parse(text) as typeof problem;
  } catch {
    problem = {};
  }
  const fields = Object.fromEntries((problem.errors ?? []).map((error) => [error.path, error.message]));
  const code = isErrorCode(problem.code)
    ? problem.code
    : status >= 502 && status <= 504
      ? 'service_unavailable'
      : 'internal';
  return new FieldProblem(code, status, fields);
}

/** Creates (POST) or saves (PUT) an activity; item errors come back as a FieldProblem. */
export function saveActivity(
  target: { groupId: string } | { id: string },
  body: ActivityBody,
): Promise<{ id: string }> {
  return 'id' in target
    ? send<{ id: string }>('PUT', `/api/organizer/activities/${target.id}`, body)
    : send<{ id: string }>('POST', `/api/organizer/groups/${target.groupId}/activities`, body);
}

/** After any change: the activity, its group's list and the counts are refetched. */
export function useInvalidateActivities() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: activityKeys.all });
}

/** The actions of the manage screen, each a POST (or DELETE) that answers with a problem on refusal. */
export function useActivityAction(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (
      action:
        | { kind: 'visibility'; visibility: 'public' | 'unlisted' }
        | { kind: 'cancel'; reason: string }
        | { kind: 'delete' },
    ) => {
      switch (action.kind) {
        case 'visibility':
          return send<unknown>('POST', `/api/organizer/activities/${id}/visibility`, {
            visibility: action.visibility,
          });
        case 'cancel':
          return send<unknown>('POST', `/api/organizer/activities/${id}/cancel`, {
            reason: action.reason,
          });
        case 'delete':
          return api<void>('DELETE', `/api/organizer/activities/${id}`);
      }
    },
    onSettled: (_data, error, action) => {
      // A deleted draft is gone: refetching it would only answer "not found" while the
      // screen moves on to the list, so only the lists are refreshed.
      if (action.kind === 'delete' && !error) {
        return queryClient.invalidateQueries({ queryKey: [...activityKeys.all, 'group'] });
      }
      return invalidate();
    },
  });
}

export function useSendNotice(id: string) {
  const invalidate = useInvalidateActivities();
  return useMutation({
    mutationFn: (body: string) =>
      send<{ id: string; recipientCount: number }>('POST', `/api/organizer/activities/${id}/notices`, {
        body,
      }),
    onSettled: invalidate,
  });
}

/**
 * Uploads a thumbnail (a photo straight from the phone) with progress. The server checks that
 * it is an image, re-encodes it to WebP and strips EXIF/GPS. XMLHttpRequest, not fetch, because
 * only it reports upload progress.
 */
export async function uploadActivityImage(
  groupId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<UploadedImage> {
  const { csrfToken } = await fetchSession();
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<UploadedImage>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/organizer/groups/${groupId}/activity-images`);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', currentLocale());
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError('network', 0));
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(JSON.parse(request.responseText) as UploadedImage);
      } else {
        reject(problemOf(request.status, request.responseText));
      }
    };
    request.send(form);
  });
}
