import type { Locale } from '@kumamoto/domain';
import { useSession } from '../api/queries.ts';
import { useTranslation } from '../i18n/index.ts';
import { ProblemAlert } from '../shell/ProblemAlert.tsx';
import { Alert } from '../ui/Alert.tsx';
import { ButtonLink, buttonClasses } from '../ui/Button.tsx';
import { Card } from '../ui/Card.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { certificateWhen, pdfUrl, useMyCertificates, type CertificateSummary } from './api.ts';

const here = encodeURIComponent('/points/certificates');

/**
 * The resident's activity certificates (R-PT-10, issue 6 part 4): one card per activity, with
 * its date as the certificate prints it, and the PDF in Japanese or English. A revoked one says
 * so and offers no download. Certificates need the My Number Card (R-ID-2).
 */
export function CertificatesPage() {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const verified = user?.identity === 'verified';
  const list = useMyCertificates(verified);

  let body;
  if (isPending) body = <Loading />;
  else if (!user)
    body = (
      <>
        <Alert tone="info">{t('certificates.signIn')}</Alert>
        <ButtonLink to={`/signin?next=${here}`} className="mt-6 w-full sm:w-auto">
          {t('common.signIn')}
        </ButtonLink>
      </>
    );
  else if (!verified)
    body = (
      <>
        <Alert tone="warning" title={t('certificates.verifyTitle')}>
          {t('certificates.verify')}
        </Alert>
        <ButtonLink to={`/verify?next=${here}`} className="mt-6 w-full sm:w-auto">
          {t('certificates.verifyButton')}
        </ButtonLink>
      </>
    );
  else if (list.isPending) body = <Loading />;
  else if (!list.data) body = <ProblemAlert error={list.error} />;
  else if (list.data.length === 0)
    body = (
      <Card>
        <p className="text-std-17N-170">{t('certificates.empty')}</p>
        <ButtonLink to="/volunteer" variant="secondary" className="mt-4 w-full sm:w-auto">
          {t('certificates.findActivities')}
        </ButtonLink>
      </Card>
    );
  else
    body = (
      <>
        <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('certificates.howToUse')}</p>
        <ul className="flex flex-col gap-4">
          {list.data.map((certificate) => (
            <CertificateCard key={certificate.serial} certificate={certificate} />
          ))}
        </ul>
      </>
    );

  return (
    <>
      <PageHeader title={t('certificates.title')} lead={t('certificates.lead')} />
      {body}
      <ButtonLink to="/points" variant="secondary" className="mt-6 w-full sm:w-auto">
        {t('certificates.backToPoints')}
      </ButtonLink>
    </>
  );
}

function CertificateCard({ certificate }: { certificate: CertificateSummary }) {
  const { t, locale } = useTranslation();
  const when = certificateWhen(certificate, locale);
  const headingId = `certificate-${certificate.serial}`;
  return (
    <Card as="li" aria-labelledby={headingId}>
      <h2 id={headingId} className="text-std-20B-150">
        {certificate.activityTitle}
      </h2>
      {certificate.revoked && (
        <p className="mt-1 inline-block rounded-8 border-2 border-red-900 bg-red-50 px-2 text-std-16B-170 text-red-900">
          {t('certificates.revoked')}
        </p>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 text-std-16N-170 narrow:grid-cols-1">
        <dt className="text-solid-gray-700">{t('certificates.date')}</dt>
        <dd>
          {when.date} {when.time}
        </dd>
        <dt className="text-solid-gray-700">{t('certificates.group')}</dt>
        <dd>{certificate.groupName}</dd>
        <dt className="text-solid-gray-700">{t('certificates.place')}</dt>
        <dd>{certificate.place}</dd>
        <dt className="text-solid-gray-700">{t('certificates.serial')}</dt>
        <dd className="tabular-nums">{certificate.serial}</dd>
        <dt className="text-solid-gray-700">{t('certificates.issuedOn')}</dt>
        <dd>{when.issuedOn}</dd>
      </dl>
      {certificate.revoked ? (
        <p className="mt-3 text-std-16N-170">{t('certificates.revokedNote')}</p>
      ) : (
        <div className="mt-4 flex flex-col gap-3 sm:flex-row">
          {(['ja', 'en'] as const satisfies Locale[]).map((lang) => (
            <a
              key={lang}
              href={pdfUrl(certificate.serial, lang)}
              download
              aria-label={t(lang === 'ja' ? 'certificates.downloadJaLabel' : 'certificates.downloadEnLabel', {
                title: certificate.activityTitle,
              })}
              className={buttonClasses(lang === locale ? 'primary' : 'secondary', 'w-full sm:w-auto')}
            >
              {t(lang === 'ja' ? 'certificates.downloadJa' : 'certificates.downloadEn')}
            </a>
          ))}
        </div>
      )}
    </Card>
  );
}
