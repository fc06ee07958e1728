import { useState } from 'react';
import { formatDateTime } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { SuccessIcon } from '../../../ui/icons.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useRevokeSession, useSessions, useSignOutOthers, type SignedInSession } from './api.ts';

/** Where the account is signed in: this browser marked, any other one can be signed out. */
export function SessionList() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const others = useSignOutOthers();
  const [done, setDone] = useState<string | null>(null);
  const list = sessions.data ?? [];
  const hasOthers = list.some((session) => !session.current);

  return (
    <Card as="section" aria-labelledby="my-sessions" className="mb-6">
      <h2 id="my-sessions" className="text-std-20B-150">
        {t('sessions.heading')}
      </h2>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('sessions.lead')}</p>
      {sessions.isPending ? (
        <Loading />
      ) : sessions.error ? (
        <ProblemAlert error={sessions.error} className="mt-4" />
      ) : (
        <ul className="mt-4 flex flex-col gap-3">
          {list.map((session) => (
            <SessionItem
              key={session.id}
              session={session}
              busy={revoke.isPending}
              onRevoke={(device) => {
                setDone(null);
                revoke.mutate(session.id, { onSuccess: () => setDone(t('sessions.revoked', { device })) });
              }}
            />
          ))}
        </ul>
      )}
      <ProblemAlert error={revoke.error ?? others.error} className="mt-4" />
      {done && (
        <Alert tone="success" live className="mt-4">
          {done}
        </Alert>
      )}
      {sessions.isSuccess &&
        (hasOthers ? (
          <Button
            variant="secondary"
            className="mt-4 w-full sm:w-auto"
            disabled={others.isPending}
            onClick={() => {
              setDone(null);
              others.mutate(undefined, {
                onSuccess: ({ revoked }) => setDone(t('sessions.signedOutOthers', { count: revoked })),
              });
            }}
          >
            {t('sessions.signOutOthers')}
          </Button>
        ) : (
          <p className="mt-4 text-std-16N-170 text-solid-gray-800">{t('sessions.onlyThis')}</p>
        ))}
    </Card>
  );
}

function SessionItem({
  session,
  busy,
  onRevoke,
}: {
  session: SignedInSession;
  busy: boolean;
  onRevoke: (device: string) => void;
}) {
  const { t, locale } = useTranslation();
  const device = session.device ?? t('sessions.unknownDevice');
  const signedInAt = formatDateTime(session.createdAt, locale);
  return (
    <li
      className={`rounded-8 border p-4 narrow:p-3 ${session.current ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-300'}`}
    >
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="text-std-17B-170">{device}</span>
        {session.current && (
          <span className="inline-flex items-center gap-1 text-std-16B-170 text-blue-1000">
            <SuccessIcon className="size-5 shrink-0" />
            {t('sessions.thisDevice')}
          </span>
        )}
      </p>
      <p className="text-std-16N-170 text-solid-gray-800">{t(`sessions.method.${session.method}`)}</p>
      <p className="text-std-16N-170 text-solid-gray-800">{t('sessions.signedInAt', { date: signedInAt })}</p>
      <p className="text-std-16N-170 text-solid-gray-800">
        {t('sessions.lastSeen', { date: formatDateTime(session.lastSeenAt, locale) })}
      </p>
      {!session.current && (
        <Button
          variant="secondary"
          className="mt-3"
          disabled={busy}
          aria-label={t('sessions.revokeNamed', { device, date: signedInAt })}
          onClick={() => onRevoke(device)}
        >
          {t('sessions.revoke')}
        </Button>
      )}
    </li>
  );
}
