import { identityFields } from '@kumamoto/domain';
import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../api/queries.ts';
import { formatDate } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useIdentityProfile, useRefreshIdentity, useStartVerification } from './api.ts';
import { readVerificationResult, safeNext, type VerificationResult } from './verification-result.ts';

/**
 * 「マイナンバーカードで本人確認」: why it is needed (R-ID-2), what is read from the card and
 * that the My Number never is (R-ID-1, R-ID-3), one large button to the card service, and,
 * back from it, how it ended.
 */
export function VerifyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const result = useMemo(() => readVerificationResult(params), [params]);

  return (
    <>
      <PageHeader title={t('verify.title')} lead={t('verify.lead')} />
      {result && <ResultNotice result={result} />}
      <Card as="section" aria-labelledby="verify-why" className="mb-6">
        <h2 id="verify-why" className="text-std-20B-150">
          {t('verify.whyHeading')}
        </h2>
        <ul className="mt-2 list-disc pl-6 text-std-17N-170">
          <li>{t('verify.whyPoints')}</li>
          <li>{t('verify.whyCertificates')}</li>
          <li>{t('verify.whyOrganizer')}</li>
        </ul>
        <p className="mt-2 text-std-16N-170 text-solid-gray-800">{t('verify.whyWithout')}</p>
      </Card>
      <Card as="section" aria-labelledby="verify-read" className="mb-6">
        <h2 id="verify-read" className="text-std-20B-150">
          {t('verify.readHeading')}
        </h2>
        <p className="mt-2 text-std-17N-170">{t('verify.readLead')}</p>
        <ul className="mt-2 grid list-disc grid-cols-2 gap-x-6 pl-6 text-std-17B-170 narrow:grid-cols-1">
          {identityFields.map((field) => (
            <li key={field}>{t(`profile.${field}`)}</li>
          ))}
        </ul>
        <Alert tone="info" className="mt-4">
          {t('verify.neverMyNumber')}
        </Alert>
        <p className="mt-4 text-std-16N-170 text-solid-gray-800">{t('verify.readNote')}</p>
      </Card>
      <StartSection returnTo={params.has('next') ? safeNext(params.get('next')) : undefined} />
    </>
  );
}

/** `returnTo`: the screen that sent the resident here (`/verify?next=/points`), offered afterwards. */
function StartSection({ returnTo }: { returnTo: string | undefined }) {
  const { t, locale } = useTranslation();
  const { user, isPending } = useSession();
  const profile = useIdentityProfile(Boolean(user));
  const start = useStartVerification();
  const verified = profile.data?.level === 'verified';

  return (
    <Card as="section" aria-labelledby="verify-how" className="mb-6">
      <h2 id="verify-how" className="text-std-20B-150">
        {t('verify.howHeading')}
      </h2>
      <ol className="mt-2 list-decimal pl-6 text-std-17N-170">
        <li>{t('verify.howStep1')}</li>
        <li>{t('verify.howStep2')}</li>
        <li>{t('verify.howStep3')}</li>
      </ol>
      {isPending || (user && profile.isPending) ? (
        <Loading />
      ) : !user ? (
        <>
          <p className="mt-4 text-std-17N-170">{t('verify.signInFirst')}</p>
          <ButtonLink to="/signin?next=%2Fverify" className="mt-4 w-full">
            {t('common.signIn')}
          </ButtonLink>
        </>
      ) : profile.error ? (
        <ProblemAlert error={profile.error} className="mt-4" />
      ) : profile.data?.methods.cardService === false ? (
        <Alert tone="warning" className="mt-4">
          {t('verify.notOffered')}
        </Alert>
      ) : (
        <>
          {verified && profile.data?.verifiedAt && (
            <p className="mt-4 text-std-17N-170">
              {t('verify.reverifyLead', { date: formatDate(profile.data.verifiedAt, locale) })}
            </p>
          )}
          <ProblemAlert error={start.error} className="mt-4" />
          <Button
            className="mt-4 min-h-16 w-full text-std-20B-150"
            disabled={start.isPending || start.isSuccess}
            onClick={() => start.mutate(returnTo)}
          >
            <CardIcon />
            {start.isPending || start.isSuccess
              ? t('verify.starting')
              : verified
                ? t('verify.reverify')
                : t('verify.start')}
          </Button>
        </>
      )}
    </Card>
  );
}

/** How the last attempt ended; takes focus so a screen reader starts there after coming back. */
function ResultNotice({ result }: { result: NonNullable<VerificationResult> }) {
  const { t } = useTranslation();
  const refresh = useRefreshIdentity();
  const heading = useRef<HTMLSpanElement>(null);
  const verified = result.kind === 'verified';

  useEffect(() => {
    heading.current?.focus();
    // The level and the name on every screen change with a verification.
    if (verified) void refresh();
  }, [verified, refresh]);

  const title = (
    <span ref={heading} tabIndex={-1}>
      {verified ? t('verify.successTitle') : t('verify.failedTitle')}
    </span>
  );
  if (result.kind === 'failed') {
    return (
      <Alert tone="error" title={title} className="mb-6">
        <p>{t(result.code, { ns: 'errors' })}</p>
        <p className="mt-1">{t('verify.failedNothingChanged')}</p>
      </Alert>
    );
  }
  const fields = result.changed.map((field) => t(`profile.${field}`)).join(t('verify.listSeparator'));
  return (
    <Alert tone="success" title={title} className="mb-6">
      <p>{t('verify.successBody')}</p>
      <p className="mt-1">{fields ? t('verify.changed', { fields }) : t('verify.unchanged')}</p>
      <ButtonLink to={result.next} className="mt-3 w-full sm:w-auto">
        {result.next === '/mypage' ? t('verify.continue') : t('verify.continueOther')}
      </ButtonLink>
    </Alert>
  );
}

function CardIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-7"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="2.5" y="5" width="19" height="14" rx="2" />
      <circle cx="8" cy="11" r="2" />
      <path d="M5 16a3 3 0 0 1 6 0M14 10h5M14 14h4" />
    </svg>
  );
}
