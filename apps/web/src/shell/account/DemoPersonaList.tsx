import { useQuery } from '@tanstack/react-query';
import { configQuery, usePersonas } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { ProblemAlert } from '../ProblemAlert.tsx';
import { IdentityBadge } from './IdentityBadge.tsx';
import { useDemoSignIn } from './use-account.ts';

/**
 * Until real accounts exist: act as any demo persona. The server offers it only outside
 * production (`demoSignIn` in /api/config); without it this says sign-in is coming.
 */
export function DemoPersonaList({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, locale } = useTranslation();
  const config = useQuery(configQuery);
  const demoSignIn = config.data?.demoSignIn === true;
  const personas = usePersonas(demoSignIn);
  const signIn = useDemoSignIn();

  if (config.isPending || (demoSignIn && personas.isPending)) return <Loading />;
  if (config.error) return <ProblemAlert error={config.error} />;
  if (!demoSignIn) return <Alert tone="info">{t('signIn.unavailable')}</Alert>;
  if (personas.error) return <ProblemAlert error={personas.error} />;

  return (
    <section aria-labelledby="demo-sign-in">
      <h2 id="demo-sign-in" className="text-std-20B-150">
        {t('signIn.demoHeading')}
      </h2>
      <Alert tone="warning" className="my-4">
        {t('signIn.demoNotice')}
      </Alert>
      <ProblemAlert error={signIn.error} className="mb-4" />
      <ul className="flex flex-col gap-3">
        {personas.data?.map((persona) => (
          <li key={persona.key}>
            <button
              type="button"
              disabled={signIn.isPending}
              onClick={() => signIn.mutate(persona.key, { onSuccess: onSignedIn })}
              className="flex min-h-16 w-full flex-col items-start gap-1 rounded-12 border border-solid-gray-300 bg-white p-4 text-left hover:border-blue-900 hover:bg-blue-50 disabled:opacity-60"
            >
              <span className="text-std-18B-160 text-blue-900 underline">
                {t('signIn.actAs', { name: persona.displayName })}
              </span>
              <span className="text-std-16N-170 text-solid-gray-800">{persona.description[locale]}</span>
              <IdentityBadge identity={persona.identity} />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
