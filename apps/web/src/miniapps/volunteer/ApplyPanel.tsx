import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../api/queries.ts';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { useSchoolDistrictList } from '../../shell/account/district/api.ts';
import { districtName } from '../../shell/account/district/district-name.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { useApply, useCancelApplication, type ActivityDetail, type MyApplication } from './api.ts';

/**
 * Applying (issue 5 part 3): apply, or join the waiting list when full; cancel until the
 * start, after a confirmation. The server decides (capacity, district, deadline) and its
 * refusal is shown in words; R-PT-3 is said plainly to residents not yet verified.
 */
export function ApplyPanel({
  activity,
  share,
  readAt,
}: {
  activity: ActivityDetail;
  share: string | null;
  /** When the page was read from the server: "has it started" is judged as of then. */
  readAt: number;
}) {
  const { t, locale } = useTranslation();
  const { user } = useSession();
  const apply = useApply(activity.id, share);
  const cancel = useCancelApplication(activity.id);

  const live = activity.state === 'public' || activity.state === 'unlisted';
  const started = readAt >= Date.parse(activity.startsAt);
  // Until the page is read again, the answer to the last action is the truth.
  const fromApply: MyApplication | null = apply.data
    ? { status: apply.data.status, waitlistPosition: apply.data.waitlistPosition }
    : null;
  const mine = cancel.isSuccess ? null : (activity.myApplication ?? fromApply);
  const unverified = user !== null && user.identity !== 'verified';
  const warnVerify =
    (unverified && live && !started) || (apply.data?.warnings.includes('verify_before_the_day') ?? false);

  return (
    <Card as="section" aria-labelledby="apply-heading" className="mb-6">
      <h2 id="apply-heading" className="text-std-20B-150">
        {t('volunteer.detail.applyHeading')}
      </h2>
      <div className="mt-3 grid gap-3">
        {activity.restrictToDistrict && activity.schoolDistrictCode && (
          <DistrictOnly code={activity.schoolDistrictCode} />
        )}
        {activity.checkedIn && <Alert tone="success">{t('volunteer.detail.checkedIn')}</Alert>}
        {/* R-PT-3: said before the button, so it is read before applying. */}
        {warnVerify && !mine && <VerifyNotice />}

        {mine ? (
          <Applied
            mine={mine}
            canCancel={live && !started}
            started={live && started}
            justChanged={apply.isSuccess}
            verified={!unverified}
            cancelling={cancel.isPending}
            onCancel={() => {
              apply.reset();
              cancel.mutate();
            }}
          />
        ) : (
          <>
            {cancel.isSuccess && (
              <Alert tone="success" live>
                {t('volunteer.detail.cancelledNow')}
              </Alert>
            )}
            {live && (
              <NotApplied
                activity={activity}
                signedIn={user !== null}
                applying={apply.isPending}
                onApply={() => {
                  cancel.reset();
                  apply.mutate();
                }}
              />
            )}
          </>
        )}

        {/* Once applied, the status comes first and the reminder after it. */}
        {warnVerify && mine && <VerifyNotice />}
        {live &&
          !mine &&
          (activity.availability === 'open' || activity.availability === 'full') &&
          activity.applicationsCloseAt && (
            <p className="text-std-16N-170 text-solid-gray-800">
              {t('volunteer.detail.applicationsCloseAt', {
                date: formatDateTime(activity.applicationsCloseAt, locale),
              })}
            </p>
          )}
        <ProblemAlert error={apply.error ?? cancel.error} />
      </div>
    </Card>
  );
}

function DistrictOnly({ code }: { code: string }) {
  const { t, locale } = useTranslation();
  const list = useSchoolDistrictList(true);
  const district = list.data?.find((entry) => entry.code === code);
  return (
    <Alert tone="info">
      {t('volunteer.detail.districtOnly', { district: district ? districtName(district, locale) : code })}
    </Alert>
  );
}

