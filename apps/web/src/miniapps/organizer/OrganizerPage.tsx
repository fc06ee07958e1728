import { findCategory, isCategoryId } from '@kumamoto/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { formatDate, formatDateTime } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ApplicationForm } from './ApplicationForm.tsx';
import { QrCode } from '../../ui/QrCode.tsx';
import { GroupActions } from './GroupActions.tsx';
import {
  organizerKeys,
  useGroup,
  useMyApplication,
  useMyApplications,
  useMyGroups,
  type ApplicationView,
  type HistoryEntry,
} from './api.ts';

/**
 * The organizer mini-app (issue 4). One page, its screen chosen by the address:
 * `?application=new|<id>`, `?group=<id>`, `#join=<token>` (the token stays out of server logs).
 */
export function OrganizerPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const join = /^#join=([\w-]{43})$/.exec(location.hash)?.[1] ?? null;
  const application = params.get('application');
  const group = params.get('group');

  if (!user) {
    return (
      <>
        <PageHeader title={t('organizer.title')} />
        <Alert tone="info">{t('notifications.signedOut')}</Alert>
      </>
    );
  }
  if (join) return <JoinScreen token={join} />;
  if (application === 'new') {
    return (
      <>
        <BackLink />
        <PageHeader title={t('organizer.form.title')} />
        <ApplicationForm application={null} />
      </>
    );
  }
  if (application) return <ApplicationScreen id={application} submitted={params.get('submitted') === '1'} />;
  if (group) return <GroupScreen id={group} />;
  return <HomeScreen />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to="/organizer" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
      {t('organizer.back')}
    </Link>
  );
}

function categoryLabel(category: string | null, locale: 'ja' | 'en'): string {
  return isCategoryId(category) ? findCategory(category).label[locale] : '';
}

