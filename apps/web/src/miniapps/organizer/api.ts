import type { ApplicationStatus, DocumentRef, LifecycleEvent } from '@kumamoto/domain';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, fetchSession } from '../../api/client.ts';

/** The organizer API's shapes as the web uses them (server: features/organizer/schemas.ts). */
export interface Details {
  category: string | null;
  name: string;
  representative: string;
  address: string;
  overview: string;
  website: string;
  phone: string;
  email: string;
  activityFields: string[];
  trackRecord: string;
  officerList: DocumentRef | null;
  bylaws: DocumentRef | null;
  declaration?: boolean;
}

export interface HistoryEntry {
  event: string;
  round: number | null;
  reason: string | null;
  occurredAt: string;
}

export interface ApplicationView {
  id: string;
  status: ApplicationStatus;
  round: number;
  details: Details;
  submittedAt: string | null;
  updatedAt: string;
  groupId: string | null;
  history: HistoryEntry[];
  actions: { event: LifecycleEvent; reason: 'required' | 'optional' | 'none' }[];
  applicant?: { id: string; displayName: string } | null;
}

export interface ApplicationSummary {
  id: string;
  status: ApplicationStatus;
  round: number;
  name: string;
  category: string | null;
  submittedAt: string | null;
  updatedAt: string;
}

export interface GroupView {
  id: string;
  role?: 'admin' | 'member';
  details: Details;
  status: string;
  effectiveStatus: 'active' | 'lapsed' | 'suspended' | 'ended';
  rightsEnd: string;
  rightsPhase: 'in_force' | 'renewal_window' | 'lapsed';
  memberLimit: number;
  members: { userId: string; role: 'admin' | 'member'; displayName: string; joinedAt: string }[];
  canCreateActivities: boolean;
  activityRefusal: string | null;
  requests: { change: string | null; renewal: string | null; termination: string | null };
  actions: { event: LifecycleEvent; reason: 'required' | 'optional' | 'none' }[];
  history?: HistoryEntry[];
  changeDiff?: { field: string; before: unknown; after: unknown }[] | null;
}

/** Per-person keys start with 'me' so that signing out drops them. */
export const organizerKeys = {
  applications: ['me', 'organizer', 'applications'] as const,
  application: (id: string) => ['me', 'organizer', 'application', id] as const,
  groups: ['me', 'organizer', 'groups'] as const,
  group: (id: string) => ['me', 'organizer', 'group', id] as const,
  invitation: (token: string) => ['me', 'organizer', 'invitation', token] as const,
  queue: (query: string) => ['me', 'city', 'queue', query] as const,
  review: (id: string) => ['me', 'city', 'review', id] as const,
  audit: (query: string) => ['me', 'city', 'audit', query] as const,
};

export function useMyApplications() {
  return useQuery({
    queryKey: organizerKeys.applications,
    queryFn: () => api<{ items: ApplicationSummary[] }>('GET', '/api/organizer/applications'),
  });
}

export function useMyApplication(id: string | null) {
  return useQuery({
    queryKey: organizerKeys.application(id ?? ''),
    queryFn: () => api<ApplicationView>('GET', `/api/organizer/applications/${id}`),
    enabled: id !== null,
  });
}

export function useMyGroups() {
  return useQuery({
    queryKey: organizerKeys.groups,
    queryFn: () => api<{ items: GroupView[] }>('GET', '/api/organizer/groups'),
  });
}

export function useGroup(id: string) {
  return useQuery({
    queryKey: organizerKeys.group(id),
    queryFn: () => api<GroupView>('GET', `/api/organizer/groups/${id}`),
  });
}

/** Field errors of a refused application: item → localized message (from problem+json). */
export class FieldProblem extends ApiError {
  readonly fields: Record<string, string>;

  constructor(code: ApiError['code'], status: number, fields: Record<string, string>) {
    super(code, status);
    this.fields = fields;
  }
}

/**
 * Writes that may come back with item errors: like `api`, but keeps problem+json `errors`.
 * Uses the same CSRF token as every other write.
 */
export async function sendForm<T>(method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const { csrfToken } = await fetchSession();
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: JSON.stringify(body),
  });
  return answer<T>(response);
}

async function answer<T>(response: Response): Promise<T> {
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  const problem = (await response.json().catch(() => ({}))) as {
    code?: ApiError['code'];
    errors?: { path: string; message: string }[];
  };
  const fields = Object.fromEntries((problem.errors ?? []).map((error) => [error.path, error.message]));
  throw new FieldProblem(problem.code ?? 'internal', response.status, fields);
}

/** Uploads one document (officer list or bylaws); the server sniffs what it really is. */
export async function uploadDocument(file: File): Promise<DocumentRef> {
  const { csrfToken } = await fetchSession();
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch('/api/organizer/documents', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
    body: form,
  });
  return answer<DocumentRef>(response);
}
