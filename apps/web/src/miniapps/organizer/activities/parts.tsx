import { activityStateLabels, groupRefusals, type ActivityState, type GroupRefusal } from '@kumamoto/domain';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../api/queries.ts';
import { formatDate, formatDateTime } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';

/**
 * The state of an activity as a labelled badge. The word carries the meaning; the colour and
 * the frame only help the eye (never colour alone, WCAG 1.4.1). Every pair is 4.5:1 or more.
 */
const badgeTones: Record<ActivityState, string> = {
  draft: 'border-solid-gray-600 bg-solid-gray-50 text-solid-gray-900',
  public: 'border-green-900 bg-green-50 text-green-1000',
  unlisted: 'border-blue-900 bg-blue-50 text-blue-1000',
  cancelled: 'border-red-900 bg-red-50 text-red-1000',
  ended: 'border-solid-gray-700 bg-solid-gray-100 text-solid-gray-900',
};

export function StateBadge({ state }: { state: ActivityState }) {
  const { locale } = useTranslation();
  return (
    <span
      className={`inline-block rounded-4 border-2 px-2 text-dns-16B-130 whitespace-nowrap ${badgeTones[state]}`}
    >
      {activityStateLabels[state][locale]}
    </span>
  );
}

/** "2026年8月1日(土) 10:00〜12:00", the end's date repeated only when it differs. */
export function ActivityWhen({ startsAt, endsAt }: { startsAt: string | null; endsAt: string | null }) {
  const { t, locale } = useTranslation();
  if (!startsAt) return <>{t('organizerActivities.noDate')}</>;
  const start = formatDateTime(startsAt, locale);
  if (!endsAt) return <>{start}</>;
  const sameDay = formatDate(startsAt, locale) === formatDate(endsAt, locale);
  const end = sameDay ? formatDateTime(endsAt, locale).slice(-5) : formatDateTime(endsAt, locale);
  return <>{t('organizerActivities.range', { start, end })}</>;
}

/** "参加人数：12/30人" as the guide's listing shows it (R-ACT-3). */
export function countsText(t: TFunction, applied: number, capacity: number | null): string {
  return capacity === null
    ? t('organizerActivities.appliedNoLimit', { count: applied })
    : t('organizerActivities.applied', { count: applied, capacity });
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="mb-4 inline-flex min-h-11 items-center text-blue-900 underline">
      {children}
    </Link>
  );
}

/** The organizer screens need a signed-in person; the server checks the rest (verified, member). */
export function SignedInOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  if (isPending) return <Loading />;
  if (!user) {
    return (
      <>
        <PageHeader title={t('organizerActivities.title')} />
        <Alert tone="info">{t('organizerActivities.signedOut')}</Alert>
      </>
    );
  }
  return <>{children}</>;
}

/** R-ORG-8, R-ORG-10: why this group may not create or publish activities now. */
export function CannotCreate({ refusal }: { refusal: string | null }) {
  const { t } = useTranslation();
  const known: GroupRefusal = (groupRefusals as readonly string[]).includes(refusal ?? '')
    ? (refusal as GroupRefusal)
    : 'suspended';
  return <Alert tone="warning">{t(`organizerActivities.cannotCreate.${known}`)}</Alert>;
}
