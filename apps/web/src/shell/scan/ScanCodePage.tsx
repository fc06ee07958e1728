import { parseScanPayload } from '@kumamoto/domain';
import { useLocation } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CheckInResult } from './check-in/CheckInResult.tsx';
import { InstallConfirmation } from './InstallConfirmation.tsx';

/**
 * A code URL (/scan/install/organizer), reached from our scanner or from a phone's own
 * camera app: read it like any scanned text and show the screen for its kind.
 */
export function ScanCodePage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const origin = window.location.origin;
  const result = parseScanPayload(new URL(pathname, origin).href, origin);

  if (!result.ok) {
    return (
      <>
        <PageHeader title={t('scan.unknownTitle')} />
        <Alert tone="error">{t(result.reason, { ns: 'errors' })}</Alert>
        <ButtonLink to="/scan" variant="secondary" className="mt-6">
          {t('scan.backToScanner')}
        </ButtonLink>
      </>
    );
  }
  switch (result.payload.kind) {
    case 'install-miniapp':
      return <InstallConfirmation miniAppId={result.payload.miniAppId} />;
    case 'checkin':
    case 'checkin-code':
      // One scan, one screen: a new code (the next one scanned) starts afresh.
      return <CheckInResult key={pathname} scan={result.payload} />;
  }
}
