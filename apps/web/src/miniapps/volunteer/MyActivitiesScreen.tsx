import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useSession } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ActivityCard, Badge } from './ActivityCard.tsx';
import { useMyActivities, type MyActivity } from './api.ts';
import { VolunteerNav } from './VolunteerNav.tsx';

/**
 * `/volunteer/mine`: the resident's activities (issue 5 part 6, R-ACT-5): upcoming ones with
 * their status (applied, waiting list position), and the past ones, which stay as history.
 */
export function MyActivitiesScreen() {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const mine = useMyActivities(user !== null);

  return (
    <>
      <VolunteerNav />
      <PageHeader title={t('volunteer.mine.title')} lead={t('volunteer.mine.lead')} />
      {isPending ? (
        <Loading />
      ) : !user ? (
        <>
          <Alert tone="info">{t('volunteer.mine.signedOut')}</Alert>
          <ButtonLink
            to={`/signin?next=${encodeURIComponent('/volunteer/mine')}`}
            className="mt-4 w-full sm:w-auto"
          >
            {t('common.signIn')}
          </ButtonLink>
        </>
      ) : mine.isPending ? (
        <Loading />
      ) : !mine.data ? (
        <ProblemAlert error={mine.error} />
      ) : (
        <>
          <ActivityList id="mine-upcoming" heading={t('volunteer.mine.upcoming')} items={mine.data.upcoming}>
            <p>{t('volunteer.mine.upcomingEmpty')}</p>
            <ButtonLink to="/volunteer" variant="secondary" className="mt-3 w-full sm:w-auto">
              {t('volunteer.mine.find')}
            </ButtonLink>
          </ActivityList>
          <ActivityList id="mine-past" heading={t('volunteer.mine.past')} items={mine.data.past}>
            <p>{t('volunteer.mine.pastEmpty')}</p>
          </ActivityList>
        </>
      )}
    </>
  );
}

function ActivityList({
  id,
  heading,
  items,
  children,
}: {
  id: string;
  heading: string;
  items: MyActivity[];
  children: ReactNode;
}) {
  const location = useLocation();
  return (
    <section aria-labelledby={id} className="mb-8">
      <h2 id={id} className="mb-3 text-std-20B-150">
        {heading}
      </h2>
      {items.length === 0 ? (
        children
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {items.map((activity) => (
            <li key={activity.id}>
              <ActivityCard
                activity={activity}
                headingLevel={3}
                compact
                to={`/volunteer/activities/${activity.id}`}
                linkState={{ from: location.pathname }}
                badges={<StatusBadges activity={activity} />}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Applied / waiting #n / cancelled / took part, and whether the activity itself was cancelled. */
function StatusBadges({ activity }: { activity: MyActivity }) {
  const { t } = useTranslation();
  const status = activity.checkedIn ? (
    <Badge tone="success">{t('volunteer.mine.status.attended')}</Badge>
  ) : activity.myStatus === 'cancelled' ? (
    <Badge tone="neutral">{t('volunteer.mine.status.cancelled')}</Badge>
  ) : activity.myStatus === 'waitlisted' ? (
    <Badge tone="warning">
      {activity.waitlistPosition !== null
        ? t('volunteer.mine.status.waitlisted', { position: activity.waitlistPosition })
        : t('volunteer.mine.status.waitlistedNoPosition')}
    </Badge>
  ) : (
    <Badge tone="info">{t('volunteer.mine.status.applied')}</Badge>
  );
  return (
    <>
      <span className="sr-only">{t('volunteer.mine.statusLabel')}: </span>
      {status}
      {activity.state === 'cancelled' && (
        <Badge tone="danger">{t('volunteer.mine.status.activityCancelled')}</Badge>
      )}
    </>
  );
}
