import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { configQuery } from '../../api/queries.ts';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { DemoPersonaList } from './DemoPersonaList.tsx';
import { EmailCodeSignIn } from './email/EmailCodeSignIn.tsx';
import { usePasskeySignIn } from './passkeys/api.ts';
import { passkeysSupported } from './passkeys/ceremony.ts';
import { PasskeyExplainer } from './passkeys/PasskeyExplainer.tsx';
import { PasskeyProblem } from './passkeys/PasskeyProblem.tsx';

/** Back to where sign-in was asked for; only paths inside this app. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/mypage';
}

/**
 * Sign-in (issue 3): a passkey first, as one large button; a way in for newcomers (name →
 * passkey); the e-mail code for devices without passkeys and for recovery; the demo personas
 * only where demo sign-in is on.
 */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const config = useQuery(configQuery);
  const signIn = usePasskeySignIn();
  const supported = passkeysSupported();
  const signUpLink = next === '/mypage' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`;

  return (
    <>
      <PageHeader title={t('signIn.title')} lead={t('signIn.lead')} />
      <Card as="section" aria-labelledby="passkey-sign-in" className="mb-6">
        <h2 id="passkey-sign-in" className="text-std-20B-150">
          {t('passkeys.signInHeading')}
        </h2>
        <p className="mt-2 text-std-17N-170 text-solid-gray-800">{t('passkeys.signInLead')}</p>
        {supported ? (
          <Button
            className="mt-4 min-h-16 w-full text-std-20B-150"
            disabled={signIn.isPending}
            onClick={() => signIn.mutate(undefined, { onSuccess: () => void navigate(next) })}
          >
            <KeyIcon />
            {signIn.isPending ? t('passkeys.signingIn') : t('passkeys.signInButton')}
          </Button>
        ) : (
          <Alert tone="warning" className="mt-4">
            {t('passkeys.unsupported')}
          </Alert>
        )}
        <PasskeyProblem error={signIn.error} step="signIn" className="mt-4" />
      </Card>

      {/* Without passkeys, the e-mail code below creates accounts too. */}
      {supported && (
        <Card as="section" aria-labelledby="passkey-sign-up" className="mb-6">
          <h2 id="passkey-sign-up" className="text-std-20B-150">
            {t('passkeys.signUpHeading')}
          </h2>
          <p className="mt-2 text-std-17N-170 text-solid-gray-800">{t('passkeys.signUpLead')}</p>
          <ButtonLink to={signUpLink} variant="secondary" className="mt-4 w-full">
            {t('passkeys.signUpLink')}
          </ButtonLink>
          <PasskeyExplainer className="mt-4" />
        </Card>
      )}

      <Card className="mb-6">
        <p className="mb-2 text-std-16B-170 text-solid-gray-700">{t('signIn.orEmail')}</p>
        <EmailCodeSignIn />
      </Card>

      {config.data?.demoSignIn === true && (
        <Card className="mb-6">
          <DemoPersonaList onSignedIn={() => void navigate(next)} />
        </Card>
      )}
    </>
  );
}

function KeyIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-7"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <circle cx="8" cy="15" r="4" />
      <path d="M10.8 12.2 20 3m-4 4 3 3m-6 0 2 2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
