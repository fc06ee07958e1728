import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { Pager, pageCount } from '../../../ui/Pager.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { useActivitySearch, type ActivitySearch, type LateActivity } from './api.ts';
import { ActivityFacts, Fact } from './parts.tsx';

/** The server's limit on the keyword (late-issue-search.ts). */
const maxKeywordLength = 100;

export interface SearchDraft {
  q: string;
  from: string;
  to: string;
}

/**
 * Step 1: activities held up to today (not drafts, not cancelled), by words of the title
 * (folded like resident search: ごみ finds ゴミ) and dates, newest first, 20 a page.
 */
export function ActivityStep({
  draft,
  setDraft,
  search,
  setSearch,
  onChoose,
}: {
  draft: SearchDraft;
  setDraft: (next: SearchDraft) => void;
  search: ActivitySearch;
  setSearch: (next: ActivitySearch) => void;
  onChoose: (activity: LateActivity) => void;
}) {
  const { t } = useTranslation();
  const ids = { dates: useId(), results: useId() };
  const [checked, setChecked] = useState(false);
  const results = useActivitySearch(search);
  const reversed = draft.from !== '' && draft.to !== '' && draft.to < draft.from;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (reversed) return;
    setSearch({ ...draft, page: 1 });
  };
  const pages = pageCount(results.data);

  return (
    <>
      <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('checkIn.late.search.intro')}</p>
      <Card className="mb-4">
        <form onSubmit={submit} noValidate role="search" className="flex flex-col gap-4">
          <TextField
            label={t('checkIn.late.search.keyword')}
            hint={t('checkIn.late.search.keywordHint')}
            value={draft.q}
            maxLength={maxKeywordLength}
            onChange={(event) => setDraft({ ...draft, q: event.target.value })}
            autoComplete="off"
            enterKeyHint="search"
          />
          <fieldset className="min-w-0" aria-describedby={`${ids.dates}-hint`}>
            <legend className="sr-only">{t('checkIn.late.search.when')}</legend>
            <p id={`${ids.dates}-hint`} className="text-std-16N-170 text-solid-gray-700">
              {t('checkIn.late.search.datesHint')}
            </p>
            {checked && reversed && (
              <p role="alert" className="text-std-16B-170 text-red-900">
                {t('checkIn.late.search.datesInvalid')}
              </p>
            )}
            <div className="mt-1 grid gap-3 sm:grid-cols-2">
              <TextField
                type="date"
                label={t('checkIn.late.search.from')}
                value={draft.from}
                onChange={(event) => setDraft({ ...draft, from: event.target.value })}
              />
              <TextField
                type="date"
                label={t('checkIn.late.search.to')}
                value={draft.to}
                min={draft.from || undefined}
                aria-invalid={(checked && reversed) || undefined}
                onChange={(event) => setDraft({ ...draft, to: event.target.value })}
              />
            </div>
          </fieldset>
          <Button type="submit" className="w-full sm:w-auto">
            {t('checkIn.late.search.submit')}
          </Button>
        </form>
      </Card>

      <ProblemAlert error={results.error} className="mb-4" />
      {results.isPending && <Loading label={t('checkIn.late.search.searching')} />}
      {results.data && (
        <section aria-labelledby={ids.results}>
          <p id={ids.results} role="status" className="mb-3 text-std-17B-170">
            {results.data.total === 0
              ? t('checkIn.late.search.none')
              : t('checkIn.late.search.results', { total: results.data.total })}
          </p>
          <ul className="flex flex-col gap-3">
            {results.data.items.map((activity) => (
              <ActivityItem key={activity.id} activity={activity} onChoose={onChoose} />
            ))}
          </ul>
          <Pager page={search.page} pages={pages} onChange={(page) => setSearch({ ...search, page })} />
        </section>
      )}
    </>
  );
}

function ActivityItem({
  activity,
  onChoose,
}: {
  activity: LateActivity;
  onChoose: (activity: LateActivity) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const people = (count: number) => t('checkIn.late.search.people', { count });
  return (
    <Card as="li">
      <h3 id={titleId} className="text-std-18B-160 text-solid-gray-900">
        {activity.title}
      </h3>
      <dl className="mt-1">
        <ActivityFacts activity={activity} />
      </dl>
      <dl className="flex flex-wrap gap-x-4">
        <Fact term={t('checkIn.late.search.capacity')}>
          {activity.capacity === null ? t('checkIn.late.search.noCapacity') : people(activity.capacity)}
        </Fact>
        <Fact term={t('checkIn.late.search.applicants')}>{people(activity.applicantCount)}</Fact>
        <Fact term={t('checkIn.late.search.checkedIn')}>{people(activity.checkedInCount)}</Fact>
      </dl>
      <Button
        variant="secondary"
        className="mt-3 w-full sm:w-auto"
        aria-describedby={titleId}
        onClick={() => onChoose(activity)}
      >
        {t('checkIn.late.search.choose')}
      </Button>
    </Card>
  );
}
