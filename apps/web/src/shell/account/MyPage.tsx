import { findMiniApp } from '@kumamoto/domain';
import { useSession } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { useInstalledMiniApps } from '../use-installed-miniapps.ts';
import { DeleteAccountSection } from './deletion/DeleteAccountSection.tsx';
import { DemoPersonaList } from './DemoPersonaList.tsx';
import { SchoolDistrictSection } from './district/SchoolDistrictSection.tsx';
import { EmailSection } from './email/EmailSection.tsx';
import { SignInMethodsSection } from './passkeys/SignInMethodsSection.tsx';
import { VerifiedProfileSection } from './verify/VerifiedProfileSection.tsx';
import { IdentityBadge } from './IdentityBadge.tsx';
import { LanguageChoice } from './LanguageChoice.tsx';
import { useSignOut } from './use-account.ts';

export function MyPage() {
  const { t } = useTranslation();
  const { user, isPending } = useSession();
  const signOut = useSignOut();

  return (
    <>
      <PageHeader title={t('myPage.title')} />
      {isPending ? (
        <Loading />
      ) : user ? (
        <Card as="section" aria-labelledby="my-account" className="mb-6">
          <h2 id="my-account" className="text-std-16B-170 text-solid-gray-700">
            {t('myPage.signedInAs')}
          </h2>
          <p className="text-std-24B-150">{user.displayName}</p>
          <IdentityBadge identity={user.identity} />
          {user.identity !== 'verified' && (
            <p className="mt-2 text-std-16N-170 text-solid-gray-800">{t('myPage.verifyHelp')}</p>
          )}
          {user.roles.length > 0 && (
            <>
              <h3 className="mt-4 text-std-17B-170">{t('myPage.rolesHeading')}</h3>
              <ul className="list-disc pl-6">
                {user.roles.map((role) => (
                  <li key={role}>{t(`roles.${role}`)}</li>
                ))}
              </ul>
            </>
          )}
          {user.persona && (
            <p className="mt-4 text-std-16N-170 text-solid-gray-700">{t('myPage.demoPersona')}</p>
          )}
          <ProblemAlert error={signOut.error} className="mt-4" />
          <Button variant="secondary" className="mt-4 w-full sm:w-auto" onClick={() => signOut.mutate()}>
            {t('myPage.signOut')}
          </Button>
        </Card>
      ) : (
        <Card as="section" aria-labelledby="my-signed-out" className="mb-6">
          <h2 id="my-signed-out" className="text-std-20B-150">
            {t('myPage.signedOutHeading')}
          </h2>
          <p className="mb-4 text-std-16N-170 text-solid-gray-800">{t('myPage.signedOutLead')}</p>
          <DemoPersonaList onSignedIn={() => window.scrollTo({ top: 0 })} />
        </Card>
      )}
      {user && (
        <>
          <VerifiedProfileSection />
          <SchoolDistrictSection />
          <EmailSection />
          <SignInMethodsSection />
        </>
      )}
      <InstalledMiniAppsCard />
      <Card className="mt-6">
        <LanguageChoice />
      </Card>
      {user && <DeleteAccountSection />}
    </>
  );
}

/** Mini-apps added by install code, each removable from Home. */
function InstalledMiniAppsCard() {
  const { t, locale } = useTranslation();
  const { installed, remove } = useInstalledMiniApps();
  const apps = installed.flatMap((id) => findMiniApp(id) ?? []);
  return (
    <Card as="section" aria-labelledby="my-installed">
      <h2 id="my-installed" className="text-std-20B-150">
        {t('myPage.installedHeading')}
      </h2>
      {apps.length === 0 ? (
        <p className="mt-2 text-std-16N-170 text-solid-gray-800">{t('myPage.installedEmpty')}</p>
      ) : (
        <ul className="mt-3 flex flex-col gap-3">
          {apps.map((app) => (
            <li key={app.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-std-17B-170">{app.name[locale]}</span>
              <Button variant="secondary" disabled={remove.isPending} onClick={() => remove.mutate(app.id)}>
                {t('myPage.removeMiniApp', { name: app.name[locale] })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={remove.error} className="mt-3" />
    </Card>
  );
}
