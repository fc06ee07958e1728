import { genderLabels } from '@kumamoto/domain';
import type { ReactNode, Ref } from 'react';
import { formatTimeRange } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import type { LateActivity, LateResident } from './api.ts';

export const steps = ['activity', 'resident', 'confirm'] as const;
export type Step = (typeof steps)[number];

/** Where the staff member is: three steps, the current one marked for screen readers too. */
export function StepList({ current }: { current: Step }) {
  const { t } = useTranslation();
  const index = steps.indexOf(current);
  return (
    <nav aria-label={t('checkIn.late.steps.label')} className="mb-4">
      <ol className="flex flex-wrap gap-x-4 gap-y-1 text-std-16N-170">
        {steps.map((step, i) => (
          <li
            key={step}
            aria-current={i === index ? 'step' : undefined}
            className={
              i === index
                ? 'text-std-16B-170 text-blue-900 underline underline-offset-4'
                : 'text-solid-gray-700'
            }
          >
            {`${i + 1}. ${t(`checkIn.late.steps.${step}`)}`}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The step's heading; it takes focus when the step changes, so a screen reader starts there. */
export function StepHeading({ step, ref }: { step: Step; ref?: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  return (
    <h2 ref={ref} tabIndex={-1} className="mb-3 text-std-20B-150 text-solid-gray-900">
      {t('checkIn.late.steps.heading', {
        step: steps.indexOf(step) + 1,
        name: t(`checkIn.late.steps.${step}`),
      })}
    </h2>
  );
}

/** "35歳・女性": age on the activity's day and gender, nothing more (R-ID-4). */
export function useAgeAndGender(): (resident: Pick<LateResident, 'age' | 'gender'>) => string {
  const { t, locale } = useTranslation();
  return (resident) =>
    [
      resident.age === null
        ? t('checkIn.late.resident.ageUnknown')
        : t('checkIn.late.resident.age', { age: resident.age }),
      resident.gender ? genderLabels[resident.gender][locale] : t('checkIn.late.resident.genderUnknown'),
    ].join(t('checkIn.late.resident.separator'));
}

/** One fact as a term and its value, wrapping at 200 % zoom. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap gap-x-2">
      <dt className="text-std-16B-170">{term}</dt>
      <dd className="text-std-16N-170">{children}</dd>
    </div>
  );
}

/** Title, organizer and date of an activity. */
export function ActivityFacts({ activity }: { activity: LateActivity }) {
  const { t, locale } = useTranslation();
  return (
    <>
      <Fact term={t('checkIn.late.search.group')}>{activity.groupName}</Fact>
      <Fact term={t('checkIn.late.search.when')}>
        {formatTimeRange(activity.startsAt, activity.endsAt, locale)}
      </Fact>
    </>
  );
}

/** A text-like action (change a choice), as tall as a tap target, aligned with the text above. */
export function ChangeButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex min-h-11 items-center text-left text-std-16B-170 text-blue-900 underline hover:text-blue-1000"
    >
      {children}
    </button>
  );
}
