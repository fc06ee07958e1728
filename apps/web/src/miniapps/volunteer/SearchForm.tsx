import { activityCategories } from '@kumamoto/domain';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/index.ts';
import { useSchoolDistrictList } from '../../shell/account/district/api.ts';
import { districtName } from '../../shell/account/district/district-name.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button } from '../../ui/Button.tsx';
import { ChevronRightIcon } from '../../ui/icons.tsx';
import { LocateIcon, SearchIcon } from './icons.tsx';
import {
  activeFilterCount,
  dateRangeIsReversed,
  defaultRadiusKm,
  emptyFilters,
  maxKeywordLength,
  radiusChoices,
  roundedPoint,
  type SearchFilters,
} from './search-url.ts';
import { useGeolocation } from './use-geolocation.ts';

/** The results' heading (SearchScreen), where "show results" takes the reader. */
export const resultsHeadingId = 'volunteer-results';

const fieldClasses =
  'mt-1 block min-h-12 w-full rounded-8 border-2 border-solid-gray-600 bg-white px-3 py-2 ' +
  'text-std-17N-170 text-solid-gray-900 hover:border-solid-gray-900';

/**
 * The search: a keyword box always in view, the other filters folded away under one
 * control so the results start high on a phone. Each filter applies at once and lands in the
 * address bar; the keyword applies when sent.
 */
