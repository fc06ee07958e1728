import {
  findActivityCategory,
  insuranceOptions,
  isActivityCategoryId,
  maxCancelReasonLength,
  type OrganizerAction,
} from '@kumamoto/domain';
import { useId, useState, type ReactNode } from 'react';
import { useLocation, useNavigate, useParams, useRoutes } from 'react-router';
import { formatDateTime } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { useSchoolDistrictList } from '../../../shell/account/district/api.ts';
import { districtName } from '../../../shell/account/district/district-name.ts';
import { NotFoundPage } from '../../../shell/NotFoundPage.tsx';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ActivityForm, type ActivityFlash } from './ActivityForm.tsx';
import {
  activityPaths,
  useActivityAction,
  useOrganizerActivity,
  type OrganizerActivity,
  type OrganizerActivityView,
} from './api.ts';
import { isActivityDay } from './form-state.ts';
import { NoticesScreen } from './NoticesScreen.tsx';
import { ActivityWhen, BackLink, CannotCreate, countsText, SignedInOnly, StateBadge } from './parts.tsx';
import { ParticipantsScreen } from './ParticipantsScreen.tsx';

/**
 * One activity for its organizers (issue 5): `/organizer/activities/:id` manages it,
 * `…/edit`, `…/notices` and `…/participants` are its sub-screens. The check-in screen
 * (`…/check-in`) is its own route.
 */
