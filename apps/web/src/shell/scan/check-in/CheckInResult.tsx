import type { CheckInScan } from '@kumamoto/domain';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { useSession } from '../../../api/queries.ts';
import { useErrorText } from '../../../i18n/error-text.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { SuccessIcon } from '../../../ui/icons.tsx';
import { isTransient, staleCodes, useCheckIn, type CheckInOutcome } from './api.ts';

/** Kept in the page's history entry, so reloading the result shows it rather than scanning again. */
interface ResultState {
  checkIn?: CheckInOutcome;
}

/** Codes whose answer is "prove who you are with the card first" (R-PT-3). */
const verificationCodes = new Set(['verification_required', 'check_in_not_verified_by_activity_day']);

/**
 * The resident's side of check-in (issue 6, R-PT-1 … R-PT-4): reached from the Scan screen or
 * straight from the phone's camera (`/scan/checkin/<token>`). Sends the code once, shows the
 * progress on a weak connection and retries safely, then says plainly what happened: "+100
 * points" and the certificate, "already received", or why not.
 */
export function CheckInResult({ scan }: { scan: CheckInScan }) {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const location = useLocation();
  const stored = (location.state as ResultState | null)?.checkIn;

  if (stored) return <Outcome answer={stored} />;
  if (isPending) return <Loading />;
  if (!user)
    return (
      <>
        <PageHeader title={t('checkIn.resident.title')} />
        <Alert tone="info" title={t('checkIn.resident.signInTitle')}>
          {t('checkIn.resident.signIn')}
        </Alert>
        <ButtonLink
          to={`/signin?next=${encodeURIComponent(location.pathname)}`}
          className="mt-6 w-full sm:w-auto"
        >
          {t('common.signIn')}
        </ButtonLink>
      </>
    );
  return <Send scan={scan} />;
}

function Send({ scan }: { scan: CheckInScan }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const checkIn = useCheckIn(scan);
  const started = useRef(false);

  const send = () =>
    checkIn.mutate(undefined, {
      onSuccess: (answer) =>
        void navigate(pathname, { replace: true, state: { checkIn: answer } satisfies ResultState }),
    });

  useEffect(() => {
    // Exactly one request per scan, even when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    send();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on arrival
  }, []);

  const error = checkIn.error;
  const code = error instanceof ApiError ? error.code : null;

  if (checkIn.isPending || checkIn.isIdle || checkIn.isSuccess) {
    return (
      <>
        <PageHeader title={t('checkIn.resident.title')} />
        <Loading label={t('checkIn.resident.sending')} />
        {checkIn.failureCount > 0 && (
          <Alert tone="warning" live>
            {t('checkIn.resident.retrying', { count: checkIn.failureCount })}
          </Alert>
        )}
      </>
    );
  }
  if (!error) return <Loading />;

  const transient = isTransient(error);
  const needsVerification = code !== null && verificationCodes.has(code);
  return (
    <>
      <PageHeader title={t(transient ? 'checkIn.resident.notSentTitle' : 'checkIn.resident.refusedTitle')} />
      <Alert tone={transient ? 'warning' : 'error'} live>
        {errorText(error)}
        {transient && <p className="mt-2">{t('checkIn.resident.notSent')}</p>}
      </Alert>
      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        {transient && (
          <Button onClick={send} className="w-full sm:w-auto">
            {t('checkIn.resident.sendAgain')}
          </Button>
        )}
        {needsVerification && (
          <ButtonLink to="/verify?next=%2Fscan" className="w-full sm:w-auto">
            {t('checkIn.resident.verify')}
          </ButtonLink>
        )}
        <ButtonLink
          to="/scan"
          variant={transient || needsVerification ? 'secondary' : 'primary'}
          className="w-full sm:w-auto"
        >
          {code !== null && staleCodes.has(code) ? t('checkIn.resident.scanAgain') : t('scan.backToScanner')}
        </ButtonLink>
      </div>
    </>
  );
}

/** Success, or "already received" (a repeated scan is not an error). */
function Outcome({ answer }: { answer: CheckInOutcome }) {
  const { t, locale } = useTranslation();
  const first = answer.outcome === 'checked_in';
  return (
    <>
      <PageHeader title={first ? t('checkIn.resident.doneTitle') : t('checkIn.resident.alreadyTitle')} />
      <Card
        role="status"
        className={`mb-6 flex flex-col items-center text-center ${first ? 'border-2 border-green-900! bg-green-50!' : ''}`}
      >
        <SuccessIcon className={`size-14 ${first ? 'text-green-900' : 'text-blue-900'}`} />
        {first ? (
          <p className="mt-2 text-std-45B-140 text-green-1000 narrow:text-std-32B-150">
            {t('checkIn.resident.plusPoints', { points: answer.points })}
          </p>
        ) : (
          <p className="mt-2 text-std-22B-150">{t('checkIn.resident.already')}</p>
        )}
        <p className="mt-2 text-std-17N-170">
          {t('checkIn.resident.activity', {
            title: answer.activity.title,
            group: answer.activity.groupName,
          })}
        </p>
      </Card>
      {answer.rankUp && (
        <Alert tone="success" title={t('checkIn.resident.rankUpTitle')} className="mb-6">
          {t('checkIn.resident.rankUp', { rank: answer.rankUp.rankName[locale] })}
        </Alert>
      )}
      <Card as="section" aria-labelledby="check-in-certificate" className="mb-6">
        <h2 id="check-in-certificate" className="text-std-20B-150">
          {t('checkIn.resident.certificateHeading')}
        </h2>
        <p className="mt-1 text-std-17N-170">
          {answer.certificate ? t('checkIn.resident.certificate') : t('checkIn.resident.certificateNoSerial')}
        </p>
        {answer.certificate && (
          <p className="mt-1 text-std-16N-170">
            {t('checkIn.resident.serial')}{' '}
            <span className="font-bold whitespace-nowrap">{answer.certificate.serial}</span>
          </p>
        )}
        <ButtonLink to="/points/certificates" className="mt-4 w-full sm:w-auto">
          {t('checkIn.resident.certificateLink')}
        </ButtonLink>
      </Card>
      <div className="flex flex-col gap-3 sm:flex-row">
        <ButtonLink to="/points" variant="secondary" className="w-full sm:w-auto">
          {t('checkIn.resident.pointsLink')}
        </ButtonLink>
        <ButtonLink to="/" variant="tertiary" className="w-full sm:w-auto">
          {t('common.backHome')}
        </ButtonLink>
      </div>
    </>
  );
}
