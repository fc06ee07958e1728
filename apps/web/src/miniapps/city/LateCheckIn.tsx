import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ActivityStep, type SearchDraft } from './late-check-in/ActivityStep.tsx';
import {
  useCandidates,
  useLateIssue,
  useResidentLookup,
  type ActivitySearch,
  type LateActivity,
  type LateResident,
} from './late-check-in/api.ts';
import { ConfirmStep } from './late-check-in/ConfirmStep.tsx';
import { StepHeading, StepList, type Step } from './late-check-in/parts.tsx';
import { emptyLookup, ResidentStep, type LookupDraft } from './late-check-in/ResidentStep.tsx';

const emptySearch: SearchDraft = { q: '', from: '', to: '' };

/**
 * Points and a certificate issued by hand after the day, only when an app fault prevented the
 * check-in (R-PT-2, FAQ Q3). City administrators only. Nobody at a city desk knows ids, so
 * three steps: find the activity (title words, dates), pick the resident (those who held a
 * place and did not check in, or by the name and birth date on the card), confirm with the
 * required reason. The step and the activity live in the address (`step`, `activity`), so the
 * browser's back and forward move between steps; what was typed stays in this screen's state.
 * The server applies the same rules as on the day (domain `lateIssueDecision`).
 */
export function LateCheckIn() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState<SearchDraft>(emptySearch);
  const [search, setSearch] = useState<ActivitySearch>({ ...emptySearch, page: 1 });
  const [chosenActivity, setChosenActivity] = useState<LateActivity | null>(null);
  /** The resident picked, with the activity they were picked for. */
  const [picked, setPicked] = useState<{ activityId: string; resident: LateResident } | null>(null);
  const [lookupDraft, setLookupDraft] = useState<LookupDraft>(emptyLookup);
  const [reason, setReason] = useState('');
  const lookup = useResidentLookup();
  const issue = useLateIssue();

  const admin = user?.roles.includes('city_admin') ?? false;
  const activityId = params.get('activity');
  const candidates = useCandidates(admin ? activityId : null);
  const resident = picked !== null && picked.activityId === activityId ? picked.resident : null;
  const activity = candidates.data?.activity ?? (chosenActivity?.id === activityId ? chosenActivity : null);
  const requested = params.get('step');
  // A step without what it needs (e.g. after a reload) shows the step before it.
  const step: Step =
    activityId === null || (requested !== 'resident' && requested !== 'confirm')
      ? 'activity'
      : requested === 'confirm' && resident !== null
        ? 'confirm'
        : 'resident';

  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    // The new step starts at the top of the phone's screen, announced by its heading.
    heading.current?.focus({ preventScroll: true });
    heading.current?.scrollIntoView({ block: 'start' });
  }, [step]);

  if (!admin) {
    return (
      <>
        <PageHeader title={t('checkIn.late.title')} />
        <Alert tone="error" title={t('miniApp.restrictedTitle')}>
          {t('checkIn.late.adminOnly')}
        </Alert>
      </>
    );
  }

  const go = (next: Step, nextActivityId: string | null = activityId) => {
    const query: Record<string, string> = { view: 'late-check-in' };
    if (next !== 'activity' && nextActivityId) {
      query.step = next;
      query.activity = nextActivityId;
    }
    setParams(query);
  };
  const forgetResident = () => {
    setPicked(null);
    setReason('');
    issue.reset();
  };
  const chooseActivity = (next: LateActivity) => {
    if (next.id !== activityId) {
      forgetResident();
      setLookupDraft(emptyLookup);
      lookup.reset();
    }
    setChosenActivity(next);
    go('resident', next.id);
  };
  const chooseResident = (next: LateResident) => {
    if (next.userId !== resident?.userId) {
      setReason('');
      issue.reset();
    }
    if (activityId) setPicked({ activityId, resident: next });
    go('confirm');
  };

  return (
    <>
      <PageHeader title={t('checkIn.late.title')} lead={t('checkIn.late.lead')} />
      <Link to="/city" className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
        {t('checkIn.late.back')}
      </Link>
      <StepList current={step} />
      <StepHeading ref={heading} step={step} />
      {step === 'activity' && (
        <ActivityStep
          draft={draft}
          setDraft={setDraft}
          search={search}
          setSearch={setSearch}
          onChoose={chooseActivity}
        />
      )}
      {step !== 'activity' && !activity && (
        <>
          {candidates.isPending && <Loading />}
          <ProblemAlert error={candidates.error} className="mb-4" />
          {candidates.error !== null && (
            <Button variant="secondary" onClick={() => go('activity')}>
              {t('checkIn.late.confirm.restart')}
            </Button>
          )}
        </>
      )}
      {step === 'resident' && activity && (
        <ResidentStep
          activity={activity}
          candidates={candidates.data?.candidates}
          candidatesPending={candidates.isPending}
          candidatesError={candidates.error}
          lookupDraft={lookupDraft}
          setLookupDraft={setLookupDraft}
          lookup={lookup}
          onChoose={chooseResident}
          onChangeActivity={() => go('activity')}
        />
      )}
      {step === 'confirm' && activity && resident && (
        <ConfirmStep
          activity={activity}
          resident={resident}
          reason={reason}
          setReason={setReason}
          issue={issue}
          onChangeActivity={() => go('activity')}
          onChangeResident={() => go('resident')}
          onAnother={() => {
            forgetResident();
            lookup.reset();
            setLookupDraft(emptyLookup);
            go('resident');
          }}
        />
      )}
    </>
  );
}
