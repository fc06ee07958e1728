import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { useSession } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** POST /api/city/check-in/late's answer: the same shape as a resident's check-in. */
interface LateCheckInAnswer {
  outcome: 'checked_in' | 'already_checked_in';
  activity: { id: string; title: string; groupName: string };
  points: number;
  certificate: { serial: string };
}

interface LateCheckInBody {
  activityId: string;
  userId: string;
  reason: string;
}

/**
 * Points and a certificate issued by hand after the day, only when an app fault prevented the
 * check-in (R-PT-2, FAQ Q3). City administrators only; the reason is required and audited.
 * The server applies the same rules as on the day (verified by then, applied unless no
 * capacity: domain `lateIssueDecision`).
 */
export function LateCheckIn() {
  const { t } = useTranslation();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const ids = { reason: useId() };
  const [form, setForm] = useState<LateCheckInBody>({ activityId: '', userId: '', reason: '' });
  const [checked, setChecked] = useState(false);
  const issue = useMutation({
    mutationFn: (body: LateCheckInBody) => api<LateCheckInAnswer>('POST', '/api/city/check-in/late', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me', 'city'] }),
  });

  if (!user?.roles.includes('city_admin')) {
    return (
      <>
        <PageHeader title={t('checkIn.late.title')} />
        <Alert tone="error" title={t('miniApp.restrictedTitle')}>
          {t('checkIn.late.adminOnly')}
        </Alert>
      </>
    );
  }

  const problems = {
    activityId: uuidPattern.test(form.activityId.trim()) ? undefined : t('checkIn.late.idInvalid'),
    userId: uuidPattern.test(form.userId.trim()) ? undefined : t('checkIn.late.idInvalid'),
    reason: form.reason.trim() === '' ? t('checkIn.late.reasonRequired') : undefined,
  };
  const valid = !problems.activityId && !problems.userId && !problems.reason;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!valid || issue.isPending) return;
    issue.mutate({
      activityId: form.activityId.trim(),
      userId: form.userId.trim(),
      reason: form.reason.trim(),
    });
  };
  const set = (key: keyof LateCheckInBody) => (value: string) => {
    setForm((current) => ({ ...current, [key]: value }));
    if (issue.data || issue.error) issue.reset();
  };

  return (
    <>
      <PageHeader title={t('checkIn.late.title')} lead={t('checkIn.late.lead')} />
      <Link to="/city" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('checkIn.late.back')}
      </Link>
      <Card>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <TextField
            label={t('checkIn.late.activityId')}
            hint={t('checkIn.late.activityIdHint')}
            value={form.activityId}
            onChange={(event) => set('activityId')(event.target.value)}
            error={checked ? problems.activityId : undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <TextField
            label={t('checkIn.late.userId')}
            hint={t('checkIn.late.userIdHint')}
            value={form.userId}
            onChange={(event) => set('userId')(event.target.value)}
            error={checked ? problems.userId : undefined}
            autoComplete="off"
            spellCheck={false}
          />
          <div>
            <label htmlFor={ids.reason} className="block text-std-17B-170">
              {t('checkIn.late.reason')}
            </label>
            <p id={`${ids.reason}-hint`} className="text-std-16N-170 text-solid-gray-700">
              {t('checkIn.late.reasonHint')}
            </p>
            {checked && problems.reason && (
              <p id={`${ids.reason}-error`} role="alert" className="text-std-16B-170 text-red-900">
                {problems.reason}
              </p>
            )}
            <textarea
              id={ids.reason}
              value={form.reason}
              onChange={(event) => set('reason')(event.target.value)}
              rows={4}
              maxLength={1000}
              aria-describedby={`${ids.reason}-hint${checked && problems.reason ? ` ${ids.reason}-error` : ''}`}
              aria-invalid={checked && problems.reason ? true : undefined}
              className={`mt-2 block w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 ${checked && problems.reason ? 'border-red-900' : 'border-solid-gray-600'}`}
            />
          </div>
          <ProblemAlert error={issue.error} />
          {issue.data && (
            <Alert tone="success" live title={t(`checkIn.late.${issue.data.outcome}`)}>
              {t('checkIn.late.issued', {
                points: issue.data.points,
                title: issue.data.activity.title,
                serial: issue.data.certificate.serial,
              })}
            </Alert>
          )}
          <Button type="submit" disabled={issue.isPending} className="w-full sm:w-auto">
            {issue.isPending ? t('checkIn.late.issuing') : t('checkIn.late.submit')}
          </Button>
        </form>
      </Card>
    </>
  );
}
