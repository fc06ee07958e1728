import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import { formatDateTime } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';

interface DevMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/**
 * The development mail page (/dev/mail): mail the app kept instead of sending, because no
 * SMTP_URL is set outside production. Newest first, refreshed every few seconds, the code in
 * large digits so it can be read off a phone. The server refuses it (404) in production and
 * whenever mail really leaves.
 */
export function DevMailPage() {
  const { t, locale } = useTranslation();
  const mail = useQuery({
    queryKey: ['dev-mail'],
    queryFn: async () => (await api<{ messages: DevMail[] }>('GET', '/api/dev/mail')).messages,
    refetchInterval: (query) => (query.state.error ? false : 5_000),
    retry: false,
  });
  const disabled = mail.error instanceof ApiError && mail.error.code === 'dev_mail_disabled';

  return (
    <>
      <PageHeader title={t('devMail.title')} lead={t('devMail.lead')} />
      {disabled ? (
        <>
          <ProblemAlert error={mail.error} />
          <ButtonLink to="/" variant="secondary" className="mt-6">
            {t('common.backHome')}
          </ButtonLink>
        </>
      ) : (
        <>
          <Alert tone="warning" className="mb-4">
            {t('devMail.notice')}
          </Alert>
          <Button
            variant="secondary"
            className="mb-4 w-full sm:w-auto"
            disabled={mail.isFetching}
            onClick={() => void mail.refetch()}
          >
            {t('devMail.refresh')}
          </Button>
          {mail.isPending ? (
            <Loading />
          ) : mail.error ? (
            <ProblemAlert error={mail.error} />
          ) : mail.data.length === 0 ? (
            <p className="text-std-17N-170">{t('devMail.empty')}</p>
          ) : (
            <ul className="flex flex-col gap-4">
              {mail.data.map((message) => {
                const code = /(?<![0-9])([0-9]{6})(?![0-9])/.exec(message.subject)?.[1];
                return (
                  <li key={message.id}>
                    <Card as="article" aria-labelledby={`dev-mail-${message.id}`}>
                      <h2 id={`dev-mail-${message.id}`} className="text-std-18B-160 break-words">
                        {message.subject}
                      </h2>
                      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-std-16N-170 narrow:grid-cols-1">
                        <dt className="font-bold text-solid-gray-700">{t('devMail.to')}</dt>
                        <dd className="break-all">{message.to}</dd>
                        <dt className="font-bold text-solid-gray-700">{t('devMail.sentAt')}</dt>
                        <dd>{formatDateTime(message.sentAt, locale)}</dd>
                        {code && (
                          <>
                            <dt className="font-bold text-solid-gray-700">{t('devMail.code')}</dt>
                            <dd className="font-mono text-std-28B-150 tracking-[0.2em] tabular-nums">
                              {code}
                            </dd>
                          </>
                        )}
                      </dl>
                      <h3 className="sr-only">{t('devMail.body')}</h3>
                      <pre className="mt-3 rounded-8 bg-solid-gray-50 p-3 font-sans text-std-16N-170 whitespace-pre-wrap break-words">
                        {message.text}
                      </pre>
                    </Card>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </>
  );
}
