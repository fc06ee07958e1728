import { useId, useState, type FormEvent } from 'react';
import { formatTimeRange } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import type { LateActivity, LateResident, useLateIssue } from './api.ts';
import { ChangeButton, Fact, useAgeAndGender } from './parts.tsx';

/**
 * Step 3: what will be issued, the required reason (the app fault, FAQ Q3), then the existing
 * POST /api/city/check-in/late. The server decides with the domain's `lateIssueDecision`; its
 * refusal is shown as it comes.
 */
export function ConfirmStep({
  activity,
  resident,
  reason,
  setReason,
  issue,
  onChangeActivity,
  onChangeResident,
  onAnother,
}: {
  activity: LateActivity;
  resident: LateResident;
  reason: string;
  setReason: (reason: string) => void;
  issue: ReturnType<typeof useLateIssue>;
  onChangeActivity: () => void;
  onChangeResident: () => void;
  onAnother: () => void;
}) {
  const { t, locale } = useTranslation();
  const ageAndGender = useAgeAndGender();
  const id = useId();
  const [checked, setChecked] = useState(false);
  const problem = reason.trim() === '' ? t('checkIn.late.reasonRequired') : undefined;
  const showProblem = checked && problem;
  const done = issue.data !== undefined;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (problem || issue.isPending || done) return;
    issue.mutate({ activityId: activity.id, userId: resident.userId, reason: reason.trim() });
  };

  return (
    <>
      <Card className="mb-4">
        <h3 className="mb-1 text-std-18B-160">{t('checkIn.late.confirm.summary')}</h3>
        <dl className="flex flex-col gap-1">
          <Fact term={t('checkIn.late.confirm.activity')}>{activity.title}</Fact>
          <Fact term={t('checkIn.late.confirm.when')}>
            {formatTimeRange(activity.startsAt, activity.endsAt, locale)}
          </Fact>
          <Fact term={t('checkIn.late.search.group')}>{activity.groupName}</Fact>
          <Fact term={t('checkIn.late.confirm.resident')}>
            {resident.name}
            <span className="ml-2 text-solid-gray-800">{ageAndGender(resident)}</span>
          </Fact>
        </dl>
        {!done && (
          <div className="mt-1 flex flex-wrap gap-x-6">
            <ChangeButton onClick={onChangeResident}>{t('checkIn.late.confirm.changeResident')}</ChangeButton>
            <ChangeButton onClick={onChangeActivity}>
              {t('checkIn.late.resident.changeActivity')}
            </ChangeButton>
          </div>
        )}
      </Card>

      <Card>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <div>
            <label htmlFor={id} className="block text-std-17B-170">
              {t('checkIn.late.reason')}
            </label>
            <p id={`${id}-hint`} className="text-std-16N-170 text-solid-gray-700">
              {t('checkIn.late.reasonHint')}
            </p>
            {showProblem && (
              <p id={`${id}-error`} role="alert" className="text-std-16B-170 text-red-900">
                {problem}
              </p>
            )}
            <textarea
              id={id}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                if (issue.error) issue.reset();
              }}
              readOnly={done}
              rows={4}
              maxLength={1000}
              aria-describedby={`${id}-hint${showProblem ? ` ${id}-error` : ''}`}
              aria-invalid={showProblem ? true : undefined}
              className={`mt-2 block w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 ${showProblem ? 'border-red-900' : 'border-solid-gray-600'}`}
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
          {done ? (
            <div className="flex flex-col gap-3 sm:flex-row">
              <Button onClick={onAnother}>{t('checkIn.late.confirm.another')}</Button>
              <Button variant="secondary" onClick={onChangeActivity}>
                {t('checkIn.late.confirm.restart')}
              </Button>
            </div>
          ) : (
            <Button type="submit" disabled={issue.isPending} className="w-full sm:w-auto">
              {issue.isPending ? t('checkIn.late.issuing') : t('checkIn.late.submit')}
            </Button>
          )}
        </form>
      </Card>
    </>
  );
}
