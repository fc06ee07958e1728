import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { queryKeys } from '../../api/queries.ts';
import type { InboxItem } from '../../api/types.ts';
import { formatDateTime } from '../../i18n/format-date.ts';
import { i18n, useTranslation } from '../../i18n/index.ts';

/**
 * Where a kind's text lives: organizer group notices under `organizer.notice`, others under
 * `notifications.kinds`. A kind without a text (yet) reads as a general notice.
 */
function noticeKey(kind: string): string {
  return kind.startsWith('organizer.')
    ? `organizer.notice.${kind.slice('organizer.'.length)}`
    : `notifications.kinds.${kind}`;
}

/** One notice, in the reader's language: its kind and parameters are stored, never the text. */
export function NotificationItem({ item }: { item: InboxItem }) {
  const { t, locale } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const markRead = useMutation({
    mutationFn: () => api<void>('POST', `/api/notifications/${item.id}/read`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
  const unread = item.readAt === null;

  const open = () => {
    if (unread) markRead.mutate();
    // Only links inside this app are followed; a notice never sends anyone elsewhere.
    if (item.link?.startsWith('/')) void navigate(item.link);
  };

  return (
    <button
      type="button"
      onClick={open}
      className={
        'flex min-h-16 w-full flex-col items-start gap-1 rounded-12 border p-4 text-left hover:bg-blue-50 ' +
        (unread ? 'border-blue-900 bg-white' : 'border-solid-gray-300 bg-solid-gray-50')
      }
    >
      <span className="flex items-center gap-2 text-std-17B-170">
        {unread && (
          <span className="rounded-4 bg-blue-900 px-2 text-dns-14B-130 text-white">
            {t('notifications.unread')}
          </span>
        )}
        {i18n.exists(noticeKey(item.kind))
          ? // A key built from the stored kind; i18n.exists checked it is one of ours.
            t(noticeKey(item.kind) as 'notifications.generic', item.params)
          : t('notifications.generic')}
      </span>
      <time dateTime={item.createdAt} className="text-std-16N-170 text-solid-gray-700">
        {formatDateTime(item.createdAt, locale)}
      </time>
    </button>
  );
}
