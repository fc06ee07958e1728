import { parseCertificateSerial } from '@kumamoto/domain';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { certificateWhen, type CityCertificate } from '../../certificates/api.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** The server's limit (features/certificates: maxRevokeReasonLength). */
const maxReasonLength = 500;

/**
 * The city console's certificate revocation (R-PT-10, policy `certificate.revoke`: city
 * administrators). Staff type the serial from the certificate, see what it certifies and to
 * whom (the look-up is audited), then revoke it with a required reason; the holder is notified.
 */
export function CertificateRevocation() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [typed, setTyped] = useState('');
  const [serial, setSerial] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);

  if (!user?.roles.includes('city_admin')) {
    return (
      <>
        <PageHeader title={t('certificates.revoke.title')} />
        <Alert tone="error" title={t('miniApp.restrictedTitle')}>
          {t('certificates.revoke.adminOnly')}
        </Alert>
      </>
    );
  }

  const parsed = parseCertificateSerial(typed);
  const serialError = checked && !parsed.ok ? t('certificates.revoke.serialInvalid') : undefined;
  const find = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (parsed.ok) setSerial(parsed.serial);
  };

  return (
    <>
      <PageHeader title={t('certificates.revoke.title')} lead={t('certificates.revoke.lead')} />
      <Link to="/city" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('certificates.revoke.back')}
      </Link>
      <div className="flex flex-col gap-6">
        <Card>
          <form onSubmit={find} noValidate className="flex flex-col gap-4">
            <TextField
              label={t('certificates.revoke.serialLabel')}
              hint={t('certificates.revoke.serialHint')}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
                setChecked(false);
              }}
              error={serialError}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
            />
            <Button type="submit" variant="secondary" className="w-full sm:w-auto">
              {t('certificates.revoke.find')}
            </Button>
          </form>
        </Card>
        {serial && <Revoke key={serial} serial={serial} />}
      </div>
    </>
  );
}

function Revoke({ serial }: { serial: string }) {
  const { t, locale } = useTranslation();
  const ids = { reason: useId(), confirm: useId() };
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [checked, setChecked] = useState(false);
  const certificate = useQuery({
    queryKey: ['me', 'city', 'certificate', serial],
    queryFn: () => api<CityCertificate>('GET', `/api/city/certificates/${encodeURIComponent(serial)}`),
    retry: false,
  });
  const revoke = useMutation({
    mutationFn: () =>
      api<{ serial: string; revokedAt: string }>(
        'POST',
        `/api/city/certificates/${encodeURIComponent(serial)}/revoke`,
        {
          reason: reason.trim(),
        },
      ),
    onSuccess: () => void certificate.refetch(),
  });

  if (certificate.isPending) return <Loading label={t('certificates.revoke.finding')} />;
  if (!certificate.data) return <ProblemAlert error={certificate.error} />;
  const found = certificate.data;
  const when = certificateWhen(found, locale);
  const trimmed = reason.trim();
  const reasonError = !checked
    ? undefined
    : trimmed === ''
      ? t('certificates.revoke.reasonRequired')
      : [...trimmed].length > maxReasonLength
        ? t('certificates.revoke.reasonTooLong')
        : undefined;
  const confirmError = checked && !confirmed ? t('certificates.revoke.confirmRequired') : undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (trimmed === '' || [...trimmed].length > maxReasonLength || !confirmed || revoke.isPending) return;
    revoke.mutate();
  };
  const describedBy = [`${ids.reason}-hint`, reasonError ? `${ids.reason}-error` : '']
    .filter(Boolean)
    .join(' ');

  return (
    <>
      <Card as="section" aria-labelledby="revoke-found">
        <h2 id="revoke-found" className="mb-2 text-std-20B-150">
          {t('certificates.revoke.found')}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-std-17N-170 narrow:grid-cols-1">
          {(
            [
              [t('certificates.revoke.serialLabel'), found.serial],
              [t('certificates.revoke.holder'), found.holderName ?? t('certificates.revoke.holderDeleted')],
              [t('certificates.revoke.activity'), found.activityTitle],
              [t('certificates.revoke.group'), found.groupName],
              [t('certificates.revoke.date'), `${when.date} ${when.time}`],
              [t('certificates.revoke.issuedOn'), when.issuedOn],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-std-16B-170 text-solid-gray-700">{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </Card>
      {revoke.data && (
        <Alert tone="success" live>
          {t('certificates.revoke.done', { serial: revoke.data.serial })}
        </Alert>
      )}
      {revoke.data ? null : found.revokedAt ? (
        <Alert tone="warning">
          {t('certificates.revoke.alreadyRevoked', {
            date: formatDate(found.revokedAt, locale),
            reason: found.revokeReason ?? '',
          })}
        </Alert>
      ) : (
        <Card>
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <div>
              <label htmlFor={ids.reason} className="block text-std-17B-170">
                {t('certificates.revoke.reasonLabel')}
              </label>
              <p id={`${ids.reason}-hint`} className="text-std-16N-170 text-solid-gray-700">
                {t('certificates.revoke.reasonHint')}
              </p>
              {reasonError && (
                <p id={`${ids.reason}-error`} role="alert" className="text-std-16B-170 text-red-900">
                  {reasonError}
                </p>
              )}
              <textarea
                id={ids.reason}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                rows={4}
                aria-describedby={describedBy}
                aria-invalid={reasonError ? true : undefined}
                className={`mt-2 block w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 ${reasonError ? 'border-red-900' : 'border-solid-gray-600'}`}
              />
            </div>
            <div>
              {confirmError && (
                <p id={`${ids.confirm}-error`} role="alert" className="text-std-16B-170 text-red-900">
                  {confirmError}
                </p>
              )}
              <label htmlFor={ids.confirm} className="flex min-h-11 items-start gap-3 text-std-17N-170">
                <input
                  id={ids.confirm}
                  type="checkbox"
                  checked={confirmed}
                  onChange={(event) => setConfirmed(event.target.checked)}
                  aria-describedby={confirmError ? `${ids.confirm}-error` : undefined}
                  className="mt-1 size-6 shrink-0"
                />
                {t('certificates.revoke.confirm')}
              </label>
            </div>
            <ProblemAlert error={revoke.error} />
            <Button type="submit" disabled={revoke.isPending} className="w-full sm:w-auto">
              {revoke.isPending ? t('certificates.revoke.submitting') : t('certificates.revoke.submit')}
            </Button>
          </form>
        </Card>
      )}
    </>
  );
}
