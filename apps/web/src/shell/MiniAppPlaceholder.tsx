import { miniApps, type MiniAppId } from '@kumamoto/domain';
import { useTranslation } from '../i18n/index.ts';
import { Alert } from '../ui/Alert.tsx';
import { ButtonLink } from '../ui/Button.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { MiniAppIcon } from '../ui/icons.tsx';
import { miniAppAccess } from './miniapp-access.ts';
import { useViewer } from './use-viewer.ts';

/**
 * What every mini-app shows until its own issue builds it: name, one line on what it is for,
 * whether this person can use it, and that it is coming soon.
 */
export function MiniAppPlaceholder({ id }: { id: MiniAppId }) {
  const { t, locale } = useTranslation();
  const { viewer, isPending } = useViewer();
  const app = miniApps.find((entry) => entry.id === id);
  if (!app) return null;
  const name = app.name[locale];
  const access = isPending ? null : miniAppAccess(app, viewer);

  return (
    <>
      <div className="mb-2 flex size-14 items-center justify-center rounded-8 bg-blue-100 text-blue-900">
        <MiniAppIcon icon={app.icon} className="size-8" />
      </div>
      <PageHeader title={name} lead={app.summary[locale]} />
      {access === null && <Loading />}
      {access === 'restricted' && (
        <Alert tone="error" title={t('miniApp.restrictedTitle')}>
          {t('miniApp.restricted')}
        </Alert>
      )}
      {access === 'not-installed' && (
        <>
          <Alert tone="info" title={t('miniApp.notInstalledTitle')}>
            {t('miniApp.notInstalled', { name })}
          </Alert>
          <ButtonLink to="/scan" className="mt-4 w-full sm:w-auto">
            {t('home.scanButton')}
          </ButtonLink>
        </>
      )}
      {access === 'needs-verification' && (
        <Alert tone="warning" title={t('miniApp.needsVerificationTitle')} className="mb-4">
          {t('miniApp.needsVerification', { name })}
        </Alert>
      )}
      {(access === 'open' || access === 'needs-verification') && (
        <Alert tone="info" title={t('miniApp.comingSoonTitle')}>
          {t('miniApp.comingSoon', { name })}
        </Alert>
      )}
      <ButtonLink to="/" variant="secondary" className="mt-6 w-full sm:w-auto">
        {t('common.backHome')}
      </ButtonLink>
    </>
  );
}
