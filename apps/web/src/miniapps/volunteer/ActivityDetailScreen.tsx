import { findActivityField, insuranceOptions, type ActivityFieldName } from '@kumamoto/domain';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { formatDateTime, formatTimeRange } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Thumbnail } from './ActivityCard.tsx';
import { ActivityFacts } from './ActivityFacts.tsx';
import { useActivity, type ActivityDetail } from './api.ts';
import { ApplyPanel } from './ApplyPanel.tsx';
import { ExternalIcon } from './icons.tsx';
import { openStreetMapUrl } from './search-url.ts';
import { ShareActions } from './ShareActions.tsx';

/** Where "back" goes: the search the resident came from, else the plain list. */
function useBackTarget(): string {
  const state: unknown = useLocation().state;
  const from =
    typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string'
      ? state.from
      : null;
  return from?.startsWith('/volunteer') ? from : '/volunteer';
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <Link to={useBackTarget()} className="mb-4 inline-flex min-h-12 items-center gap-1 text-std-17N-170">
      <span aria-hidden="true">←</span>
      {t('volunteer.detail.back')}
    </Link>
  );
}

/**
 * `/volunteer/activities/:id` (`?share=` for an unlisted one): the activity page shaped like
 * the guide's example (section 12), with applying, cancelling, the waiting list, the
 * calendar file and sharing. Every text is the organizer's plain text: React escapes it and
 * line breaks are kept by CSS, never rendered as HTML.
 */
export function ActivityDetailScreen() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const share = params.get('share');
  const activity = useActivity(id, share);

  if (activity.isPending) {
    return (
      <>
        <BackLink />
        <Loading />
      </>
    );
  }
  if (!activity.data) {
    // Not viewable (draft, unlisted without its link) answers 404; a mangled id 400.
    const missing =
      activity.error instanceof ApiError && (activity.error.status === 404 || activity.error.status === 400);
    return (
      <>
        <BackLink />
        {missing ? (
          <>
            <PageHeader title={t('volunteer.detail.notFoundTitle')} />
            <Alert tone="warning">{t('volunteer.detail.notFoundBody')}</Alert>
          </>
        ) : (
          <>
            <ProblemAlert error={activity.error} />
            <Button variant="secondary" className="mt-3" onClick={() => void activity.refetch()}>
              {t('volunteer.search.retry')}
            </Button>
          </>
        )}
      </>
    );
  }
  return <Detail activity={activity.data} share={share} readAt={activity.dataUpdatedAt} />;
}

/** The guide's order of the text (④ … ⑥), then what the app adds. */
const textSections = [
  'message',
  'content',
  'belongings',
  'clothing',
  'meetingPoint',
  'parking',
  'targetParticipants',
  'contact',
] as const satisfies readonly (keyof ActivityDetail & ActivityFieldName)[];

function Detail({
  activity,
  share,
  readAt,
}: {
  activity: ActivityDetail;
  share: string | null;
  readAt: number;
}) {
  const { t, locale } = useTranslation();
  const insurance = insuranceOptions.find((option) => option.id === activity.insurance);
  return (
    <>
      <BackLink />
      {activity.state === 'cancelled' && (
        <Alert tone="error" title={t('volunteer.detail.cancelledTitle')} className="mb-4">
          {t('volunteer.detail.cancelledBody')}
        </Alert>
      )}
      {activity.state === 'ended' && (
        <Alert tone="info" title={t('volunteer.detail.endedTitle')} className="mb-4">
          {t('volunteer.detail.endedBody')}
        </Alert>
      )}
      <Thumbnail url={activity.thumbnailUrl} className="mb-4 aspect-[2/1] w-full rounded-12 narrow:hidden" />
      <PageHeader
        title={activity.title}
        lead={t('volunteer.detail.organizer', { name: activity.groupName })}
      />

      <Card as="section" aria-label={t('volunteer.detail.facts')} className="mb-6">
        <ActivityFacts
          activity={activity}
          className="text-std-17N-170"
          participantsExtra={<ParticipantsExtra activity={activity} />}
          placeExtra={<PlaceExtra activity={activity} />}
        />
      </Card>

      {/* A participant who came from the inbox finds the notice first. */}
      <Notices activity={activity} />
      <ApplyPanel activity={activity} share={share} readAt={readAt} />
      <ShareActions activity={activity} share={share} />

      <div className="mt-8 grid gap-6">
        {textSections.map((field) =>
          activity[field].trim() === '' ? null : (
            <TextSection
              key={field}
              heading={findActivityField(field).label[locale]}
              text={activity[field]}
            />
          ),
        )}
        {/* R-ACT-7: who insures the participant, in words meant for them. */}
        {insurance && (
          <TextSection
            heading={findActivityField('insurance').label[locale]}
            text={insurance.forParticipants[locale]}
          />
        )}
        {activity.applicationDeadline && (
          <TextSection
            heading={t('volunteer.detail.deadline')}
            text={formatDateTime(activity.applicationDeadline, locale)}
          />
        )}
      </div>
    </>
  );
}

