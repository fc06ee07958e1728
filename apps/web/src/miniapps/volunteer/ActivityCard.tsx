import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { ActivityFacts } from './ActivityFacts.tsx';
import type { ActivitySummary } from './api.ts';

export type BadgeTone = 'neutral' | 'warning' | 'danger' | 'success' | 'info';

const badgeTones: Record<BadgeTone, string> = {
  neutral: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
  warning: 'border-yellow-900 bg-yellow-50 text-solid-gray-900',
  danger: 'border-red-900 bg-red-50 text-red-1000',
  success: 'border-green-900 bg-green-50 text-green-1000',
  info: 'border-blue-900 bg-blue-50 text-blue-1000',
};

/** A short status in a frame: words carry the meaning, the colour only repeats it. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-block rounded-4 border px-2 text-std-16B-170 ${badgeTones[tone]}`}>
      {children}
    </span>
  );
}

/** What the listing says about taking part: cancelled and ended first, then full or closed. */
export function AvailabilityBadge({ activity }: { activity: ActivitySummary }) {
  const { t } = useTranslation();
  if (activity.state === 'cancelled')
    return <Badge tone="danger">{t('volunteer.card.state.cancelled')}</Badge>;
  if (activity.state === 'ended') return <Badge tone="neutral">{t('volunteer.card.state.ended')}</Badge>;
  if (activity.availability === 'open') return null;
  return (
    <Badge tone={activity.availability === 'full' ? 'warning' : 'neutral'}>
      {t(`volunteer.card.availability.${activity.availability}`)}
    </Badge>
  );
}

/**
 * The activity's picture. Decorative: the title next to it says what it is. Without one,
 * nothing: an empty frame would only push the facts down on a phone.
 */
export function Thumbnail({ url, className = '' }: { url: string | null; className?: string }) {
  return url ? (
    <img
      src={url}
      alt=""
      loading="lazy"
      decoding="async"
      className={`bg-solid-gray-50 object-cover ${className}`}
    />
  ) : null;
}

/**
 * One activity in a list, shaped like the guide's example: picture, title, then date and
 * time, category, participants and place. The title is the link; it covers the whole card,
 * so the tap target is the card. `compact` puts a small picture beside the text, for lists
 * one goes through rather than browses ("my activities").
 */
export function ActivityCard({
  activity,
  to,
  linkState,
  badges,
  headingLevel = 2,
  linkRef,
  compact = false,
}: {
  activity: ActivitySummary;
  to: string;
  linkState?: unknown;
  badges?: ReactNode;
  headingLevel?: 2 | 3;
  linkRef?: (element: HTMLAnchorElement | null) => void;
  compact?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article
      className={
        'relative overflow-hidden rounded-12 border border-solid-gray-200 bg-white hover:border-blue-900 focus-within:border-blue-900 ' +
        (compact ? 'flex items-start gap-3 p-4 narrow:p-3' : '')
      }
    >
      <Thumbnail
        url={activity.thumbnailUrl}
        className={compact ? 'size-20 shrink-0 rounded-8 narrow:hidden' : 'aspect-[2/1] w-full narrow:hidden'}
      />
      <div className={compact ? 'min-w-0 flex-1' : 'p-4 narrow:p-3'}>
        <Heading className="text-std-18B-160">
          <Link
            to={to}
            state={linkState}
            ref={linkRef}
            className="text-blue-1000 after:absolute after:inset-0 after:content-['']"
          >
            {activity.title}
          </Link>
        </Heading>
        <p className="text-std-16N-170 text-solid-gray-700">{activity.groupName}</p>
        <ActivityFacts activity={activity} className="mt-2" />
        <AvailabilityBadgeRow activity={activity} badges={badges} />
      </div>
    </article>
  );
}

/** The card's own badges when given (e.g. "my activities"), else what the listing says about taking part. */
function AvailabilityBadgeRow({ activity, badges }: { activity: ActivitySummary; badges?: ReactNode }) {
  const shown = badges ?? (hasAvailabilityBadge(activity) ? <AvailabilityBadge activity={activity} /> : null);
  return shown ? <div className="mt-2 flex flex-wrap gap-2">{shown}</div> : null;
}

function hasAvailabilityBadge(activity: ActivitySummary): boolean {
  return activity.state === 'cancelled' || activity.state === 'ended' || activity.availability !== 'open';
}
