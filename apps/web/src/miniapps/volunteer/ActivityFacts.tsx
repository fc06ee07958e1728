import { findActivityCategory, isActivityCategoryId, type Locale } from '@kumamoto/domain';
import type { ReactNode } from 'react';
import { formatTimeRange } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import type { ActivitySummary } from './api.ts';
import { CalendarIcon, PeopleIcon, PinIcon, TagIcon } from './icons.tsx';

export function categoryLabel(category: string | null, locale: Locale): string | null {
  return isActivityCategoryId(category) ? findActivityCategory(category).label[locale] : null;
}

/** 「参加人数: 12/30人」, or the count alone when there is no capacity. */
export function useParticipantsText(): (
  activity: Pick<ActivitySummary, 'applicantCount' | 'capacity'>,
) => string {
  const { t } = useTranslation();
  return ({ applicantCount, capacity }) =>
    capacity === null
      ? t('volunteer.card.participantsNoLimit', { count: applicantCount })
      : t('volunteer.card.participants', { count: applicantCount, capacity });
}

function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <dt className="mt-1 shrink-0 text-solid-gray-700">
        {icon}
        <span className="sr-only">{label}</span>
      </dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

/**
 * The four lines of the guide's listing (R-ACT-3, guide section 12): 📅 date and time (JST),
 * 👤 category, 👥 participants applied/capacity, 📍 place. `extra` adds lines under a fact.
 */
export function ActivityFacts({
  activity,
  participantsExtra,
  placeExtra,
  className = '',
}: {
  activity: ActivitySummary;
  participantsExtra?: ReactNode;
  placeExtra?: ReactNode;
  className?: string;
}) {
  const { t, locale } = useTranslation();
  const participants = useParticipantsText();
  const category = categoryLabel(activity.category, locale);
  return (
    <dl className={`grid gap-1 text-std-16N-170 text-solid-gray-900 ${className}`}>
      <Fact icon={<CalendarIcon />} label={t('volunteer.card.when')}>
        <span className="font-bold">{formatTimeRange(activity.startsAt, activity.endsAt, locale)}</span>
      </Fact>
      <Fact icon={<TagIcon />} label={t('volunteer.card.category')}>
        {category ?? t('volunteer.card.noCategory')}
      </Fact>
      <Fact icon={<PeopleIcon />} label={t('volunteer.card.participantsLabel')}>
        {participants(activity)}
        {participantsExtra}
      </Fact>
      <Fact icon={<PinIcon />} label={t('volunteer.card.place')}>
        {activity.placeName}
        {activity.distanceKm !== undefined && (
          <span className="block text-solid-gray-700">
            {t('volunteer.card.distance', {
              km: activity.distanceKm.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', {
                maximumFractionDigits: 1,
              }),
            })}
          </span>
        )}
        {placeExtra}
      </Fact>
    </dl>
  );
}
