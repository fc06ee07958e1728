import { useEffect, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ActivityCard } from './ActivityCard.tsx';
import { useActivitySearch } from './api.ts';
import { resultsHeadingId, SearchForm } from './SearchForm.tsx';
import {
  activeFilterCount,
  dateRangeIsReversed,
  emptyFilters,
  filtersFromParams,
  paramsFromFilters,
  type SearchFilters,
} from './search-url.ts';
import { VolunteerNav } from './VolunteerNav.tsx';

/** Results per "more": a phone screen shows two or three cards, so ten is several screens. */
const pageSize = 10;

/**
 * `/volunteer`: find an activity (issue 5 part 2). The filters live in the address bar, so a
 * search can be shared and the back button returns to it; results are sorted by date.
 */
export function SearchScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const apply = (next: SearchFilters) => setParams(paramsFromFilters(next));

  return (
    <>
      <VolunteerNav />
      <PageHeader title={t('volunteer.title')} lead={t('volunteer.lead')} />
      <SearchForm filters={filters} apply={apply} />
      {/* A reversed date range is pointed out at the field; nothing is searched meanwhile. */}
      {!dateRangeIsReversed(filters) && <Results filters={filters} onClear={() => apply(emptyFilters)} />}
    </>
  );
}

function Results({ filters, onClear }: { filters: SearchFilters; onClear: () => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const query = paramsFromFilters(filters).toString();
  const search = useActivitySearch(query, pageSize);
  const items = useMemo(() => search.data?.pages.flatMap((page) => page.items) ?? [], [search.data]);
  const total = search.data?.pages[0]?.total ?? 0;

  // After "more", keyboard and screen-reader users continue at the first new result.
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const focusAt = useRef<number | null>(null);
  useEffect(() => {
    const index = focusAt.current;
    if (index !== null && items.length > index) {
      links.current[index]?.focus();
      focusAt.current = null;
    }
  }, [items.length]);

  if (search.isPending) return <Loading label={t('volunteer.search.searching')} />;
  if (search.isError && items.length === 0) {
    return (
      <>
        <ProblemAlert error={search.error} />
        <Button variant="secondary" className="mt-3" onClick={() => void search.refetch()}>
          {t('volunteer.search.retry')}
        </Button>
      </>
    );
  }

  const filtered = filters.q.trim() !== '' || activeFilterCount(filters) > 0;
  return (
    <section aria-labelledby={resultsHeadingId}>
      {/* Announced when a change of filters brings new results. */}
      <div role="status">
        <h2 id={resultsHeadingId} tabIndex={-1} className="mb-3 text-std-20B-150">
          {t('volunteer.search.results', { count: total })}
        </h2>
      </div>
      {total === 0 &&
        (filtered ? (
          <Alert tone="info" title={t('volunteer.search.empty')}>
            <p>{t('volunteer.search.emptyHint')}</p>
            <Button variant="secondary" className="mt-3" onClick={onClear}>
              {t('volunteer.search.clear')}
            </Button>
          </Alert>
        ) : (
          <Alert tone="info">{t('volunteer.search.noneOpen')}</Alert>
        ))}
      <ul
        aria-busy={search.isPlaceholderData || undefined}
        className={`grid gap-4 sm:grid-cols-2 ${search.isPlaceholderData ? 'opacity-60' : ''}`}
      >
        {items.map((activity, index) => (
          <li key={activity.id}>
            <ActivityCard
              activity={activity}
              to={`/volunteer/activities/${activity.id}`}
              // The detail page's "back" returns to this very search.
              linkState={{ from: `${location.pathname}${location.search}` }}
              linkRef={(element) => {
                links.current[index] = element;
              }}
            />
          </li>
        ))}
      </ul>
      {items.length > 0 && (
        <p className="mt-4 text-std-16N-170 text-solid-gray-700">
          {t('volunteer.search.shown', { shown: items.length, total })}
        </p>
      )}
      <ProblemAlert error={search.isError ? search.error : null} className="mt-3" />
      {search.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-3 w-full"
          disabled={search.isFetchingNextPage}
          onClick={() => {
            focusAt.current = items.length;
            void search.fetchNextPage();
          }}
        >
          {search.isFetchingNextPage
            ? t('volunteer.search.loadingMore')
            : t('volunteer.search.more', { count: total - items.length })}
        </Button>
      )}
    </section>
  );
}