function NotApplied({
  activity,
  signedIn,
  applying,
  onApply,
}: {
  activity: ActivityDetail;
  signedIn: boolean;
  applying: boolean;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  if (activity.availability === 'closed') return <p>{t('volunteer.detail.closed')}</p>;
  if (activity.availability === 'not_open') return <p>{t('volunteer.detail.notOpen')}</p>;
  const full = activity.availability === 'full';
  return (
    <>
      {full && (
        <Alert tone="warning" title={t('volunteer.detail.fullTitle')}>
          <p>{t('volunteer.detail.fullBody')}</p>
          {activity.waitlistCount > 0 && (
            <p className="mt-1">{t('volunteer.detail.waitingNow', { count: activity.waitlistCount })}</p>
          )}
        </Alert>
      )}
      {signedIn ? (
        <Button className="w-full" disabled={applying} onClick={onApply}>
          {applying
            ? t('volunteer.detail.applying')
            : full
              ? t('volunteer.detail.joinWaitlist')
              : t('volunteer.detail.apply')}
        </Button>
      ) : (
        <>
          <p>{t('volunteer.detail.signInToApply')}</p>
          <ButtonLink to={`/signin?next=${encodeURIComponent(next)}`} className="w-full">
            {t('volunteer.detail.signInButton')}
          </ButtonLink>
        </>
      )}
    </>
  );
}

/** Applied or waiting: the status, and cancelling (until the start) after a confirmation. */
function Applied({
  mine,
  canCancel,
  started,
  justChanged,
  verified,
  cancelling,
  onCancel,
}: {
  mine: MyApplication;
  canCancel: boolean;
  started: boolean;
  justChanged: boolean;
  /** Points and the certificate follow the scan only for a verified resident (R-PT-3). */
  verified: boolean;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const cancelButtonId = useId();
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) document.getElementById(cancelButtonId)?.focus();
    wasConfirming.current = confirming;
  }, [confirming, cancelButtonId]);

  const waiting = mine.status === 'waitlisted';
  // Right after the action the heading says what just happened; later, where things stand.
  const title = justChanged
    ? waiting
      ? t('volunteer.detail.waitlistedNow', { position: mine.waitlistPosition ?? '-' })
      : t('volunteer.detail.appliedNow')
    : waiting
      ? mine.waitlistPosition !== null
        ? t('volunteer.detail.waitlisted', { position: mine.waitlistPosition })
        : t('volunteer.detail.waitlistedNoPosition')
      : t('volunteer.detail.applied');
  return (
    <>
      <Alert tone={waiting ? 'info' : 'success'} title={title} live={justChanged}>
        <p>
          {waiting
            ? t('volunteer.detail.waitlistedBody')
            : verified
              ? t('volunteer.detail.appliedBody')
              : t('volunteer.detail.appliedBodyUnverified')}
        </p>
      </Alert>
      {started && <p>{t('volunteer.detail.started')}</p>}
      {canCancel &&
        (confirming ? (
          <div
            ref={confirmRef}
            tabIndex={-1}
            className="rounded-8 border-2 border-yellow-900 bg-yellow-50 p-4 narrow:p-3"
          >
            <p className="text-std-17B-170">
              {waiting ? t('volunteer.detail.confirmLeave') : t('volunteer.detail.confirmCancel')}
            </p>
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <Button disabled={cancelling} onClick={onCancel}>
                {cancelling ? t('volunteer.detail.cancelling') : t('volunteer.detail.confirmYes')}
              </Button>
              <Button variant="secondary" disabled={cancelling} onClick={() => setConfirming(false)}>
                {t('volunteer.detail.confirmNo')}
              </Button>
            </div>
          </div>
        ) : (
          <>
            <Button
              id={cancelButtonId}
              variant="secondary"
              className="w-full"
              onClick={() => setConfirming(true)}
            >
              {waiting ? t('volunteer.detail.leaveWaitlist') : t('volunteer.detail.cancel')}
            </Button>
            <p className="text-std-16N-170 text-solid-gray-800">{t('volunteer.detail.cancelUntil')}</p>
          </>
        ))}
    </>
  );
}

/** R-PT-3, plainly: points and the certificate need the card verification before the day. */
function VerifyNotice() {
  const { t } = useTranslation();
  return (
    <Alert tone="warning" title={t('volunteer.detail.verifyTitle')}>
      <p>{t('volunteer.detail.verifyBody')}</p>
      <Link to="/verify" className="mt-1 inline-flex min-h-11 items-center">
        {t('volunteer.detail.verifyLink')}
      </Link>
    </Alert>
  );
}
