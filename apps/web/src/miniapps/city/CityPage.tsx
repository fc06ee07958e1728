import {
  activityFieldLabels,
  applicationItems,
  auditActionLabel,
  auditSubjectTypeLabel,
  findCategory,
  isActivityFieldId,
  isCategoryId,
  organizerCategories,
} from '@kumamoto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { Pager, pageCount } from '../../ui/Pager.tsx';
import { useSession } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { GroupActions } from '../organizer/GroupActions.tsx';
import { History } from '../organizer/OrganizerPage.tsx';
import { LateCheckIn } from './LateCheckIn.tsx';
import { CertificateRevocation } from './CertificateRevocation.tsx';
import {
  organizerKeys,
  type ApplicationSummary,
  type ApplicationView,
  type Details,
  type GroupView,
} from '../organizer/api.ts';

const selectClass =
  'mt-1 block min-h-12 w-full rounded-8 border-2 border-solid-gray-600 bg-white px-3 text-std-17N-170';

/**
 * The city console (issue 4): the review queue, one application with its documents and history,
 * approve or return with a reason (R-ORG-5), and the audit log for city administrators.
 */
export function CityPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  const staff = user?.roles.some((role) => role === 'city_reviewer' || role === 'city_admin') ?? false;
  if (!staff) {
    return (
      <>
        <PageHeader title={t('city.title')} />
        <Alert tone="error" title={t('miniApp.restrictedTitle')}>
          {t('miniApp.restricted')}
        </Alert>
      </>
    );
  }
  const id = params.get('application');
  if (id) return <ReviewScreen id={id} />;
  if (params.get('view') === 'audit') return <AuditScreen />;
  if (params.get('view') === 'late-check-in') return <LateCheckIn />;
  if (params.get('view') === 'certificates') return <CertificateRevocation />;
  const group = params.get('group');
  if (group) return <GroupReviewScreen id={group} />;
  if (params.get('view') === 'groups') return <GroupsScreen />;
  return <QueueScreen admin={user?.roles.includes('city_admin') ?? false} />;
}

