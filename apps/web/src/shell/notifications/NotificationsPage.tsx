import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { queryKeys, useInbox, useSession } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { NotificationItem } from './NotificationItem.tsx';

/** The in-app inbox. Later features (activity notices, R-ACT-4; approvals, R-ORG-5) fill it. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { user, isPending: sessionPending } = useSession();
  const inbox = useInbox(user !== null, true);
  const queryClient = useQueryClient();
  const markAllRead = useMutation({
    mutationFn: () => api<void>('POST', '/api/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });

  let content;
  if (sessionPending || (user && inbox.isPending)) content = <Loading />;
  else if (!user)
    content = (
      <>
        <Alert tone="info">{t('notifications.signedOut')}</Alert>
        <ButtonLink to="/signin?next=/notifications" className="mt-6 w-full sm:w-auto">
          {t('common.signIn')}
        </ButtonLink>
      </>
    );
  else if (inbox.error) content = <ProblemAlert error={inbox.error} />;
  else if (!inbox.data || inbox.data.items.length === 0)
    content = <p className="rounded-12 bg-white p-6 text-std-17N-170">{t('notifications.empty')}</p>;
  else
    content = (
      <>
        {inbox.data.unread > 0 && (
          <Button
            variant="secondary"
            className="mb-4 w-full sm:w-auto"
            disabled={markAllRead.isPending}
            onClick={() => markAllRead.mutate()}
          >
            {t('notifications.markAllRead')}
          </Button>
        )}
        <ProblemAlert error={markAllRead.error} className="mb-4" />
        <ul className="flex flex-col gap-3">
          {inbox.data.items.map((item) => (
            <li key={item.id}>
              <NotificationItem item={item} />
            </li>
          ))}
        </ul>
      </>
    );

  return (
    <>
      <PageHeader title={t('notifications.title')} />
      {content}
    </>
  );
}
