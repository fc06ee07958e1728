import { genderLabels, timeZone } from '@kumamoto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { QrCode } from '../../../ui/QrCode.tsx';
import {
  checkInKeys,
  useActivityTitle,
  useAttendances,
  useCheckInState,
  type Attendance,
  type CheckInScreenState,
} from './api.ts';
import { useNow, useWakeLock } from './screen-hooks.ts';
import { codeStillAccepted, refusalSummary } from './screen-logic.ts';

/**
 * The organizer's "issue points" screen (issue 6, R-PT-1, R-PT-2): on the activity's day, a
 * large QR code on bright white that residents scan at arm's length, rotating with the server's
 * token, with the typed fallback code, live counts and the attendance list. Closed, with the
 * reason, on other days and for a group that cannot issue points (R-ORG-10).
 */
export function CheckInScreen() {
  const { activityId = '' } = useParams();
  const { t } = useTranslation();
  const state = useCheckInState(activityId);
  const activity = useActivityTitle(activityId);
  const title = t('checkIn.organizer.title');
  const open = state.data?.open ?? false;
  useWakeLock(open);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  return (
    // Over the app's header and tabs: nothing but white around the code.
    <div className="fixed inset-0 z-30 overflow-y-auto bg-white text-solid-gray-900">
      <div className="mx-auto flex min-h-full max-w-xl flex-col px-4 pt-2 pb-8 narrow:px-2">
        <div className="flex flex-wrap items-center justify-between gap-x-4">
          <Link
            to={`/organizer/activities/${activityId}`}
            className="inline-flex min-h-12 items-center text-std-17N-170"
          >
            {t('checkIn.organizer.back')}
          </Link>
          {open && <FullScreenButton />}
        </div>
        <h1 tabIndex={-1} className="text-std-24B-150">
          {title}
        </h1>
        {activity.data && <p className="text-std-17N-170 text-solid-gray-800">{activity.data.title}</p>}

        {state.isPending && <Loading />}
        {state.data === undefined && <ProblemAlert error={state.error} className="mt-4" />}
        {state.data && (
          <>
            {state.data.open ? (
              <LiveCode state={state.data} failing={state.isError} />
            ) : (
              <Alert tone="warning" title={t('checkIn.organizer.closedTitle')} className="mt-4">
                {t(`checkIn.organizer.closed.${closedReasonKey(state.data.closedReason)}`)}
              </Alert>
            )}
            <Counts state={state.data} />
            <Attendances activityId={activityId} checkedIn={state.data.counts.checkedIn} />
            <p className="mt-8 text-std-16N-170">
              <a href={`/api/organizer/activities/${activityId}/paper-certificate.pdf`} download>
                {t('checkIn.organizer.paperForm')}
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}

const closedReasons = ['wrong_day', 'group_inactive', 'activity_cancelled', 'not_published'] as const;

/** Why the screen shows no code (domain checkInQrAvailability; a draft is 'not_published'). */
function closedReasonKey(reason: string | null): (typeof closedReasons)[number] | 'other' {
  return closedReasons.find((known) => known === reason) ?? 'other';
}

/**
 * The QR code and its typed code. A fresh token comes with each poll; when polling fails the
 * last code stays only while the server still accepts it, and the screen says so.
 */
function LiveCode({ state, failing }: { state: CheckInScreenState; failing: boolean }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const codeId = useId();

  if (!state.url || !state.code || !state.windowEndsAt || !codeStillAccepted(state.windowEndsAt, now)) {
    return (
      <Alert tone="error" live title={t('checkIn.organizer.offlineTitle')} className="mt-4">
        {t('checkIn.organizer.offline')}
      </Alert>
    );
  }
  return (
    <section aria-label={t('checkIn.organizer.codeSection')} className="mt-3 flex flex-col items-center">
      <QrCode
        value={state.url}
        label={t('checkIn.organizer.qrLabel')}
        // As wide as the phone allows: read from arm's length by thirty phones at once.
        className="max-w-[min(100%,32rem)]!"
      />
      <p className="mt-1 flex items-center gap-2 text-std-16N-170 text-solid-gray-800">
        {failing ? (
          <span className="text-red-900">{t('checkIn.organizer.reconnecting')}</span>
        ) : (
          <>
            <span aria-hidden="true" className="size-3 animate-pulse rounded-full bg-green-800" />
            {t('checkIn.organizer.live', {
              seconds: Math.max(0, Math.ceil((new Date(state.windowEndsAt).getTime() - now) / 1000)),
            })}
          </>
        )}
      </p>
      <p id={codeId} className="mt-3 text-center text-std-17N-170">
        {t('checkIn.organizer.codeLead')}
      </p>
      <p
        aria-describedby={codeId}
        className="font-mono text-[3.25rem] leading-tight font-bold tracking-[0.12em] narrow:text-std-32B-150"
      >
        {formatCode(state.code)}
      </p>
    </section>
  );
}

/** 'K7M2QX' as 'K7M-2QX': two halves read more easily from a distance. */
function formatCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

function Counts({ state }: { state: CheckInScreenState }) {
  const { t } = useTranslation();
  const { checkedIn, walkIns, applied, capacity } = state.counts;
  const refused = refusalSummary(state.refusals);
  return (
    <section
      aria-labelledby="check-in-counts"
      className="mt-6 rounded-12 border-2 border-solid-gray-300 p-4 narrow:p-3"
    >
      <h2 id="check-in-counts" className="text-std-17B-170">
        {t('checkIn.organizer.countsHeading')}
      </h2>
      {/* Polite: a screen reader hears the new count without being interrupted. */}
      <p aria-live="polite" className="text-std-45B-140 narrow:text-std-32B-150">
        {applied > 0 ? t('checkIn.organizer.countOf', { checkedIn, applied }) : checkedIn}
        <span className="ml-2 text-std-17N-170">{t('checkIn.organizer.people')}</span>
      </p>
      <p className="text-std-16N-170 text-solid-gray-800">
        {[
          applied > 0 ? t('checkIn.organizer.countLegend') : t('checkIn.organizer.countLegendNoApplicants'),
          capacity === null ? null : t('checkIn.organizer.capacity', { capacity }),
          walkIns > 0 ? t('checkIn.organizer.walkIns', { count: walkIns }) : null,
        ]
          .filter(Boolean)
          .join(t('checkIn.organizer.listSeparator'))}
      </p>
      {refused.length > 0 && (
        <p className="mt-2 text-std-16N-170">
          {t('checkIn.organizer.refusedLead')}{' '}
          {refused
            .map(({ group, count }) => t(`checkIn.organizer.refusal.${group}`, { count }))
            .join(t('checkIn.organizer.listSeparator'))}
        </p>
      )}
    </section>
  );
}

/** The attendance list, read when asked for (each read is audited) and kept fresh while open. */
function Attendances({ activityId, checkedIn }: { activityId: string; checkedIn: number }) {
  const { t, locale } = useTranslation();
  const [shown, setShown] = useState(false);
  const list = useAttendances(activityId, shown);
  const queryClient = useQueryClient();
  const seen = useRef(checkedIn);
  useEffect(() => {
    if (!shown || seen.current === checkedIn) return;
    seen.current = checkedIn;
    void queryClient.invalidateQueries({ queryKey: checkInKeys.attendances(activityId) });
  }, [shown, checkedIn, activityId, queryClient]);

  const time = new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  });
  const rows: Attendance[] = list.data?.attendances ?? [];
  return (
    <section aria-labelledby="check-in-attendance" className="mt-6">
      <h2 id="check-in-attendance" className="text-std-20B-150">
        {t('checkIn.organizer.attendanceHeading')}
      </h2>
      {!shown ? (
        <>
          <p className="text-std-16N-170 text-solid-gray-800">{t('checkIn.organizer.attendanceLead')}</p>
          <Button variant="secondary" className="mt-2 w-full sm:w-auto" onClick={() => setShown(true)}>
            {t('checkIn.organizer.showAttendance')}
          </Button>
        </>
      ) : list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ProblemAlert error={list.error} />
      ) : rows.length === 0 ? (
        <p className="text-std-17N-170">{t('checkIn.organizer.noAttendance')}</p>
      ) : (
        <ul className="mt-2 divide-y divide-solid-gray-200 border-y border-solid-gray-200">
          {rows.map((row, index) => (
            <li key={`${row.checkedInAt}-${index}`} className="flex flex-wrap items-baseline gap-x-3 py-2">
              <span className="text-std-17B-170">{row.name}</span>
              <span className="text-std-16N-170 text-solid-gray-800">
                {[
                  row.age === null ? null : t('checkIn.organizer.age', { age: row.age }),
                  row.gender ? genderLabels[row.gender][locale] : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {row.walkIn && (
                <span className="rounded-4 border border-solid-gray-600 px-2 text-std-16N-170">
                  {t('checkIn.organizer.walkIn')}
                </span>
              )}
              {row.method === 'city' && (
                <span className="rounded-4 border border-solid-gray-600 px-2 text-std-16N-170">
                  {t('checkIn.organizer.byCity')}
                </span>
              )}
              <span className="ml-auto text-std-16N-170">
                <time dateTime={row.checkedInAt}>
                  {row.method === 'city'
                    ? formatDate(row.checkedInAt, locale)
                    : time.format(new Date(row.checkedInAt))}
                </time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Hides the browser's own bars where the phone allows it. */
function FullScreenButton() {
  const { t } = useTranslation();
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  if (!document.fullscreenEnabled) return null;
  const toggle = () => {
    const change = full ? document.exitFullscreen() : document.documentElement.requestFullscreen();
    change.catch(() => undefined);
  };
  return (
    <Button variant="tertiary" onClick={toggle}>
      {full ? t('checkIn.organizer.exitFullScreen') : t('checkIn.organizer.fullScreen')}
    </Button>
  );
}