export function SearchForm({
  filters,
  apply,
}: {
  filters: SearchFilters;
  apply: (next: SearchFilters) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // The box follows the address (back button) but keeps what is being typed until sent.
  const [typed, setTyped] = useState({ from: filters.q, value: filters.q });
  const keyword = typed.from === filters.q ? typed.value : filters.q;
  const count = activeFilterCount(filters);
  const panel = useRef<HTMLDetailsElement>(null);

  /** On a phone the open filters fill the screen: close them and go to what they found. */
  const showResults = () => {
    if (panel.current) panel.current.open = false;
    const results = document.getElementById(resultsHeadingId);
    results?.scrollIntoView({ block: 'start' });
    results?.focus({ preventScroll: true });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({ ...filters, q: keyword });
  };

  return (
    <div className="mb-6">
      <form role="search" aria-label={t('volunteer.search.label')} onSubmit={submit}>
        <label htmlFor={`${id}-q`} className="block text-std-17B-170 text-solid-gray-900">
          {t('volunteer.search.keyword')}
        </label>
        <p id={`${id}-q-hint`} className="text-std-16N-170 text-solid-gray-700">
          {t('volunteer.search.keywordHint')}
        </p>
        <div className="mt-2 flex gap-2 narrow:flex-col">
          <input
            id={`${id}-q`}
            type="search"
            enterKeyHint="search"
            value={keyword}
            maxLength={maxKeywordLength}
            aria-describedby={`${id}-q-hint`}
            onChange={(event) => setTyped({ from: filters.q, value: event.target.value })}
            className="block min-h-14 w-full min-w-0 flex-1 rounded-8 border-2 border-solid-gray-600 bg-white px-4 py-3 text-std-17N-170 text-solid-gray-900 hover:border-solid-gray-900"
          />
          <Button type="submit" className="min-h-14 shrink-0">
            <SearchIcon />
            {t('volunteer.search.submit')}
          </Button>
        </div>
      </form>

      <details ref={panel} className="group mt-4 rounded-12 border border-solid-gray-200 bg-white">
        <summary className="flex min-h-12 cursor-pointer items-center gap-2 rounded-12 px-4 py-2 text-std-17B-170 text-blue-1000 underline hover:bg-blue-50">
          <ChevronRightIcon className="size-5 shrink-0 transition-transform group-open:rotate-90" />
          {count > 0 ? t('volunteer.search.filtersActive', { count }) : t('volunteer.search.filters')}
        </summary>
        <div className="grid gap-6 border-t border-solid-gray-200 p-4 narrow:p-3">
          <DateRange filters={filters} apply={apply} />
          <Categories filters={filters} apply={apply} />
          <District filters={filters} apply={apply} />
          <label className="flex min-h-12 items-center gap-3 text-std-17N-170">
            <input
              type="checkbox"
              className="size-6 shrink-0 accent-blue-900"
              checked={filters.hasPlacesLeft}
              onChange={(event) => apply({ ...filters, hasPlacesLeft: event.target.checked })}
            />
            {t('volunteer.search.hasPlacesLeft')}
          </label>
          <NearMe filters={filters} apply={apply} />
          <Button variant="secondary" className="w-full" onClick={showResults}>
            {t('volunteer.search.showResults')}
          </Button>
        </div>
      </details>

      {count > 0 && (
        <Button variant="tertiary" className="mt-2" onClick={() => apply({ ...emptyFilters, q: filters.q })}>
          {t('volunteer.search.clearFilters')}
        </Button>
      )}
    </div>
  );
}

type FilterProps = { filters: SearchFilters; apply: (next: SearchFilters) => void };

function DateRange({ filters, apply }: FilterProps) {
  const { t } = useTranslation();
  const id = useId();
  const reversed = dateRangeIsReversed(filters);
  return (
    <fieldset className="min-w-0" aria-describedby={reversed ? `${id}-error` : undefined}>
      <legend className="text-std-17B-170">{t('volunteer.search.dates')}</legend>
      {reversed && (
        <p id={`${id}-error`} role="alert" className="text-std-16B-170 text-red-900">
          {t('volunteer.search.dateReversed')}
        </p>
      )}
      <div className="mt-1 grid gap-3 sm:grid-cols-2">
        <label className="block text-std-16N-170">
          {t('volunteer.search.from')}
          <input
            type="date"
            value={filters.from}
            onChange={(event) => apply({ ...filters, from: event.target.value })}
            className={fieldClasses}
          />
        </label>
        <label className="block text-std-16N-170">
          {t('volunteer.search.to')}
          <input
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            aria-invalid={reversed || undefined}
            onChange={(event) => apply({ ...filters, to: event.target.value })}
            className={`${fieldClasses} ${reversed ? 'border-red-900' : ''}`}
          />
        </label>
      </div>
    </fieldset>
  );
}

/** Category chips: real checkboxes (ticked, not only coloured) in the domain's table order. */
function Categories({ filters, apply }: FilterProps) {
  const { t, locale } = useTranslation();
  const toggle = (id: (typeof activityCategories)[number]['id'], on: boolean) =>
    apply({
      ...filters,
      categories: activityCategories
        .map((category) => category.id)
        .filter((candidate) => (candidate === id ? on : filters.categories.includes(candidate))),
    });
  return (
    <fieldset className="min-w-0">
      <legend className="text-std-17B-170">{t('volunteer.search.categories')}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {activityCategories.map((category) => (
          <label
            key={category.id}
            className="inline-flex min-h-11 max-w-full cursor-pointer items-center gap-2 rounded-full narrow:rounded-8 border-2 border-solid-gray-600 bg-white px-3 py-1 text-std-16N-170 hover:border-blue-900 has-checked:border-blue-900 has-checked:bg-blue-100 has-checked:font-bold"
          >
            <input
              type="checkbox"
              className="size-5 shrink-0 accent-blue-900"
              checked={filters.categories.includes(category.id)}
              onChange={(event) => toggle(category.id, event.target.checked)}
            />
            <span className="min-w-0">{category.label[locale]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function District({ filters, apply }: FilterProps) {
  const { t, locale } = useTranslation();
  const id = useId();
  const list = useSchoolDistrictList(true);
  return (
    <div>
      <label htmlFor={id} className="block text-std-17B-170">
        {t('volunteer.search.district')}
      </label>
      <select
        id={id}
        value={filters.district}
        disabled={list.isPending}
        onChange={(event) => apply({ ...filters, district: event.target.value })}
        className={fieldClasses}
      >
        <option value="">
          {list.isPending ? t('volunteer.search.districtsLoading') : t('volunteer.search.anyDistrict')}
        </option>
        {list.data?.map((district) => (
          <option key={district.code} value={district.code}>
            {districtName(district, locale)}
          </option>
        ))}
        {/* A shared link may name a district this list does not (yet) have: keep it visible. */}
        {filters.district && list.data && !list.data.some((d) => d.code === filters.district) && (
          <option value={filters.district}>{filters.district}</option>
        )}
      </select>
    </div>
  );
}

function NearMe({ filters, apply }: FilterProps) {
  const { t } = useTranslation();
  const id = useId();
  const { state, locate } = useGeolocation();

  const start = async () => {
    const point = await locate();
    if (point) apply({ ...filters, near: { ...roundedPoint(point), radiusKm: defaultRadiusKm } });
  };

  return (
    <fieldset className="min-w-0">
      <legend className="text-std-17B-170">{t('volunteer.search.near')}</legend>
      {filters.near ? (
        <>
          <p className="mt-1 text-std-16N-170">
            {t('volunteer.search.nearOn', { radius: filters.near.radiusKm })}
          </p>
          <label htmlFor={id} className="mt-2 block text-std-16N-170">
            {t('volunteer.search.radius')}
          </label>
          <select
            id={id}
            value={filters.near.radiusKm}
            onChange={(event) =>
              filters.near &&
              apply({ ...filters, near: { ...filters.near, radiusKm: Number(event.target.value) } })
            }
            className={fieldClasses}
          >
            {radiusChoices.map((km) => (
              <option key={km} value={km}>
                {t('volunteer.search.radiusOption', { km })}
              </option>
            ))}
          </select>
          <Button
            variant="secondary"
            className="mt-3 w-full sm:w-auto"
            onClick={() => apply({ ...filters, near: null })}
          >
            {t('volunteer.search.nearOff')}
          </Button>
        </>
      ) : (
        <>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('volunteer.search.nearHint')}</p>
          <Button
            variant="secondary"
            className="mt-2 w-full sm:w-auto"
            disabled={state === 'locating'}
            onClick={() => void start()}
          >
            <LocateIcon />
            {state === 'locating' ? t('volunteer.search.locating') : t('volunteer.search.nearButton')}
          </Button>
        </>
      )}
      {(state === 'denied' || state === 'unavailable' || state === 'unsupported') && (
        <Alert tone="warning" live className="mt-3">
          {state === 'denied'
            ? t('volunteer.search.geoDenied')
            : state === 'unavailable'
              ? t('volunteer.search.geoUnavailable')
              : t('volunteer.search.geoUnsupported')}
        </Alert>
      )}
    </fieldset>
  );
}
