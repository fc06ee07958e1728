import type { Locale } from '@kumamoto/domain';
import { useSession } from '../../api/queries.ts';
import { formatDate } from '../../i18n/format-date.ts';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { rankName, useMyPoints, type MyPoints } from './api.ts';

/** A JST calendar day ('2026-05-31') as the app writes dates: 2026年5月31日(日). */
function formatDay(day: string, locale: Locale): string {
  return formatDate(`${day}T12:00:00+09:00`, locale);
}

/**
 * The points mini-app (issue 6, R-PT-5 … R-PT-9): the balance, points about to expire and
 * when, the rank and how far to the next, the history of grants, spends and expiries, and the
 * way to the activity certificates. Points need the My Number Card (R-ID-2).
 */
export function PointsPage() {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const verified = user?.identity === 'verified';
  const points = useMyPoints(verified);

  let body;
  if (isPending) body = <Loading />;
  else if (!user)
    body = (
      <>
        <Alert tone="info">{t('points.signIn')}</Alert>
        <ButtonLink to="/signin?next=%2Fpoints" className="mt-6 w-full sm:w-auto">
          {t('common.signIn')}
        </ButtonLink>
      </>
    );
  else if (!verified)
    body = (
      <>
        <Alert tone="warning" title={t('points.verifyTitle')}>
          {t('points.verify')}
        </Alert>
        <ButtonLink to="/verify?next=%2Fpoints" className="mt-6 w-full sm:w-auto">
          {t('points.verifyButton')}
        </ButtonLink>
      </>
    );
  else if (points.isPending) body = <Loading />;
  else if (!points.data) body = <ProblemAlert error={points.error} />;
  else body = <Points data={points.data} />;

  return (
    <>
      <PageHeader title={t('points.title')} />
      {body}
    </>
  );
}

function Points({ data }: { data: MyPoints }) {
  const { t, locale } = useTranslation();
  const number = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <>
      <Card as="section" aria-labelledby="points-balance" className="mb-6 text-center">
        <h2 id="points-balance" className="text-std-17B-170 text-solid-gray-800">
          {t('points.balance')}
        </h2>
        <p className="text-std-45B-140 narrow:text-std-32B-150">
          {number.format(data.balance)}
          <span className="ml-2 text-std-20B-150">{t('points.unit')}</span>
        </p>
        <p className="text-std-16N-170 text-solid-gray-800">{t('points.validity')}</p>
      </Card>

      <Card as="section" aria-labelledby="points-expiring" className="mb-6">
        {/* The server lists the lots whose last day is within 30 days (R-PT-6: a year from the grant). */}
        <h2 id="points-expiring" className="text-std-20B-150">
          {t('points.expiringHeading')}
        </h2>
        {data.expiring.length === 0 ? (
          <p className="mt-1 text-std-17N-170">{t('points.noneExpiring')}</p>
        ) : (
          <ul className="mt-2 flex flex-col gap-2">
            {data.expiring.map((lot) => (
              <li
                key={lot.lastUsableDay}
                className="flex flex-wrap items-baseline justify-between gap-x-3 rounded-8 border-2 border-yellow-900 bg-yellow-50 p-2"
              >
                <span className="text-std-17B-170">
                  {t('points.amount', { amount: number.format(lot.amount) })}
                </span>
                <span className="text-std-17N-170">
                  {t('points.usableThrough', { date: formatDay(lot.lastUsableDay, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Rank rank={data.rank} />

      <ButtonLink to="/points/certificates" className="mb-6 w-full sm:w-auto">
        {t('points.certificates')}
      </ButtonLink>

      <section aria-labelledby="points-history">
        <h2 id="points-history" className="mb-2 text-std-20B-150">
          {t('points.historyHeading')}
        </h2>
        {data.history.length === 0 ? (
          <Card>
            <p className="text-std-17N-170">{t('points.noHistory')}</p>
            <ButtonLink to="/volunteer" variant="secondary" className="mt-4 w-full sm:w-auto">
              {t('points.findActivities')}
            </ButtonLink>
          </Card>
        ) : (
          <ul className="divide-y divide-solid-gray-200 rounded-12 border border-solid-gray-200 bg-white">
            {data.history.map((entry) => {
              const minus = entry.kind === 'spend' || entry.kind === 'expiry' || entry.amount < 0;
              const amount = number.format(Math.abs(entry.amount));
              return (
                <li key={entry.id} className="flex items-start justify-between gap-3 p-3">
                  <div className="min-w-0">
                    <p className="text-std-17B-170">
                      {entry.kind === 'grant' && entry.activityTitle
                        ? t('points.kind.grantFor', { title: entry.activityTitle })
                        : t(`points.kind.${entry.kind}`)}
                    </p>
                    <p className="text-std-16N-170 text-solid-gray-800">
                      <time dateTime={entry.at}>{formatDate(entry.at, locale)}</time>
                      {entry.lastUsableDay &&
                        ` · ${t('points.usableThrough', { date: formatDay(entry.lastUsableDay, locale) })}`}
                    </p>
                  </div>
                  <p
                    className={`shrink-0 text-std-20B-150 ${minus ? 'text-solid-gray-800' : 'text-green-1000'}`}
                  >
                    {/* The sign is text, not colour alone. */}
                    {minus ? t('points.minus', { amount }) : t('points.plus', { amount })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}

function Rank({ rank }: { rank: MyPoints['rank'] }) {
  const { t, locale } = useTranslation();
  const next = rank.next;
  const toGo = next ? Math.max(0, next.minParticipations - rank.participations) : 0;
  return (
    <Card as="section" aria-labelledby="points-rank" className="mb-6">
      <h2 id="points-rank" className="text-std-20B-150">
        {t('points.rankHeading')}
      </h2>
      <p className="mt-1 text-std-28B-150">{rankName(rank.name, locale)}</p>
      <p className="text-std-17N-170">{t('points.participations', { count: rank.participations })}</p>
      {next ? (
        <>
          <progress
            className="mt-3 h-3 w-full overflow-hidden rounded-full accent-blue-900 [&::-moz-progress-bar]:bg-blue-900 [&::-webkit-progress-bar]:bg-solid-gray-200 [&::-webkit-progress-value]:bg-blue-900"
            max={next.minParticipations}
            value={Math.min(rank.participations, next.minParticipations)}
            aria-label={t('points.progressLabel', { rank: rankName(next.name, locale) })}
          />
          <p className="mt-1 text-std-17N-170">
            {t('points.toNext', { count: toGo, rank: rankName(next.name, locale) })}
          </p>
        </>
      ) : (
        <p className="mt-1 text-std-17N-170">{t('points.topRank')}</p>
      )}
    </Card>
  );
}
