import { genderLabels, genders, type Gender } from '@kumamoto/domain';
import { formatDateTime } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { buttonClasses } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { activityPaths, useParticipants, type OrganizerActivityView, type Participant } from './api.ts';
import { BackLink, countsText } from './parts.tsx';

/**
 * R-ID-4: who is coming, as name, age and gender only, with the counts ("参加人数：12/30人")
 * and a CSV for Excel. Every read and every download is recorded on the server; the screen
 * repeats the guide's advice on handling the list (section 13, 個人情報の取扱い).
 */
export function ParticipantsScreen({ view }: { view: OrganizerActivityView }) {
  const { t } = useTranslation();
  const { activity } = view;
  const list = useParticipants(activity.id);
  const counts = list.data?.counts;
  const people = list.data?.participants ?? [];
  const applied = people.filter((person) => person.status === 'applied');
  const waiting = people.filter((person) => person.status === 'waitlisted');
  return (
    <>
      <BackLink to={activityPaths.manage(activity.id)}>{t('organizerActivities.backToActivity')}</BackLink>
      <PageHeader title={t('organizerActivities.participants.title')} lead={activity.title} />
      <div className="space-y-4">
        {list.isPending && <Loading />}
        <ProblemAlert error={list.error} />
        {counts && (
          <Card as="section" aria-labelledby="participant-counts">
            <h2 id="participant-counts" className="sr-only">
              {t('organizerActivities.participants.counts')}
            </h2>
            <p className="text-std-24B-150">{countsText(t, counts.applied, counts.capacity)}</p>
            <ul className="mt-2 space-y-1">
              <li>{t('organizerActivities.waitlist', { count: counts.waitlisted })}</li>
              <li>{t('organizerActivities.checkedIn', { count: counts.checkedIn })}</li>
              {counts.walkIns > 0 && (
                <li>{t('organizerActivities.participants.walkIns', { count: counts.walkIns })}</li>
              )}
            </ul>
          </Card>
        )}
        <Alert tone="info" title={t('organizerActivities.participants.privacyTitle')}>
          <p>{t('organizerActivities.participants.privacy')}</p>
        </Alert>
        {list.data && people.length === 0 && <p>{t('organizerActivities.participants.none')}</p>}
        <PeopleList
          id="participants-applied"
          title={t('organizerActivities.participants.applied')}
          people={applied}
        />
        <PeopleList
          id="participants-waiting"
          title={t('organizerActivities.participants.waiting')}
          people={waiting}
        />
        {list.data && (
          <>
            <a
              href={activityPaths.csv(activity.id)}
              download
              aria-describedby="participants-csv-hint"
              className={buttonClasses('secondary', 'w-full sm:w-auto')}
            >
              {t('organizerActivities.participants.csv')}
            </a>
            <p id="participants-csv-hint" className="text-std-16N-170 text-solid-gray-800">
              {t('organizerActivities.participants.csvHint')}
            </p>
          </>
        )}
      </div>
    </>
  );
}

const isGender = (value: string | null): value is Gender =>
  (genders as readonly string[]).includes(value ?? '');

function PeopleList({ id, title, people }: { id: string; title: string; people: Participant[] }) {
  const { t, locale } = useTranslation();
  if (people.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-std-20B-150">
        {t('organizerActivities.participants.listHeading', { title, count: people.length })}
      </h2>
      <ol className="divide-y divide-solid-gray-200 rounded-12 border border-solid-gray-200 bg-white">
        {people.map((person, index) => (
          <li key={index} className="p-4">
            <p className="text-std-17B-170">{person.name}</p>
            <p className="text-std-16N-170 text-solid-gray-800">
              {[
                person.age === null
                  ? t('organizerActivities.participants.ageUnknown')
                  : t('organizerActivities.participants.age', { age: person.age }),
                isGender(person.gender)
                  ? genderLabels[person.gender][locale]
                  : t('organizerActivities.participants.genderUnknown'),
                t(`organizerActivities.participants.status.${person.status}`, {
                  defaultValue: person.status,
                }),
              ].join(t('organizerActivities.separator'))}
            </p>
            <p className="text-std-16N-170 text-solid-gray-700">
              {t('organizerActivities.participants.appliedAt', {
                date: formatDateTime(person.appliedAt, locale),
              })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