function HomeScreen() {
  const { t, locale } = useTranslation();
  const applications = useMyApplications();
  const groups = useMyGroups();
  return (
    <>
      <PageHeader title={t('organizer.title')} lead={t('organizer.lead')} />
      <ButtonLink to="/organizer?application=new" className="mb-6 w-full sm:w-auto">
        {t('organizer.newApplication')}
      </ButtonLink>
      {groups.data && groups.data.items.length > 0 && (
        <section className="mb-6" aria-labelledby="organizer-groups">
          <h2 id="organizer-groups" className="mb-3 text-std-20B-150">
            {t('organizer.myGroups')}
          </h2>
          <ul className="space-y-3">
            {groups.data.items.map((group) => (
              <li key={group.id}>
                <Link
                  to={`/organizer?group=${group.id}`}
                  className="block min-h-11 rounded-12 border border-solid-gray-200 bg-white p-4 hover:bg-blue-50"
                >
                  <span className="block text-std-17B-170 text-blue-900 underline">{group.details.name}</span>
                  <span className="block text-std-16N-170">
                    {t(`organizer.groupStatus.${group.effectiveStatus}`)}・
                    {t('organizer.rightsUntil', {
                      date: formatDate(`${group.rightsEnd}T12:00:00+09:00`, locale),
                    })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="organizer-applications">
        <h2 id="organizer-applications" className="mb-3 text-std-20B-150">
          {t('organizer.myApplications')}
        </h2>
        {applications.isPending && <Loading />}
        <ProblemAlert error={applications.error ?? groups.error} />
        {applications.data?.items.length === 0 && <p>{t('organizer.none')}</p>}
        <ul className="space-y-3">
          {applications.data?.items.map((item) => (
            <li key={item.id}>
              <Link
                to={`/organizer?application=${item.id}`}
                className="block min-h-11 rounded-12 border border-solid-gray-200 bg-white p-4 hover:bg-blue-50"
              >
                <span className="block text-std-17B-170 text-blue-900 underline">{item.name || '—'}</span>
                <span className="block text-std-16N-170">
                  {t(`organizer.status.${item.status}`)}
                  {item.category ? `・${categoryLabel(item.category, locale)}` : ''}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function History({ entries }: { entries: HistoryEntry[] }) {
  const { t, locale } = useTranslation();
  return (
    <Card as="section" aria-labelledby="organizer-history">
      <h2 id="organizer-history" className="mb-3 text-std-20B-150">
        {t('organizer.history.title')}
      </h2>
      <ol className="space-y-3">
        {entries.map((entry, index) => (
          <li key={index} className="border-l-4 border-blue-900 pl-3">
            <p className="text-std-17B-170">
              {t(`organizer.history.${entry.event}`, { round: entry.round ?? 0, defaultValue: entry.event })}
            </p>
            <p className="text-std-16N-170 text-solid-gray-700">{formatDateTime(entry.occurredAt, locale)}</p>
            {entry.reason && <p className="mt-1 whitespace-pre-wrap text-std-17N-170">{entry.reason}</p>}
          </li>
        ))}
      </ol>
    </Card>
  );
}

function latestReturnReason(application: ApplicationView): string | null {
  const returned = application.history.filter((entry) => entry.event === 'application.return').at(-1);
  return returned?.reason ?? null;
}

function ApplicationScreen({ id, submitted }: { id: string; submitted: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const query = useMyApplication(id);
  const withdraw = useMutation({
    mutationFn: () => api<void>('POST', `/api/organizer/applications/${id}/withdraw`, {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'organizer'] }),
  });
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  const application = query.data;
  const editable = application.status === 'draft' || application.status === 'returned';
  const reason = application.status === 'returned' ? latestReturnReason(application) : null;
  return (
    <>
      <BackLink />
      <PageHeader
        title={application.details.name || t('organizer.form.title')}
        lead={t(`organizer.status.${application.status}`)}
      />
      <div className="space-y-4">
        {submitted && application.status !== 'draft' && (
          <Alert tone="success" live>
            {t('organizer.form.submitted')}
          </Alert>
        )}
        {reason && (
          <Alert tone="warning" title={t('organizer.form.returnedReason')}>
            <p className="whitespace-pre-wrap">{reason}</p>
          </Alert>
        )}
        {application.groupId && (
          <ButtonLink to={`/organizer?group=${application.groupId}`} className="w-full sm:w-auto">
            {t('organizer.group.open')}
          </ButtonLink>
        )}
        {editable && <ApplicationForm key={application.updatedAt} application={application} />}
        <History entries={application.history} />
        {application.actions.some((action) => action.event === 'application.withdraw') && (
          <>
            <ProblemAlert error={withdraw.error} />
            <Button variant="tertiary" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
              {t('organizer.form.withdraw')}
            </Button>
          </>
        )}
      </div>
    </>
  );
}

function GroupScreen({ id }: { id: string }) {
  const { t, locale } = useTranslation();
  const queryClient = useQueryClient();
  const query = useGroup(id);
  const [invitation, setInvitation] = useState<{ url: string; expiresAt: string } | null>(null);
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['me', 'organizer'] });
  const invite = useMutation({
    mutationFn: () =>
      api<{ url: string; expiresAt: string }>('POST', `/api/organizer/groups/${id}/invitations`),
    onSuccess: setInvitation,
  });
  const remove = useMutation({
    mutationFn: (userId: string) => api<void>('DELETE', `/api/organizer/groups/${id}/members/${userId}`),
    onSettled: refresh,
  });
  const handOver = useMutation({
    mutationFn: (userId: string) =>
      api<void>('POST', `/api/organizer/groups/${id}/administrator`, { userId }),
    onSettled: refresh,
  });
  if (query.isPending) return <Loading />;
  if (!query.data) return <ProblemAlert error={query.error} />;
  const group = query.data;
  const isAdmin = group.role === 'admin';
  const changeEvent = group.actions.find(
    (action) => action.event === 'change.submit' || action.event === 'change.resubmit',
  )?.event as 'change.submit' | 'change.resubmit' | undefined;
  return (
    <>
      <BackLink />
      <PageHeader
        title={group.details.name}
        lead={`${t(`organizer.groupStatus.${group.effectiveStatus}`)}・${t('organizer.rightsUntil', {
          date: formatDate(`${group.rightsEnd}T12:00:00+09:00`, locale),
        })}`}
      />
      <div className="space-y-4">
        {group.rightsPhase === 'renewal_window' && (
          <Alert tone="warning">{t('organizer.renewalWindow')}</Alert>
        )}
        {group.activityRefusal === 'change_pending' && (
          <Alert tone="info">{t('organizer.group.changePending')}</Alert>
        )}
        <ButtonLink to={`/organizer/groups/${group.id}/activities`} className="w-full sm:w-auto">
          {t('organizerActivities.openFromGroup')}
        </ButtonLink>
        <Card as="section" aria-labelledby="organizer-members">
          <h2 id="organizer-members" className="mb-3 text-std-20B-150">
            {t('organizer.group.members', { limit: group.memberLimit })}
          </h2>
          <ul className="space-y-3">
            {group.members.map((member) => (
              <li key={member.userId} className="rounded-8 bg-solid-gray-50 p-3">
                <p className="text-std-17B-170">
                  {t('organizer.group.memberLine', {
                    name: member.displayName,
                    role: t(`organizer.group.${member.role}`),
                  })}
                </p>
                {isAdmin && member.role === 'member' && (
                  <div className="mt-2 flex flex-col gap-2 sm:flex-row">
                    {group.status === 'active' && (
                      <Button variant="secondary" onClick={() => handOver.mutate(member.userId)}>
                        {t('organizer.group.makeAdmin', { name: member.displayName })}
                      </Button>
                    )}
                    <Button variant="tertiary" onClick={() => remove.mutate(member.userId)}>
                      {t('organizer.group.remove', { name: member.displayName })}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <ProblemAlert error={remove.error ?? handOver.error} className="mt-3" />
        </Card>
        {isAdmin && (
          <GroupActions
            basePath={`/api/organizer/groups/${group.id}/events`}
            actions={group.actions}
            exclude={['change.submit', 'change.resubmit']}
          />
        )}
        {changeEvent && !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)} className="w-full sm:w-auto">
            {t('organizer.group.editDetails')}
          </Button>
        )}
        {changeEvent && editing && (
          <section aria-label={t('organizer.group.editDetails')}>
            <ApplicationForm
              application={null}
              change={{
                groupId: group.id,
                details: group.details,
                event: changeEvent,
                onDone: () => {
                  setEditing(false);
                  void refresh();
                },
              }}
            />
          </section>
        )}
        {group.history && <History entries={group.history} />}
        {isAdmin && (
          <Card as="section" className="space-y-3">
            <Button onClick={() => invite.mutate()} disabled={invite.isPending} className="w-full sm:w-auto">
              {t('organizer.group.invite')}
            </Button>
            <ProblemAlert error={invite.error} />
            {invitation && (
              <div className="space-y-2" role="status">
                <p>{t('organizer.group.inviteLead')}</p>
                <QrCode value={invitation.url} label={t('organizer.group.inviteQr')} />
                <input
                  readOnly
                  aria-label={t('organizer.group.invite')}
                  value={invitation.url}
                  className="block min-h-12 w-full rounded-8 border-2 border-solid-gray-600 px-3 text-std-16N-170"
                  onFocus={(event) => event.target.select()}
                />
                <p className="text-std-16N-170">
                  {t('organizer.group.inviteExpires', { date: formatDateTime(invitation.expiresAt, locale) })}
                </p>
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}

function JoinScreen({ token }: { token: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preview = useQuery({
    queryKey: organizerKeys.invitation(token),
    queryFn: () =>
      api<{ groupName: string; usable: boolean; problem: string | null }>(
        'GET',
        `/api/organizer/invitations/${token}`,
      ),
  });
  const accept = useMutation({
    mutationFn: () => api<{ groupId: string }>('POST', `/api/organizer/invitations/${token}/accept`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'organizer'] }),
  });
  return (
    <>
      <PageHeader title={t('organizer.join.title')} />
      {preview.isPending && <Loading />}
      <ProblemAlert error={preview.error ?? accept.error} className="mb-4" />
      {preview.data && (
        <Card className="space-y-4">
          <p className="text-std-17N-170">{t('organizer.join.lead', { name: preview.data.groupName })}</p>
          {accept.data ? (
            <>
              <Alert tone="success" live>
                {t('organizer.join.joined')}
              </Alert>
              <ButtonLink to={`/organizer?group=${accept.data.groupId}`}>
                {t('organizer.group.open')}
              </ButtonLink>
            </>
          ) : (
            <Button onClick={() => accept.mutate()} disabled={accept.isPending} className="w-full sm:w-auto">
              {t('organizer.join.accept')}
            </Button>
          )}
        </Card>
      )}
    </>
  );
}
