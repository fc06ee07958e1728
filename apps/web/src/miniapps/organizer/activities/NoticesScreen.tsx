import { maxNoticeBodyLength } from '@kumamoto/domain';
import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { FieldProblem } from '../api.ts';
import { activityPaths, useActivityNotices, useSendNotice, type OrganizerActivityView } from './api.ts';
import { BackLink } from './parts.tsx';

/**
 * R-ACT-4: one-way notices to everyone who applied or waits (they arrive in the inbox). Replies
 * are impossible, so the screen says to include a contact and offers the activity's own
 * (guide FAQ Q2). Date changes and cancellations send their own notice; they are listed too.
 */
export function NoticesScreen({ view }: { view: OrganizerActivityView }) {
  const { t, locale } = useTranslation();
  const { activity, allowedActions } = view;
  const notices = useActivityNotices(activity.id);
  const send = useSendNotice(activity.id);
  const [body, setBody] = useState('');
  const [missing, setMissing] = useState(false);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === '') {
      setMissing(true);
      return;
    }
    send.mutate(body, { onSuccess: () => setBody('') });
  };
  const fieldError = send.error instanceof FieldProblem ? send.error.fields.body : undefined;
  const error = missing ? t('organizerActivities.notices.required') : fieldError;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');

  return (
    <>
      <BackLink to={activityPaths.manage(activity.id)}>{t('organizerActivities.backToActivity')}</BackLink>
      <PageHeader title={t('organizerActivities.notices.title')} lead={activity.title} />
      <div className="space-y-4">
        {allowedActions.send_notice ? (
          <Card as="section" aria-labelledby={`${id}-heading`}>
            <form onSubmit={submit} noValidate className="space-y-3">
              <h2 id={`${id}-heading`} className="text-std-20B-150">
                {t('organizerActivities.notices.write')}
              </h2>
              <label htmlFor={id} className="block text-std-17B-170">
                {t('organizerActivities.notices.body')}
              </label>
              <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
                {t('organizerActivities.notices.hint')}
              </p>
              {error && (
                <p id={`${id}-error`} className="text-std-16B-170 text-red-900">
                  {error}
                </p>
              )}
              <textarea
                id={id}
                rows={6}
                maxLength={maxNoticeBodyLength}
                value={body}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                onChange={(event) => {
                  setBody(event.target.value);
                  setMissing(false);
                  send.reset();
                }}
                className={
                  'block w-full rounded-8 border-2 bg-white px-3 py-2 text-std-17N-170 ' +
                  (error ? 'border-red-900' : 'border-solid-gray-600')
                }
              />
              {activity.contact && !body.includes(activity.contact) && (
                <Button
                  variant="tertiary"
                  onClick={() =>
                    setBody(
                      (current) =>
                        `${current.trimEnd()}${current.trim() ? '\n\n' : ''}${t(
                          'organizerActivities.notices.contactLine',
                          {
                            contact: activity.contact,
                          },
                        )}`,
                    )
                  }
                >
                  {t('organizerActivities.notices.addContact')}
                </Button>
              )}
              {!fieldError && <ProblemAlert error={send.error} />}
              {send.data && (
                <Alert tone="success" live>
                  {t('organizerActivities.notices.sent', { count: send.data.recipientCount })}
                </Alert>
              )}
              <Button type="submit" disabled={send.isPending} className="w-full sm:w-auto">
                {t('organizerActivities.notices.send')}
              </Button>
            </form>
          </Card>
        ) : (
          <Alert tone="info">{t('organizerActivities.notices.notAllowed')}</Alert>
        )}

        <section aria-labelledby={`${id}-sent`}>
          <h2 id={`${id}-sent`} className="mb-3 text-std-20B-150">
            {t('organizerActivities.notices.sentList')}
          </h2>
          {notices.isPending && <Loading />}
          <ProblemAlert error={notices.error} />
          {notices.data?.notices.length === 0 && <p>{t('organizerActivities.notices.empty')}</p>}
          <ul className="space-y-3">
            {notices.data?.notices.map((notice) => (
              <li key={notice.id} className="rounded-12 border border-solid-gray-200 bg-white p-4">
                <p className="text-std-16B-170 text-solid-gray-800">
                  {[
                    t(`organizerActivities.notices.kind.${notice.kind}`),
                    formatDateTime(notice.sentAt, locale),
                  ].join(t('organizerActivities.separator'))}
                </p>
                {notice.body && <p className="mt-1 whitespace-pre-wrap">{notice.body}</p>}
                <p className="mt-1 text-std-16N-170 text-solid-gray-800">
                  {t('organizerActivities.notices.recipients', { count: notice.recipientCount })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
