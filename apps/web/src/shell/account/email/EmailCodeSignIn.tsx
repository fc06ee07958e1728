import { looksLikeIndividualNumber } from '@kumamoto/domain';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button, ButtonLink } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useRequestSignInCode, useVerifySignInCode } from './api.ts';
import { CodeStep } from './CodeStep.tsx';
import { EmailField } from './EmailField.tsx';
import { safeNext } from './form-helpers.ts';
import { useEmailCodeSteps } from './use-email-code-steps.ts';

/** The steps besides the code step, which useEmailCodeSteps adds. */
type Step =
  { name: 'address' } | { name: 'name'; email: string; code: string } | { name: 'done'; created: boolean };

/**
 * Sign-in page: the e-mail one-time code, the fallback to passkeys and the way in for people
 * without one. One step at a time, each with its own focus:
 *
 *   address → code (number pad, the phone may fill it from the mail) → name, only when the
 *   address has no account yet → signed in, with a suggestion to add a passkey.
 *
 * Whether an address has an account is never shown before the code is proven: the first two
 * steps look the same for everyone.
 */
export function EmailCodeSignIn() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [displayName, setDisplayName] = useState('');
  const request = useRequestSignInCode();
  const verify = useVerifySignInCode();
  const { step, go, box, fieldError, setFieldError, sendCode, codeToCheck, emailField, codeEntry, typing } =
    useEmailCodeSteps<Step>({ name: 'address' }, request, verify);

  const checkCode = (event: FormEvent) => {
    const entered = codeToCheck(event);
    if (!entered) return;
    verify.mutate(entered, {
      onSuccess: (answer) =>
        answer.result === 'name_required'
          ? go({ name: 'name', ...entered })
          : go({ name: 'done', created: answer.created }),
    });
  };

  const createAccount = (event: FormEvent) => {
    event.preventDefault();
    if (step.name !== 'name') return;
    const name = displayName.trim();
    if (name === '') return setFieldError(t('emailCode.nameRequired'));
    // R-ID-3: never send something that looks like a My Number.
    if (looksLikeIndividualNumber(name))
      return setFieldError(t('individual_number_refused', { ns: 'errors' }));
    setFieldError(undefined);
    verify.mutate(
      { email: step.email, code: step.code, displayName: name },
      {
        onSuccess: (answer) =>
          answer.result === 'signed_in'
            ? go({ name: 'done', created: answer.created })
            : go({ name: 'name', email: step.email, code: step.code }),
      },
    );
  };

  return (
    <section aria-labelledby="email-code-sign-in" className="flex flex-col gap-4">
      <h2 id="email-code-sign-in" className="text-std-20B-150">
        {t('emailCode.heading')}
      </h2>
      <div ref={box}>
        {step.name === 'address' && (
          <form noValidate onSubmit={sendCode} className="flex flex-col gap-4">
            <p className="text-std-16N-170 text-solid-gray-800">{t('emailCode.lead')}</p>
            <EmailField label={t('emailCode.emailLabel')} hint={t('emailCode.emailHint')} {...emailField} />
            <ProblemAlert error={request.error} />
            <Button
              type="submit"
              variant="secondary"
              className="w-full sm:w-auto"
              disabled={request.isPending}
            >
              {request.isPending ? t('emailCode.sending') : t('emailCode.send')}
            </Button>
          </form>
        )}

        {step.name === 'code' && (
          <CodeStep
            {...codeEntry}
            sent={step}
            sentMessage={t('emailCode.sent')}
            then={t('emailCode.openMail')}
            error={verify.error ?? request.error}
            submitLabel={t('emailCode.verify')}
            submitting={verify.isPending}
            onSubmit={checkCode}
            back={{ label: t('emailCode.changeEmail'), onClick: () => go({ name: 'address' }) }}
          />
        )}

        {step.name === 'name' && (
          <form noValidate onSubmit={createAccount} className="flex flex-col gap-4">
            <h3 className="text-std-18B-160">{t('emailCode.nameHeading')}</h3>
            <p className="text-std-16N-170 text-solid-gray-800">{t('emailCode.nameLead')}</p>
            <TextField
              label={t('emailCode.nameLabel')}
              hint={t('emailCode.nameHint')}
              error={fieldError}
              name="nickname"
              autoComplete="nickname"
              maxLength={100}
              value={displayName}
              onChange={(event) => typing(setDisplayName)(event.target.value)}
            />
            <ProblemAlert error={verify.error ?? request.error} />
            <Button type="submit" className="w-full sm:w-auto" disabled={verify.isPending}>
              {t('emailCode.createAccount')}
            </Button>
            {verify.error && (
              // The code may have run out while the name was being typed: a new one starts again.
              <Button variant="tertiary" disabled={request.isPending} onClick={() => sendCode()}>
                {t('emailCode.resend')}
              </Button>
            )}
          </form>
        )}

        {step.name === 'done' && (
          <div className="flex flex-col gap-4">
            <Alert tone="success" live>
              <p data-focus-first tabIndex={-1} className="text-std-17B-170">
                {step.created ? t('emailCode.created') : t('emailCode.signedIn')}
              </p>
            </Alert>
            {next !== '/mypage' && (
              // Back to what the person came to do; the passkey can wait.
              <Button className="w-full sm:w-auto" onClick={() => void navigate(next)}>
                {t('emailCode.continue')}
              </Button>
            )}
            <div className="rounded-12 border border-solid-gray-300 bg-white p-4 narrow:p-3">
              <h3 className="text-std-18B-160">{t('emailCode.passkeyHeading')}</h3>
              <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('emailCode.passkeyLead')}</p>
              <ButtonLink
                to="/mypage"
                variant={next === '/mypage' ? 'primary' : 'secondary'}
                className="mt-4 w-full sm:w-auto"
              >
                {t('emailCode.addPasskey')}
              </ButtonLink>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
