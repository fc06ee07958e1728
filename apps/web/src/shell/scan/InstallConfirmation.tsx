import { findMiniApp, homeMiniApps, type MiniAppId } from '@kumamoto/domain';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { MiniAppIcon } from '../../ui/icons.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import type { HomeState } from '../home/HomePage.tsx';
import { isInstallable } from '../installed-miniapps.ts';
import { useInstalledMiniApps } from '../use-installed-miniapps.ts';
import { useViewer } from '../use-viewer.ts';

/**
 * Adding a mini-app by its install code (the organizer mini-app, guide section 05): say what
 * it is, add it only when the person confirms, then show it on Home.
 */
export function InstallConfirmation({ miniAppId }: { miniAppId: MiniAppId }) {
  const { t, locale } = useTranslation();
  const navigate = useNavigate();
  const { add, signedIn } = useInstalledMiniApps();
  const { viewer, isPending } = useViewer();
  const app = findMiniApp(miniAppId);
  if (!app) return null;
  const name = app.name[locale];
  const onHome = homeMiniApps(viewer).some((entry) => entry.id === miniAppId);

  const confirm = () =>
    add.mutate(miniAppId, {
      onSuccess: () => void navigate('/', { state: { addedMiniApp: miniAppId } satisfies HomeState }),
    });

  let body;
  if (isPending) body = <Loading />;
  else if (!isInstallable(miniAppId)) body = <Alert tone="info">{t('install.notNeeded', { name })}</Alert>;
  else if (onHome) body = <Alert tone="info">{t('install.alreadyAdded', { name })}</Alert>;
  else
    body = (
      <>
        {!signedIn && (
          <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('install.savedOnDevice')}</p>
        )}
        <ProblemAlert error={add.error} className="mb-4" />
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button onClick={confirm} disabled={add.isPending} className="w-full sm:w-auto">
            {add.isPending ? t('install.adding') : t('install.add')}
          </Button>
          <ButtonLink to="/" variant="secondary" className="w-full sm:w-auto">
            {t('install.cancel')}
          </ButtonLink>
        </div>
      </>
    );

  return (
    <>
      <PageHeader title={t('install.title')} lead={t('install.lead')} />
      <Card className="mb-6 flex items-start gap-4">
        <span className="flex size-14 shrink-0 items-center justify-center rounded-8 bg-blue-100 text-blue-900">
          <MiniAppIcon icon={app.icon} className="size-8" />
        </span>
        <div className="min-w-0">
          <p className="text-std-22B-150">{name}</p>
          <p className="text-std-17N-170 text-solid-gray-800">{app.summary[locale]}</p>
        </div>
      </Card>
      {body}
      {!isPending && onHome && (
        <ButtonLink to={app.route} className="mt-6 w-full sm:w-auto">
          {t('install.open', { name })}
        </ButtonLink>
      )}
    </>
  );
}