/** Organizer text as text: escaped by React, line breaks kept (white-space: pre-wrap). */
function TextSection({ heading, text }: { heading: string; text: string }) {
  return (
    <section>
      <h2 className="border-l-4 border-blue-900 pl-3 text-std-20B-150">{heading}</h2>
      <p className="mt-2 text-std-17N-170 whitespace-pre-wrap">{text}</p>
    </section>
  );
}

function ParticipantsExtra({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const live = activity.state === 'public' || activity.state === 'unlisted';
  if (!live) return null;
  return (
    <>
      {activity.placesLeft !== null && activity.placesLeft > 0 && (
        <span className="block text-solid-gray-800">
          {t('volunteer.detail.placesLeft', { count: activity.placesLeft })}
        </span>
      )}
      {activity.waitlistCount > 0 && (
        <span className="block text-solid-gray-800">
          {t('volunteer.detail.waitlistCount', { count: activity.waitlistCount })}
        </span>
      )}
    </>
  );
}

/** The address and a plain link to the map (OpenStreetMap; no map library in the app). */
function PlaceExtra({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const mapUrl = activity.location
    ? openStreetMapUrl(activity.location)
    : activity.address.trim()
      ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(activity.address)}`
      : null;
  return (
    <>
      {activity.address && <span className="block text-solid-gray-800">{activity.address}</span>}
      {mapUrl && (
        <a href={mapUrl} target="_blank" rel="noopener noreferrer" className="inline-block py-2.5">
          {t('volunteer.detail.mapLink')}
          <ExternalIcon className="ml-1 inline size-4 align-[-0.125em]" />
          <span className="sr-only">（{t('volunteer.detail.newTab')}）</span>
        </a>
      )}
    </>
  );
}

/** What the organizer told the participants (R-ACT-4), newest first, when the server shows them. */
function Notices({ activity }: { activity: ActivityDetail }) {
  const { t, locale } = useTranslation();
  const notices = activity.notices ?? [];
  if (notices.length === 0) return null;
  const kindLabel = (kind: string) =>
    kind === 'rescheduled' || kind === 'cancelled'
      ? t(`volunteer.detail.noticeKind.${kind}`)
      : t('volunteer.detail.noticeKind.message');
  return (
    <section aria-labelledby="activity-notices" className="mb-6">
      <h2 id="activity-notices" className="text-std-20B-150">
        {t('volunteer.detail.notices')}
      </h2>
      <ul className="mt-3 grid gap-3">
        {[...notices]
          .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
          .map((notice) => (
            <li key={notice.id} className="rounded-12 border border-blue-900 bg-blue-50 p-4">
              <p className="text-std-16B-170">
                {kindLabel(notice.kind)}・
                <time dateTime={notice.sentAt}>{formatDateTime(notice.sentAt, locale)}</time>
              </p>
              <RescheduleText params={notice.params} />
              {notice.body && <p className="mt-1 text-std-17N-170 whitespace-pre-wrap">{notice.body}</p>}
            </li>
          ))}
      </ul>
    </section>
  );
}

/** A date change (R-ACT-4, sent by the app itself): the new time first, then the old one. */
function RescheduleText({ params }: { params: Record<string, string | number> }) {
  const { t, locale } = useTranslation();
  const { oldStartsAt, oldEndsAt, newStartsAt, newEndsAt } = params;
  if (
    typeof oldStartsAt !== 'string' ||
    typeof oldEndsAt !== 'string' ||
    typeof newStartsAt !== 'string' ||
    typeof newEndsAt !== 'string'
  )
    return null;
  return (
    <>
      <p className="mt-1 text-std-17B-170">
        {t('volunteer.detail.rescheduledNew', { time: formatTimeRange(newStartsAt, newEndsAt, locale) })}
      </p>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('volunteer.detail.rescheduledOld', { time: formatTimeRange(oldStartsAt, oldEndsAt, locale) })}
      </p>
    </>
  );
}