export function OrganizerActivityPage() {
  const { activityId = '' } = useParams();
  const screen = useRoutes([
    { index: true, element: <Loaded id={activityId} screen="manage" /> },
    { path: 'edit', element: <Loaded id={activityId} screen="edit" /> },
    { path: 'notices', element: <Loaded id={activityId} screen="notices" /> },
    { path: 'participants', element: <Loaded id={activityId} screen="participants" /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return <SignedInOnly>{screen}</SignedInOnly>;
}

function Loaded({ id, screen }: { id: string; screen: 'manage' | 'edit' | 'notices' | 'participants' }) {
  const { t } = useTranslation();
  const query = useOrganizerActivity(id);
  if (query.isPending) return <Loading />;
  if (!query.data) {
    return (
      <>
        <PageHeader title={t('organizerActivities.title')} />
        <ProblemAlert error={query.error} />
      </>
    );
  }
  switch (screen) {
    case 'manage':
      return <ManageScreen view={query.data} />;
    case 'edit':
      return <EditScreen view={query.data} />;
    case 'notices':
      return <NoticesScreen view={query.data} />;
    case 'participants':
      return <ParticipantsScreen view={query.data} />;
  }
}

function EditScreen({ view }: { view: OrganizerActivityView }) {
  const { t } = useTranslation();
  const { activity, allowedActions } = view;
  const isDraft = activity.state === 'draft';
  return (
    <>
      <BackLink to={activityPaths.manage(activity.id)}>{t('organizerActivities.backToActivity')}</BackLink>
      <PageHeader
        title={
          isDraft ? t('organizerActivities.form.editDraftTitle') : t('organizerActivities.form.editTitle')
        }
        lead={activity.title || undefined}
      />
      {allowedActions.edit ? (
        <>
          {!isDraft && (
            <Alert tone="info" className="mb-4">
              {t('organizerActivities.form.publishedNote')}
            </Alert>
          )}
          <ActivityForm groupId={activity.groupId} activity={activity} />
        </>
      ) : (
        <Alert tone="warning">{t(`organizerActivities.manage.frozen.${activity.state}`)}</Alert>
      )}
    </>
  );
}

function ManageScreen({ view }: { view: OrganizerActivityView }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { activity, allowedActions } = view;
  const flash = (location.state as { flash?: ActivityFlash } | null)?.flash;
  return (
    <>
      <BackLink to={activityPaths.list(activity.groupId)}>{t('organizerActivities.backToList')}</BackLink>
      <PageHeader
        title={activity.title || t('organizerActivities.untitled')}
        lead={<StateBadge state={activity.state} />}
      />
      <div className="space-y-4">
        {flash && (
          <Alert tone="success" live>
            {t(`organizerActivities.flash.${flash}`)}
          </Alert>
        )}
        {activity.state === 'draft' && <Alert tone="info">{t('organizerActivities.manage.draftNote')}</Alert>}
        {activity.state === 'draft' && view.groupRefusal && <CannotCreate refusal={view.groupRefusal} />}
        {allowedActions.publish && (
          <ButtonLink to={activityPaths.edit(activity.id)} className="w-full sm:w-auto">
            {view.groupRefusal
              ? t('organizerActivities.manage.edit')
              : t('organizerActivities.manage.publish')}
          </ButtonLink>
        )}
        {activity.state === 'cancelled' && (
          <Alert tone="warning">
            <p>{t('organizerActivities.manage.frozen.cancelled')}</p>
            {activity.cancelReason && (
              <p className="mt-2 whitespace-pre-wrap">
                {t('organizerActivities.manage.cancelReasonShown', { reason: activity.cancelReason })}
              </p>
            )}
          </Alert>
        )}
        {activity.state === 'ended' && (
          <Alert tone="info">{t('organizerActivities.manage.frozen.ended')}</Alert>
        )}
        <CheckInCard activity={activity} />
        <Details activity={activity} />
        <ShareCard activity={activity} />
        <PeopleCard activity={activity} allowed={allowedActions} />
        <ActionsCard activity={activity} allowed={allowedActions} />
      </div>
    </>
  );
}

/** R-PT-2: points and certificates are issued on the day, so the QR screen is offered then. */
function CheckInCard({ activity }: { activity: OrganizerActivity }) {
  const { t } = useTranslation();
  const live = activity.state === 'public' || activity.state === 'unlisted';
  if (!live || !isActivityDay(activity.startsAt, activity.endsAt, new Date())) return null;
  return (
    <Card as="section" aria-labelledby="activity-check-in" className="space-y-3 border-2 border-blue-900">
      <h2 id="activity-check-in" className="text-std-20B-150">
        {t('organizerActivities.manage.checkIn.title')}
      </h2>
      <p>{t('organizerActivities.manage.checkIn.lead')}</p>
      <ButtonLink to={activityPaths.checkIn(activity.id)} className="w-full sm:w-auto">
        {t('organizerActivities.manage.checkIn.open')}
      </ButtonLink>
      <p className="text-std-16N-170 text-solid-gray-800">{t('organizerActivities.manage.checkIn.paper')}</p>
    </Card>
  );
}

function Details({ activity }: { activity: OrganizerActivity }) {
  const { t, locale } = useTranslation();
  const districts = useSchoolDistrictList(activity.schoolDistrictCode !== null);
  const district = districts.data?.find((candidate) => candidate.code === activity.schoolDistrictCode);
  const insurance = insuranceOptions.find((option) => option.id === activity.insurance);
  const rows: [string, ReactNode][] = [
    [
      t('organizerActivities.manage.when'),
      <ActivityWhen startsAt={activity.startsAt} endsAt={activity.endsAt} />,
    ],
    [
      t('organizerActivities.manage.where'),
      [activity.placeName, activity.address].filter(Boolean).join('　') ||
        t('organizerActivities.manage.unset'),
    ],
    [
      t('organizerActivities.manage.category'),
      isActivityCategoryId(activity.category)
        ? findActivityCategory(activity.category).label[locale]
        : t('organizerActivities.manage.unset'),
    ],
    [t('organizerActivities.manage.participants'), countsText(t, activity.applicantCount, activity.capacity)],
    [
      t('organizerActivities.manage.deadline'),
      activity.applicationDeadline
        ? formatDateTime(activity.applicationDeadline, locale)
        : t('organizerActivities.manage.untilStart'),
    ],
    [
      t('organizerActivities.manage.insurance'),
      insurance ? insurance.label[locale] : t('organizerActivities.manage.unset'),
    ],
  ];
  if (activity.schoolDistrictCode) {
    rows.push([
      t('organizerActivities.manage.district'),
      `${district ? districtName(district, locale) : activity.schoolDistrictCode}${
        activity.restrictToDistrict ? t('organizerActivities.manage.restricted') : ''
      }`,
    ]);
  }
  return (
    <Card as="section" aria-labelledby="activity-details" className="space-y-3">
      <h2 id="activity-details" className="text-std-20B-150">
        {t('organizerActivities.manage.details')}
      </h2>
      {activity.thumbnailUrl && (
        <img
          src={activity.thumbnailUrl}
          alt={t('organizerActivities.manage.thumbnail')}
          className="aspect-video w-full rounded-8 object-cover"
        />
      )}
      <dl className="space-y-2">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt className="text-std-16B-170 text-solid-gray-800">{term}</dt>
            <dd className="text-std-17N-170">{value}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function ShareCard({ activity }: { activity: OrganizerActivity }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  const live = activity.state === 'public' || activity.state === 'unlisted';
  if (!live) return null;
  const url =
    activity.state === 'unlisted'
      ? activity.shareUrl
      : `${window.location.origin}/volunteer/activities/${activity.id}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard permission: select the text so a long press copies it.
      const field = document.getElementById(inputId) as HTMLInputElement | null;
      field?.focus();
      field?.select();
    }
  };
  return (
    <Card as="section" aria-labelledby="activity-share" className="space-y-3">
      <h2 id="activity-share" className="text-std-20B-150">
        {t('organizerActivities.manage.share.title')}
      </h2>
      <p>
        {activity.state === 'unlisted'
          ? t('organizerActivities.manage.share.unlistedLead')
          : t('organizerActivities.manage.share.publicLead')}
      </p>
      <label htmlFor={inputId} className="sr-only">
        {t('organizerActivities.manage.share.title')}
      </label>
      <input
        id={inputId}
        readOnly
        value={url}
        onFocus={(event) => event.target.select()}
        className="block min-h-12 w-full rounded-8 border-2 border-solid-gray-600 bg-white px-3 text-std-16N-170"
      />
      <Button variant="secondary" onClick={() => void copy()} className="w-full sm:w-auto">
        {t('organizerActivities.manage.share.copy')}
      </Button>
      {copied && (
        <p role="status" className="text-std-16B-170 text-green-1000">
          {t('organizerActivities.manage.share.copied')}
        </p>
      )}
    </Card>
  );
}

function PeopleCard({
  activity,
  allowed,
}: {
  activity: OrganizerActivity;
  allowed: Record<OrganizerAction, boolean>;
}) {
  const { t } = useTranslation();
  if (activity.state === 'draft') return null;
  return (
    <Card as="section" aria-labelledby="activity-people" className="space-y-3">
      <h2 id="activity-people" className="text-std-20B-150">
        {t('organizerActivities.manage.people')}
      </h2>
      <p className="text-std-17B-170">
        {countsText(t, activity.applicantCount, activity.capacity)}
        {activity.waitlistCount > 0 &&
          `${t('organizerActivities.separator')}${t('organizerActivities.waitlist', { count: activity.waitlistCount })}`}
      </p>
      {activity.checkedInCount > 0 && (
        <p>{t('organizerActivities.checkedIn', { count: activity.checkedInCount })}</p>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
        <ButtonLink to={activityPaths.participants(activity.id)} variant="secondary">
          {t('organizerActivities.manage.openParticipants')}
        </ButtonLink>
        {allowed.send_notice && (
          <ButtonLink to={activityPaths.notices(activity.id)} variant="secondary">
            {t('organizerActivities.manage.openNotices')}
          </ButtonLink>
        )}
      </div>
    </Card>
  );
}

type Pending = 'cancel' | 'delete' | null;

/** Only the actions the server allows now (domain allowedOrganizerActions). */
function ActionsCard({
  activity,
  allowed,
}: {
  activity: OrganizerActivity;
  allowed: Record<OrganizerAction, boolean>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useActivityAction(activity.id);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonId = useId();
  const other = activity.visibility === 'public' ? 'unlisted' : 'public';
  const anything =
    (allowed.edit && !allowed.publish) || allowed.change_visibility || allowed.cancel || allowed.delete;
  if (!anything) return null;

  const changeVisibility = () =>
    action.mutate(
      { kind: 'visibility', visibility: other },
      { onSuccess: () => void navigate('.', { replace: true, state: { flash: 'visibility' } }) },
    );
  const cancel = () => {
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    action.mutate(
      { kind: 'cancel', reason },
      {
        onSuccess: () => {
          setPending(null);
          void navigate('.', { replace: true, state: { flash: 'cancelled' } });
        },
      },
    );
  };
  const remove = () =>
    action.mutate(
      { kind: 'delete' },
      { onSuccess: () => void navigate(activityPaths.list(activity.groupId), { replace: true }) },
    );

  return (
    <Card as="section" aria-labelledby="activity-actions" className="space-y-3">
      <h2 id="activity-actions" className="text-std-20B-150">
        {t('organizerActivities.manage.actions')}
      </h2>
      <div className="flex flex-col gap-3">
        {allowed.edit && !allowed.publish && (
          <ButtonLink to={activityPaths.edit(activity.id)} variant="secondary">
            {t('organizerActivities.manage.edit')}
          </ButtonLink>
        )}
        {allowed.change_visibility && (
          <>
            <Button variant="secondary" onClick={changeVisibility} disabled={action.isPending}>
              {t(`organizerActivities.manage.makeVisibility.${other}`)}
            </Button>
            <p className="text-std-16N-170 text-solid-gray-800">
              {t(`organizerActivities.manage.makeVisibilityHint.${other}`)}
            </p>
          </>
        )}
      </div>

      {allowed.cancel && pending !== 'cancel' && (
        <Button variant="tertiary" onClick={() => setPending('cancel')} className="w-full sm:w-auto">
          {t('organizerActivities.manage.cancel')}
        </Button>
      )}
      {pending === 'cancel' && (
        <div
          className="space-y-3 rounded-8 border-2 border-red-900 p-4"
          role="group"
          aria-labelledby={`${reasonId}-title`}
        >
          <p id={`${reasonId}-title`} className="text-std-17B-170">
            {t('organizerActivities.manage.cancelTitle')}
          </p>
          <p>{t('organizerActivities.manage.cancelLead')}</p>
          <label htmlFor={reasonId} className="block text-std-17B-170">
            {t('organizerActivities.manage.cancelReason')}
          </label>
          {reasonMissing && (
            <p id={`${reasonId}-error`} className="text-std-16B-170 text-red-900">
              {t('organizerActivities.manage.cancelReasonMissing')}
            </p>
          )}
          <textarea
            id={reasonId}
            rows={3}
            maxLength={maxCancelReasonLength}
            value={reason}
            aria-invalid={reasonMissing || undefined}
            aria-describedby={reasonMissing ? `${reasonId}-error` : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonMissing(false);
            }}
            className="block w-full rounded-8 border-2 border-solid-gray-600 bg-white px-3 py-2 text-std-17N-170"
          />
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button onClick={cancel} disabled={action.isPending}>
              {t('organizerActivities.manage.cancelConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setPending(null)}>
              {t('organizerActivities.manage.keep')}
            </Button>
          </div>
        </div>
      )}

      {allowed.delete && pending !== 'delete' && (
        <Button variant="tertiary" onClick={() => setPending('delete')} className="w-full sm:w-auto">
          {t('organizerActivities.manage.delete')}
        </Button>
      )}
      {pending === 'delete' && (
        <div
          className="space-y-3 rounded-8 border-2 border-red-900 p-4"
          role="group"
          aria-label={t('organizerActivities.manage.delete')}
        >
          <p>{t('organizerActivities.manage.deleteLead')}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <Button onClick={remove} disabled={action.isPending}>
              {t('organizerActivities.manage.deleteConfirm')}
            </Button>
            <Button variant="secondary" onClick={() => setPending(null)}>
              {t('organizerActivities.manage.keep')}
            </Button>
          </div>
        </div>
      )}
      <ProblemAlert error={action.error} />
    </Card>
  );
}
