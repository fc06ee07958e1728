import { looksLikeIndividualNumber } from '@kumamoto/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { Alert } from '../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { usePasskeySignUp } from './passkeys/api.ts';
import { passkeysSupported } from './passkeys/ceremony.ts';
import { PasskeyExplainer } from './passkeys/PasskeyExplainer.tsx';
import { PasskeyProblem } from './passkeys/PasskeyProblem.tsx';

/** Back to where sign-in was asked for; only paths inside this app. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/mypage';
}

/**
 * Creating an account with a passkey (issue 3): a name, then the device's own prompt
 * (fingerprint, face or screen lock). The account exists only once the passkey is made.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [displayName, setDisplayName] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const signUp = usePasskeySignUp();
  const supported = passkeysSupported();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = displayName.trim();
    if (name === '') return setFieldError(t('passkeys.nameRequired'));
    if ([...name].length > 100) return setFieldError(t('passkeys.nameTooLong'));
    // R-ID-3: never send something that looks like a My Number (the server refuses it too).
    if (looksLikeIndividualNumber(name))
      return setFieldError(t('individual_number_refused', { ns: 'errors' }));
    setFieldError(undefined);
    signUp.mutate(name, { onSuccess: () => void navigate(next) });
  };

  return (
    <>
      <PageHeader title={t('passkeys.signUpTitle')} lead={t('passkeys.signUpPageLead')} />
      <Card className="mb-6">
        <ol className="mb-4 flex list-decimal flex-col gap-1 pl-6 text-std-17N-170 text-solid-gray-800">
          <li>{t('passkeys.signUpStep1')}</li>
          <li>{t('passkeys.signUpStep2')}</li>
        </ol>
        {supported ? (
          <form noValidate onSubmit={submit} className="flex flex-col gap-4">
            <TextField
              label={t('passkeys.nameLabel')}
              hint={t('passkeys.nameHint')}
              error={fieldError}
              name="nickname"
              autoComplete="nickname"
              maxLength={100}
              value={displayName}
              onChange={(event) => {
                setDisplayName(event.target.value);
                setFieldError(undefined);
              }}
            />
            <PasskeyProblem error={signUp.error} step="signUp" />
            <Button type="submit" className="min-h-16 w-full text-std-20B-150" disabled={signUp.isPending}>
              {signUp.isPending ? t('passkeys.creating') : t('passkeys.createButton')}
            </Button>
          </form>
        ) : (
          <Alert tone="warning">{t('passkeys.unsupported')}</Alert>
        )}
        <PasskeyExplainer className="mt-4" />
      </Card>
      <ButtonLink
        to={next === '/mypage' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`}
        variant="tertiary"
        className="w-full sm:w-auto"
      >
        {t('passkeys.haveAccount')}
      </ButtonLink>
    </>
  );
}
