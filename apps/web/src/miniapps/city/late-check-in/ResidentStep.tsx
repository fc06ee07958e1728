import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import type { LateActivity, LateResident, LookedUpResident, useResidentLookup } from './api.ts';
import { ActivityFacts, ChangeButton, useAgeAndGender } from './parts.tsx';

export interface LookupDraft {
  name: string;
  year: string;
  month: string;
  day: string;
}

export const emptyLookup: LookupDraft = { name: '', year: '', month: '', day: '' };

/** The typed date of birth as YYYY-MM-DD when it is a real day, else null. */
export function birthDateOf(draft: LookupDraft): string | null {
  const [year, month, day] = [draft.year, draft.month, draft.day].map((part) =>
    part.trim().normalize('NFKC'),
  );
  if (!/^\d{4}$/.test(year ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{1,2}$/.test(day ?? ''))
    return null;
  const iso = `${year}-${(month ?? '').padStart(2, '0')}-${(day ?? '').padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * Step 2: the residents who held a place and did not check in (name, age, gender only,
 * R-ID-4), or, for someone not listed (a walk-in, R-PT-4), the name and date of birth on
 * their My Number Card as a city desk asks on the phone. Both are audited on the server.
 */
export function ResidentStep({
  activity,
  candidates,
  candidatesPending,
  candidatesError,
  lookupDraft,
  setLookupDraft,
  lookup,
  onChoose,
  onChangeActivity,
}: {
  activity: LateActivity;
  candidates: LateResident[] | undefined;
  candidatesPending: boolean;
  candidatesError: unknown;
  lookupDraft: LookupDraft;
  setLookupDraft: (next: LookupDraft) => void;
  lookup: ReturnType<typeof useResidentLookup>;
  onChoose: (resident: LateResident) => void;
  onChangeActivity: () => void;
}) {
  const { t } = useTranslation();
  const ids = { list: useId(), lookup: useId(), birth: useId(), found: useId() };
  const [checked, setChecked] = useState(false);
  const birthDate = birthDateOf(lookupDraft);
  const problems = {
    name: lookupDraft.name.trim() === '' ? t('checkIn.late.resident.nameRequired') : undefined,
    birthDate: birthDate === null ? t('checkIn.late.resident.birthDateInvalid') : undefined,
  };
  const set = (key: keyof LookupDraft) => (value: string) => {
    setLookupDraft({ ...lookupDraft, [key]: value });
    if (lookup.data || lookup.error) lookup.reset();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (problems.name || problems.birthDate || !birthDate || lookup.isPending) return;
    lookup.mutate({ activityId: activity.id, name: lookupDraft.name.trim(), birthDate });
  };
  const birthError = checked ? problems.birthDate : undefined;

  return (
    <>
      <Card className="mb-4">
        <p className="text-std-16B-170 text-solid-gray-700">{t('checkIn.late.resident.activity')}</p>
        <p className="text-std-18B-160">{activity.title}</p>
        <dl>
          <ActivityFacts activity={activity} />
        </dl>
        <ChangeButton onClick={onChangeActivity}>{t('checkIn.late.resident.changeActivity')}</ChangeButton>
      </Card>

      <section aria-labelledby={ids.list} className="mb-6">
        <h3 id={ids.list} className="text-std-18B-160">
          {t('checkIn.late.resident.listHeading')}
        </h3>
        <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('checkIn.late.resident.listIntro')}</p>
        <ProblemAlert error={candidatesError} className="mb-3" />
        {candidatesPending && <Loading />}
        {candidates && candidates.length === 0 && (
          <Alert tone="info">
            {t('checkIn.late.resident.none')}
            {activity.capacity === null && ` ${t('checkIn.late.resident.noneWalkIn')}`}
          </Alert>
        )}
        {candidates && candidates.length > 0 && (
          <ul className="divide-y divide-solid-gray-200 rounded-12 border border-solid-gray-200 bg-white">
            {candidates.map((resident) => (
              <ResidentRow key={resident.userId} resident={resident} onChoose={onChoose} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby={ids.lookup}>
        <h3 id={ids.lookup} className="text-std-18B-160">
          {t('checkIn.late.resident.lookupHeading')}
        </h3>
        <p className="mb-3 text-std-16N-170 text-solid-gray-800">{t('checkIn.late.resident.lookupIntro')}</p>
        <Card>
          <form onSubmit={submit} noValidate className="flex flex-col gap-4">
            <TextField
              label={t('checkIn.late.resident.name')}
              hint={t('checkIn.late.resident.nameHint')}
              value={lookupDraft.name}
              maxLength={100}
              onChange={(event) => set('name')(event.target.value)}
              error={checked ? problems.name : undefined}
              autoComplete="off"
              spellCheck={false}
            />
            <fieldset
              className="min-w-0"
              aria-describedby={`${ids.birth}-hint${birthError ? ` ${ids.birth}-error` : ''}`}
            >
              <legend className="text-std-17B-170">{t('checkIn.late.resident.birthDate')}</legend>
              <p id={`${ids.birth}-hint`} className="text-std-16N-170 text-solid-gray-700">
                {t('checkIn.late.resident.birthDateHint')}
              </p>
              {birthError && (
                <p id={`${ids.birth}-error`} role="alert" className="text-std-16B-170 text-red-900">
                  {birthError}
                </p>
              )}
              <div className="mt-2 flex flex-wrap items-end gap-3">
                <DatePart
                  label={t('checkIn.late.resident.year')}
                  value={lookupDraft.year}
                  onChange={set('year')}
                  width="w-28"
                  maxLength={4}
                  invalid={Boolean(birthError)}
                />
                <DatePart
                  label={t('checkIn.late.resident.month')}
                  value={lookupDraft.month}
                  onChange={set('month')}
                  width="w-20"
                  maxLength={2}
                  invalid={Boolean(birthError)}
                />
                <DatePart
                  label={t('checkIn.late.resident.day')}
                  value={lookupDraft.day}
                  onChange={set('day')}
                  width="w-20"
                  maxLength={2}
                  invalid={Boolean(birthError)}
                />
              </div>
            </fieldset>
            <ProblemAlert error={lookup.error} />
            <Button
              type="submit"
              variant="secondary"
              disabled={lookup.isPending}
              className="w-full sm:w-auto"
            >
              {lookup.isPending
                ? t('checkIn.late.resident.looking')
                : t('checkIn.late.resident.lookupSubmit')}
            </Button>
          </form>
        </Card>
        {lookup.data && (
          <div className="mt-4">
            <p id={ids.found} role="status" className="mb-2 text-std-17B-170">
              {lookup.data.residents.length === 0
                ? t('checkIn.late.resident.lookupNone')
                : t('checkIn.late.resident.found', { count: lookup.data.residents.length })}
            </p>
            {lookup.data.residents.length > 0 && (
              <ul className="divide-y divide-solid-gray-200 rounded-12 border border-solid-gray-200 bg-white">
                {lookup.data.residents.map((resident) => (
                  <ResidentRow key={resident.userId} resident={resident} onChoose={onChoose} />
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </>
  );
}

function DatePart({
  label,
  value,
  onChange,
  width,
  maxLength,
  invalid,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  width: string;
  maxLength: number;
  invalid: boolean;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-std-16N-170">
        {label}
      </label>
      <input
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={maxLength}
        aria-invalid={invalid || undefined}
        className={`mt-1 block min-h-14 ${width} rounded-8 border-2 bg-white px-3 py-3 text-std-17N-170 ${invalid ? 'border-red-900' : 'border-solid-gray-600 hover:border-solid-gray-900'}`}
      />
    </div>
  );
}

function ResidentRow({
  resident,
  onChoose,
}: {
  resident: LateResident | LookedUpResident;
  onChoose: (resident: LateResident) => void;
}) {
  const { t } = useTranslation();
  const ageAndGender = useAgeAndGender();
  const nameId = useId();
  const received = 'alreadyCheckedIn' in resident && resident.alreadyCheckedIn;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 p-4 narrow:p-3">
      <div className="min-w-0">
        <p id={nameId} className="text-std-17B-170">
          {resident.name}
        </p>
        <p className="text-std-16N-170 text-solid-gray-800">{ageAndGender(resident)}</p>
      </div>
      {received ? (
        <p className="w-full text-std-16B-170 text-green-900">{t('checkIn.late.resident.alreadyReceived')}</p>
      ) : (
        <Button
          variant="secondary"
          aria-describedby={nameId}
          onClick={() =>
            onChoose({
              userId: resident.userId,
              name: resident.name,
              age: resident.age,
              gender: resident.gender,
            })
          }
        >
          {t('checkIn.late.resident.choose')}
        </Button>
      )}
    </li>
  );
}