function QueueScreen({ admin }: { admin: boolean }) {
  const { t, locale } = useTranslation();
  const [status, setStatus] = useState('submitted,resubmitted');
  const [category, setCategory] = useState('');
  const [age, setAge] = useState('');
  const [page, setPage] = useState(1);
  const ids = { status: useId(), category: useId(), age: useId() };
  const query = new URLSearchParams({ status, page: String(page) });
  if (category) query.set('category', category);
  if (age) query.set('minAgeDays', age);
  const queue = useQuery({
    queryKey: organizerKeys.queue(query.toString()),
    queryFn: () =>
      api<{ items: ApplicationSummary[]; total: number; page: number; pageSize: number }>(
        'GET',
        `/api/city/organizer/applications?${query.toString()}`,
      ),
  });
  const pages = pageCount(queue.data);
  return (
    <>
      <PageHeader title={t('city.title')} lead={t('city.queue')} />
      <div className="mb-4 flex flex-wrap gap-x-6">
        <Link to="/city?view=groups" className="inline-flex min-h-11 items-center text-blue-900 underline">
          {t('organizer.group.groups')}
        </Link>
        {admin && (
          <Link to="/city?view=audit" className="inline-flex min-h-11 items-center text-blue-900 underline">
            {t('city.audit')}
          </Link>
        )}
        {admin && (
          <Link
            to="/city?view=late-check-in"
            className="inline-flex min-h-11 items-center text-blue-900 underline"
          >
            {t('checkIn.late.title')}
          </Link>
        )}
        {admin && (
          <Link
            to="/city?view=certificates"
            className="inline-flex min-h-11 items-center text-blue-900 underline"
          >
            {t('certificates.revoke.title')}
          </Link>
        )}
      </div>
      <Card className="mb-4 grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor={ids.status} className="text-std-16B-170">
            {t('city.filterStatus')}
          </label>
          <select
            id={ids.status}
            className={selectClass}
            value={status}
            onChange={(e) => (setStatus(e.target.value), setPage(1))}
          >
            <option value="submitted,resubmitted">{t('organizer.status.submitted')}</option>
            <option value="returned">{t('organizer.status.returned')}</option>
            <option value="approved">{t('organizer.status.approved')}</option>
            <option value="withdrawn">{t('organizer.status.withdrawn')}</option>
          </select>
        </div>
        <div>
          <label htmlFor={ids.category} className="text-std-16B-170">
            {t('city.filterCategory')}
          </label>
          <select
            id={ids.category}
            className={selectClass}
            value={category}
            onChange={(e) => (setCategory(e.target.value), setPage(1))}
          >
            <option value="">{t('city.allCategories')}</option>
            {organizerCategories.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label[locale]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.age} className="text-std-16B-170">
            {t('city.filterAge')}
          </label>
          <select
            id={ids.age}
            className={selectClass}
            value={age}
            onChange={(e) => (setAge(e.target.value), setPage(1))}
          >
            <option value="">{t('city.anyAge')}</option>
            {[3, 7, 14].map((days) => (
              <option key={days} value={days}>
                {t('city.olderThan', { days })}
              </option>
            ))}
          </select>
        </div>
      </Card>
      {queue.isPending && <Loading />}
      <ProblemAlert error={queue.error} />
      {queue.data?.items.length === 0 && <p>{t('city.empty')}</p>}
      <ul className="space-y-3">
        {queue.data?.items.map((item) => (
          <li key={item.id}>
            <Link
              to={`/city?application=${item.id}`}
              className="block min-h-11 rounded-12 border border-solid-gray-200 bg-white p-4 hover:bg-blue-50"
            >
              <span className="block text-std-17B-170 text-blue-900 underline">{item.name}</span>
              <span className="block text-std-16N-170">
                {isCategoryId(item.category) ? findCategory(item.category).label[locale] : ''}・
                {t(`organizer.status.${item.status}`)}・{t('city.round', { round: item.round })}
              </span>
              {item.submittedAt && (
                <span className="block text-std-16N-170 text-solid-gray-700">
                  {t('city.submittedOn', { date: formatDate(item.submittedAt, locale) })}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
      <Pager page={page} pages={pages} onChange={setPage} />
    </>
  );
}

function detailValue(details: Details, key: keyof Details, locale: 'ja' | 'en'): string {
  const value = details[key];
  if (key === 'category') return isCategoryId(value) ? findCategory(value).label[locale] : '';
  if (key === 'activityFields' && Array.isArray(value)) {
    return value.map((id) => (isActivityFieldId(id) ? activityFieldLabels[id][locale] : id)).join('、');
  }
  if (typeof value === 'string') return value;
  return '';
}

function ReviewScreen({ id }: { id: string }) {
  const { t, locale } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const reasonId = useId();
  const review = useQuery({
    queryKey: organizerKeys.review(id),
    queryFn: () => api<ApplicationView>('GET', `/api/city/organizer/applications/${id}`),
  });
  const act = useMutation({
    mutationFn: (event: 'approve' | 'return') =>
      api<unknown>(
        'POST',
        `/api/city/organizer/applications/${id}/${event}`,
        reason.trim() ? { reason } : {},
      ),
    onSuccess: (_data, event) => {
      setDone(event === 'approve' ? t('city.approved') : t('city.returned'));
      setReason('');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'city'] }),
  });
  if (review.isPending) return <Loading />;
  if (!review.data) return <ProblemAlert error={review.error} />;
  const application = review.data;
  const can = (event: string) => application.actions.some((action) => action.event === event);
  const documents = [application.details.officerList, application.details.bylaws].filter(
    (doc) => doc !== null,
  );
  return (
    <>
      <Link to="/city" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('city.backToQueue')}
      </Link>
      <PageHeader
        title={application.details.name}
        lead={`${t(`organizer.status.${application.status}`)}・${t('city.round', { round: application.round })}`}
      />
      <div className="space-y-4">
        {done && (
          <Alert tone="success" live>
            {done}
          </Alert>
        )}
        <Card as="section">
          {application.applicant && (
            <p className="mb-3 text-std-17B-170">
              {t('city.applicant', { name: application.applicant.displayName })}
            </p>
          )}
          <dl className="space-y-3">
            {applicationItems
              .filter((item) => item.input !== 'document' && item.input !== 'declaration')
              .map((item) => (
                <div key={item.key}>
                  <dt className="text-std-16B-170 text-solid-gray-700">{item.label[locale]}</dt>
                  <dd className="whitespace-pre-wrap break-words text-std-17N-170">
                    {detailValue(application.details, item.key, locale) || '—'}
                  </dd>
                </div>
              ))}
          </dl>
        </Card>
        {documents.length > 0 && (
          <Card as="section" aria-labelledby="city-documents">
            <h2 id="city-documents" className="mb-2 text-std-20B-150">
              {t('city.documents')}
            </h2>
            <ul className="space-y-2">
              {documents.map((doc) => (
                <li key={doc.id}>
                  <a
                    href={`/api/organizer/documents/${doc.id}?application=${application.id}`}
                    target="_blank"
                    rel="noreferrer"
                    className="inline-flex min-h-11 items-center text-blue-900 underline"
                  >
                    {t('city.openDocument', { name: doc.fileName })}
                  </a>
                </li>
              ))}
            </ul>
          </Card>
        )}
        {(can('application.approve') || can('application.return')) && (
          <Card as="section" className="space-y-3">
            <label htmlFor={reasonId} className="block text-std-17B-170">
              {t('city.reason')}
            </label>
            <textarea
              id={reasonId}
              rows={4}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              className="block w-full rounded-8 border-2 border-solid-gray-600 px-3 py-2 text-std-17N-170"
            />
            <ProblemAlert error={act.error} />
            <div className="flex flex-col gap-3 sm:flex-row">
              <Button onClick={() => act.mutate('approve')} disabled={act.isPending}>
                {t('city.approve')}
              </Button>
              <Button variant="secondary" onClick={() => act.mutate('return')} disabled={act.isPending}>
                {t('city.return')}
              </Button>
            </div>
          </Card>
        )}
        <History entries={application.history} />
      </div>
    </>
  );
}

interface AuditItem {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  reason: string | null;
}

function AuditScreen() {
  const { t } = useTranslation();
  const [action, setAction] = useState('');
  const [page, setPage] = useState(1);
  const filterId = useId();
  const query = new URLSearchParams({ page: String(page) });
  if (action) query.set('action', action);
  const log = useQuery({
    queryKey: organizerKeys.audit(query.toString()),
    queryFn: () =>
      api<{ items: AuditItem[]; total: number; pageSize: number }>(
        'GET',
        `/api/city/audit?${query.toString()}`,
      ),
  });
  const pages = pageCount(log.data);
  return (
    <>
      <Link to="/city" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('city.backToQueue')}
      </Link>
      <PageHeader title={t('city.audit')} />
      <Card className="mb-4">
        <label htmlFor={filterId} className="text-std-16B-170">
          {t('city.auditFilter')}
        </label>
        <input
          id={filterId}
          value={action}
          onChange={(event) => (setAction(event.target.value), setPage(1))}
          className={selectClass}
          placeholder="organizer."
        />
      </Card>
      {log.isPending && <Loading />}
      <ProblemAlert error={log.error} />
      {log.data?.items.length === 0 && <p>{t('city.auditEmpty')}</p>}
      <ol className="space-y-2">
        {log.data?.items.map((item) => (
          <AuditEvent key={item.id} item={item} />
        ))}
      </ol>
      <Pager page={page} pages={pages} onChange={setPage} />
    </>
  );
}

/**
 * One audit event: what happened in the viewer's language, when, and on what; the stored codes
 * stay underneath, small, so support staff can quote them and filter by them.
 */
function AuditEvent({ item }: { item: AuditItem }) {
  const { locale } = useTranslation();
  const action = auditActionLabel(item.action, locale);
  const subject = auditSubjectTypeLabel(item.subjectType, locale);
  return (
    <li className="rounded-8 border border-solid-gray-200 bg-white p-3 text-std-16N-170">
      <p className="text-std-17B-170">{action}</p>
      <p>{formatDateTime(item.occurredAt, locale)}</p>
      <p className="text-solid-gray-800">
        {subject}
        {item.subjectId && <span className="ml-2 break-all text-solid-gray-700">{item.subjectId}</span>}
      </p>
      {item.reason && <p className="whitespace-pre-wrap">{item.reason}</p>}
      {(action !== item.action || subject !== item.subjectType) && (
        <p
          className="mt-1 flex flex-wrap gap-x-2 font-mono text-dns-14N-130 text-solid-gray-700"
          translate="no"
        >
          <span>{item.action}</span>
          <span>
            <span aria-hidden="true">· </span>
            {item.subjectType}
          </span>
        </p>
      )}
    </li>
  );
}

function GroupsScreen() {
  const { t, locale } = useTranslation();
  const groups = useQuery({
    queryKey: ['me', 'city', 'groups'],
    queryFn: () =>
      api<{ items: { id: string; name: string; status: string; rightsEnd: string }[] }>(
        'GET',
        '/api/city/organizer/groups',
      ),
  });
  return (
    <>
      <Link to="/city" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('city.backToQueue')}
      </Link>
      <PageHeader title={t('organizer.group.groups')} />
      {groups.isPending && <Loading />}
      <ProblemAlert error={groups.error} />
      <ul className="space-y-3">
        {groups.data?.items.map((group) => (
          <li key={group.id}>
            <Link
              to={`/city?group=${group.id}`}
              className="block min-h-11 rounded-12 border border-solid-gray-200 bg-white p-4 hover:bg-blue-50"
            >
              <span className="block text-std-17B-170 text-blue-900 underline">{group.name}</span>
              <span className="block text-std-16N-170">
                {t('organizer.rightsUntil', {
                  date: formatDate(`${group.rightsEnd}T12:00:00+09:00`, locale),
                })}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}

function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'object' && 'fileName' in value) return String(value.fileName);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function GroupReviewScreen({ id }: { id: string }) {
  const { t, locale } = useTranslation();
  const group = useQuery({
    queryKey: ['me', 'city', 'group', id],
    queryFn: () => api<GroupView>('GET', `/api/city/organizer/groups/${id}`),
  });
  if (group.isPending) return <Loading />;
  if (!group.data) return <ProblemAlert error={group.error} />;
  const view = group.data;
  return (
    <>
      <Link to="/city?view=groups" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('organizer.group.groups')}
      </Link>
      <PageHeader
        title={view.details.name}
        lead={`${t(`organizer.groupStatus.${view.effectiveStatus}`)}・${t('organizer.rightsUntil', {
          date: formatDate(`${view.rightsEnd}T12:00:00+09:00`, locale),
        })}`}
      />
      <div className="space-y-4">
        {view.changeDiff && (
          <Card as="section" aria-labelledby="city-diff">
            <h2 id="city-diff" className="mb-2 text-std-20B-150">
              {t('organizer.group.diff')}
            </h2>
            <dl className="space-y-3">
              {view.changeDiff.map((change) => (
                <div key={change.field}>
                  <dt className="text-std-16B-170">
                    {applicationItems.find((item) => item.key === change.field)?.label[locale] ??
                      change.field}
                  </dt>
                  <dd className="text-std-16N-170">
                    {t('organizer.group.before')}：{showValue(change.before)}
                  </dd>
                  <dd className="text-std-16B-170">
                    {t('organizer.group.after')}：{showValue(change.after)}
                  </dd>
                </div>
              ))}
            </dl>
          </Card>
        )}
        <GroupActions basePath={`/api/city/organizer/groups/${view.id}/events`} actions={view.actions} />
        {view.history && <History entries={view.history} />}
      </div>
    </>
  );
}
