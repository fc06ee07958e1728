import type { LifecycleEvent } from '@kumamoto/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { api } from '../../api/client.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';

/**
 * The lifecycle buttons of a group, exactly the events the server's lifecycle offers this
 * person now (`actions`, from the domain's one table). A reason box appears when one is asked.
 */
export function GroupActions({
  basePath,
  actions,
  exclude = [],
}: {
  /** `/api/organizer/groups/:id/events` or `/api/city/organizer/groups/:id/events`. */
  basePath: string;
  actions: { event: LifecycleEvent; reason: 'required' | 'optional' | 'none' }[];
  exclude?: LifecycleEvent[];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const reasonId = useId();
  const shown = actions.filter((action) => !exclude.includes(action.event));
  const send = useMutation({
    mutationFn: (event: LifecycleEvent) =>
      api<void>('POST', `${basePath}/${event}`, reason.trim() ? { reason } : {}),
    onSuccess: () => {
      setDone(t('organizer.group.done'));
      setReason('');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  if (shown.length === 0) return null;
  return (
    <Card as="section" className="space-y-3">
      {shown.some((action) => action.reason !== 'none') && (
        <>
          <label htmlFor={reasonId} className="block text-std-17B-170">
            {t('organizer.group.reason')}
          </label>
          <textarea
            id={reasonId}
            rows={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            className="block w-full rounded-8 border-2 border-solid-gray-600 px-3 py-2 text-std-17N-170"
          />
        </>
      )}
      <ProblemAlert error={send.error} />
      {done && (
        <Alert tone="success" live>
          {done}
        </Alert>
      )}
      <div className="flex flex-col gap-3">
        {shown.map((action) => (
          <Button
            key={action.event}
            variant={
              action.event.endsWith('approve') || action.event.endsWith('resume') ? 'primary' : 'secondary'
            }
            onClick={() => send.mutate(action.event)}
            disabled={send.isPending}
          >
            {t(`organizer.event.${action.event}`, { defaultValue: action.event })}
          </Button>
        ))}
      </div>
    </Card>
  );
}
