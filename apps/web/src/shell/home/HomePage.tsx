import { findMiniApp, homeMiniApps, needsVerification } from '@kumamoto/domain';
import { Link, useLocation } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ScanIcon } from '../../ui/icons.tsx';
import { useViewer } from '../use-viewer.ts';
import { MiniAppTile } from './MiniAppTile.tsx';

/** Where the install confirmation sends people, naming what it just added. */
export interface HomeState {
  addedMiniApp?: string;
  /** Set by account deletion, which ends here signed out. */
  accountDeleted?: boolean;
}

export function HomePage() {
  const { t, locale } = useTranslation();
  const { viewer, user, isPending } = useViewer();
  const state = useLocation().state as HomeState | null;
  const added = findMiniApp(state?.addedMiniApp ?? '');

  return (
    <>
      <PageHeader
        title={t('home.title')}
        lead={user ? t('home.greeting', { name: user.displayName }) : undefined}
      />
      {state?.accountDeleted && (
        <Alert tone="success" live className="mb-6">
          {t('home.accountDeleted')}
        </Alert>
      )}
      {added && (
        <Alert tone="success" live className="mb-6">
          {t('home.added', { name: added.name[locale] })}
        </Alert>
      )}

      <Card as="section" aria-labelledby="home-scan" className="mb-8">
        <h2 id="home-scan" className="text-std-20B-150">
          {t('home.scanHeading')}
        </h2>
        <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('home.scanLead')}</p>
        <ButtonLink to="/scan" className="mt-4 w-full">
          <ScanIcon className="size-6" />
          {t('home.scanButton')}
        </ButtonLink>
      </Card>

      <section aria-labelledby="home-miniapps">
        <h2 id="home-miniapps" className="mb-3 text-std-20B-150">
          {t('home.miniAppsHeading')}
        </h2>
        {isPending ? (
          <Loading />
        ) : (
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(min(100%,20rem),1fr))] gap-3">
            {homeMiniApps(viewer).map((app) => (
              <li key={app.id}>
                <MiniAppTile app={app} needsVerification={needsVerification(app, viewer)} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {!user && !isPending && (
        <p className="mt-8 text-std-16N-170 text-solid-gray-800">
          {t('home.signedOutLead')} <Link to="/mypage">{t('home.signInLink')}</Link>
        </p>
      )}
    </>
  );
}
