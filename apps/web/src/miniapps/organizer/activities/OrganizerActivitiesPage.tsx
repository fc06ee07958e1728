import { findActivityCategory, isActivityCategoryId } from '@kumamoto/domain';
import { Link, useParams, useRoutes } from 'react-router';
import { useTranslation } from '../../../i18n/index.ts';
import { NotFoundPage } from '../../../shell/NotFoundPage.tsx';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { ButtonLink } from '../../../ui/Button.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useGroup } from '../api.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { activityPaths, useGroupActivities, type OrganizerActivitySummary } from './api.ts';
import { ActivityWhen, BackLink, CannotCreate, countsText, SignedInOnly, StateBadge } from './parts.tsx';

/**
 * A group's activities (issue 5): `/organizer/groups/:groupId/activities` lists them,
 * `…/new` creates one.
 */
export function OrganizerActivitiesPage() {
  const { groupId = '' } = useParams();
  const screen = useRoutes([
    { index: true, element: <ActivityListScreen groupId={groupId} /> },
    { path: 'new', element: <NewActivityScreen groupId={groupId} /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return <SignedInOnly>{screen}</SignedInOnly>;
}

function ActivityListScreen({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  const list = useGroupActivities(groupId);
  const groupName = group.data?.details.name ?? list.data?.activities[0]?.groupName ?? '';
  return (
    <>
      <BackLink to={`/organizer?group=${groupId}`}>{t('organizerActivities.backToGroup')}</BackLink>
      <PageHeader
        title={t('organizerActivities.listTitle')}
        lead={groupName ? t('organizerActivities.listLead', { group: groupName }) : undefined}
      />
      <div className="space-y-4">
        {group.data && !group.data.canCreateActivities && (
          <CannotCreate refusal={group.data.activityRefusal} />
        )}
        {group.data?.canCreateActivities && (
          <ButtonLink to={activityPaths.create(groupId)} className="w-full sm:w-auto">
            {t('organizerActivities.new')}
          </ButtonLink>
        )}
        {list.isPending && <Loading />}
        <ProblemAlert error={list.error ?? group.error} />
        {list.data?.activities.length === 0 && <p>{t('organizerActivities.none')}</p>}
        {list.data && list.data.activities.length > 0 && (
          <ul className="space-y-3" aria-label={t('organizerActivities.listTitle')}>
            {list.data.activities.map((activity) => (
              <li key={activity.id}>
                <ActivityRow activity={activity} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

function ActivityRow({ activity }: { activity: OrganizerActivitySummary }) {
  const { t, locale } = useTranslation();
  return (
    <Link
      to={activityPaths.manage(activity.id)}
      className="flex gap-3 rounded-12 border border-solid-gray-200 bg-white p-3 no-underline hover:bg-blue-50 narrow:flex-col"
    >
      {activity.thumbnailUrl ? (
        <img
          src={activity.thumbnailUrl}
          alt=""
          loading="lazy"
          className="size-20 shrink-0 rounded-8 bg-solid-gray-100 object-cover narrow:aspect-video narrow:h-auto narrow:w-full"
        />
      ) : (
        <span aria-hidden="true" className="size-20 shrink-0 rounded-8 bg-solid-gray-100 narrow:hidden" />
      )}
      <span className="min-w-0 flex-1">
        <StateBadge state={activity.state} />
        <span className="mt-1 block text-std-17B-170 text-blue-1000 underline">
          {activity.title || t('organizerActivities.untitled')}
        </span>
        <span className="block text-std-16N-170 text-solid-gray-800">
          <ActivityWhen startsAt={activity.startsAt} endsAt={activity.endsAt} />
        </span>
        {activity.placeName && (
          <span className="block text-std-16N-170 text-solid-gray-800">{activity.placeName}</span>
        )}
        {isActivityCategoryId(activity.category) && (
          <span className="block text-std-16N-170 text-solid-gray-800">
            {findActivityCategory(activity.category).label[locale]}
          </span>
        )}
        {activity.state !== 'draft' && (
          <span className="block text-std-16B-170 text-solid-gray-900">
            {countsText(t, activity.applicantCount, activity.capacity)}
            {activity.waitlistCount > 0 &&
              `${t('organizerActivities.separator')}${t('organizerActivities.waitlist', { count: activity.waitlistCount })}`}
          </span>
        )}
      </span>
    </Link>
  );
}

function NewActivityScreen({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const group = useGroup(groupId);
  return (
    <>
      <BackLink to={activityPaths.list(groupId)}>{t('organizerActivities.backToList')}</BackLink>
      <PageHeader title={t('organizerActivities.form.createTitle')} lead={group.data?.details.name} />
      {group.isPending && <Loading />}
      <ProblemAlert error={group.error} />
      {group.data && !group.data.canCreateActivities && <CannotCreate refusal={group.data.activityRefusal} />}
      {group.data?.canCreateActivities && <ActivityForm groupId={groupId} activity={null} />}
    </>
  );
}
