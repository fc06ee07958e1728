import { parseCertificateSerial } from '@kumamoto/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../api/client.ts';
import { formatDate } from '../i18n/format-date.ts';
import { useTranslation } from '../i18n/index.ts';
import { ProblemAlert } from '../shell/ProblemAlert.tsx';
import { Button } from '../ui/Button.tsx';
import { Card } from '../ui/Card.tsx';
import { ErrorIcon, SuccessIcon, WarningIcon } from '../ui/icons.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { TextField } from '../ui/TextField.tsx';
import { certificateWhen, type Verification, type VerificationStatus } from './api.ts';

/**
 * The public page a certificate's QR code opens (R-PT-10, issue 6 part 4): for a school or an
 * employer, signed out, in Japanese or English. It says in one large line whether the
 * certificate is authentic, revoked or cannot be verified, then what it certifies. Name and
 * activity come only with the QR code's signature (`?s=`) or the holder's name as printed,
 * which can be typed here; the name never goes into the URL.
 */
export function CertificateVerificationPage() {
  const { t } = useTranslation();
  const { serial = '' } = useParams();
  const [params] = useSearchParams();
  const signature = params.get('s');
  const [name, setName] = useState<string | null>(null);
  const parsed = parseCertificateSerial(serial);
  const query = new URLSearchParams();
  // A typed name is the visitor's second try, after the QR code's signature did not match.
  if (name) query.set('name', name);
  else if (signature) query.set('s', signature);
  const verification = useQuery({
    queryKey: ['certificate-verification', serial, query.toString()],
    queryFn: () =>
      api<Verification>(
        'GET',
        `/api/certificates/${encodeURIComponent(serial)}/verification?${query.toString()}`,
      ),
    enabled: parsed.ok,
    retry: false,
    staleTime: Infinity,
    // While a typed name is checked, the last answer (and the form) stay on screen.
    placeholderData: (previous) => previous,
  });

  let body: ReactNode;
  if (!parsed.ok)
    body = (
      <StatusPanel status="not_found">
        <p>{t('certificates.check.mistyped')}</p>
      </StatusPanel>
    );
  else if (verification.isPending) body = <Loading label={t('certificates.check.checking')} />;
  else if (!verification.data) body = <ProblemAlert error={verification.error} />;
  else body = <Answer answer={verification.data} />;

  return (
    <>
      <PageHeader title={t('certificates.check.title')} lead={t('certificates.check.lead')} />
      <div className="flex flex-col gap-6">
        {body}
        {parsed.ok && verification.data?.status === 'not_found' && <NameForm onSubmit={setName} />}
        <div className="text-std-16N-170 text-solid-gray-800">
          <p>{t('certificates.check.contact')}</p>
          <p className="mt-2">{t('certificates.check.recorded')}</p>
        </div>
      </div>
    </>
  );
}

const panels: Record<
  VerificationStatus,
  { box: string; text: string; Icon: typeof SuccessIcon; title: 'authentic' | 'revoked' | 'notFound' }
> = {
  authentic: {
    box: 'border-green-900 bg-green-50',
    text: 'text-green-1000',
    Icon: SuccessIcon,
    title: 'authentic',
  },
  revoked: { box: 'border-red-900 bg-red-50', text: 'text-red-1000', Icon: ErrorIcon, title: 'revoked' },
  not_found: {
    box: 'border-yellow-900 bg-yellow-50',
    text: 'text-solid-gray-900',
    Icon: WarningIcon,
    title: 'notFound',
  },
  altered: { box: 'border-red-900 bg-red-50', text: 'text-red-1000', Icon: ErrorIcon, title: 'notFound' },
};

/** The verdict, large: icon and words, so it never rests on colour alone. */
function StatusPanel({ status, children }: { status: VerificationStatus; children: ReactNode }) {
  const { t } = useTranslation();
  const panel = panels[status];
  return (
    <section
      aria-labelledby="verification-status"
      role="status"
      className={`rounded-12 border-4 p-5 text-center narrow:p-3 ${panel.box}`}
    >
      <panel.Icon className={`mx-auto size-14 ${panel.text}`} />
      <p className="sr-only">{t('certificates.check.statusLabel')}</p>
      <h2 id="verification-status" className={`mt-2 text-std-32B-150 narrow:text-std-24B-150 ${panel.text}`}>
        {t(`certificates.check.${panel.title}`)}
      </h2>
      <div className="mt-3 text-left text-std-17N-170">{children}</div>
    </section>
  );
}

function Answer({ answer }: { answer: Verification }) {
  const { t, locale } = useTranslation();
  const revokedOn = answer.revokedAt ? formatDate(answer.revokedAt, locale) : '';
  const detail = {
    authentic: t('certificates.check.authenticDetail'),
    revoked: t('certificates.check.revokedDetail', { date: revokedOn }),
    not_found: t('certificates.check.notFoundDetail'),
    altered: t('certificates.check.alteredDetail'),
  }[answer.status];
  const when =
    answer.startsAt && answer.endsAt && answer.issuedAt
      ? certificateWhen(
          { startsAt: answer.startsAt, endsAt: answer.endsAt, issuedAt: answer.issuedAt },
          locale,
        )
      : null;
  const rows: [string, string | undefined][] = [
    [t('certificates.check.serial'), answer.serial],
    [t('certificates.check.holder'), answer.holderName],
    [t('certificates.check.activity'), answer.activityTitle],
    [t('certificates.check.group'), answer.groupName],
    [t('certificates.check.date'), when ? `${when.date} ${when.time}` : undefined],
    [t('certificates.check.duration'), when?.duration],
    [t('certificates.check.place'), answer.place],
    [t('certificates.check.issuedOn'), when?.issuedOn],
    [t('certificates.check.revokedOn'), answer.revokedAt ? revokedOn : undefined],
  ];
  return (
    <>
      <StatusPanel status={answer.status}>
        <p>{detail}</p>
        {!answer.holderName && (
          <p className="mt-2 text-std-16B-170 break-words">
            {t('certificates.check.serialLine', { serial: answer.serial })}
          </p>
        )}
      </StatusPanel>
      {answer.holderName && (
        <Card as="section" aria-labelledby="verification-details">
          <h2 id="verification-details" className="mb-2 text-std-20B-150">
            {t('certificates.check.details')}
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-std-17N-170 narrow:grid-cols-1">
            {rows
              .filter((row): row is [string, string] => Boolean(row[1]))
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
                  <dd className="break-words">{value}</dd>
                </div>
              ))}
          </dl>
        </Card>
      )}
    </>
  );
}

/** For a paper copy whose QR code will not scan: the holder's name as printed. */
function NameForm({ onSubmit }: { onSubmit: (name: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [checked, setChecked] = useState(false);
  const error = checked && value.trim() === '' ? t('certificates.check.nameRequired') : undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <Card as="section" aria-labelledby="verification-name">
      <h2 id="verification-name" className="text-std-20B-150">
        {t('certificates.check.nameHeading')}
      </h2>
      <p className="mt-1 text-std-16N-170">{t('certificates.check.nameLead')}</p>
      <form onSubmit={submit} noValidate className="mt-3 flex flex-col gap-4">
        <TextField
          label={t('certificates.check.nameLabel')}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          error={error}
          autoComplete="off"
        />
        <Button type="submit" className="w-full sm:w-auto">
          {t('certificates.check.nameSubmit')}
        </Button>
      </form>
    </Card>
  );
}
