import { useState } from 'react';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button, buttonClasses } from '../../ui/Button.tsx';
import { calendarUrl, shareSuffix, type ActivityDetail } from './api.ts';
import { CalendarAddIcon, ShareIcon } from './icons.tsx';

/**
 * "Add to calendar" (the server's .ics, RFC 5545) and "share": the phone's own share sheet
 * where there is one, else the link is copied. An unlisted activity's link keeps its token:
 * whoever has the link may pass it on, which is what URL限定公開 means.
 */
export function ShareActions({ activity, share }: { activity: ActivityDetail; share: string | null }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const url = `${window.location.origin}/volunteer/activities/${activity.id}${shareSuffix(share)}`;

  const onShare = async () => {
    setCopied(null);
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: activity.title, url });
        return;
      } catch (error) {
        // Closing the share sheet is a choice, not a failure; other failures fall back to copying.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    try {
      await navigator.clipboard.writeText(url);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <div className="mb-6">
      <div className="grid gap-3 sm:grid-cols-2">
        <a
          href={calendarUrl(activity.id, share)}
          download={`activity-${activity.id}.ics`}
          className={buttonClasses('secondary')}
        >
          <CalendarAddIcon />
          {t('volunteer.detail.calendar')}
        </a>
        <Button variant="secondary" onClick={() => void onShare()}>
          <ShareIcon />
          {t('volunteer.detail.share')}
        </Button>
      </div>
      {copied && (
        <Alert tone={copied === 'copied' ? 'success' : 'warning'} live className="mt-3">
          {copied === 'copied' ? t('volunteer.detail.copied') : t('volunteer.detail.copyFailed')}
        </Alert>
      )}
    </div>
  );
}
