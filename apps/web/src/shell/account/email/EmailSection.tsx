import type { FormEvent } from 'react';
import { formatDate } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useAccountEmail, useConfirmEmail, useRequestEmailCode } from './api.ts';
import { CodeStep } from './CodeStep.tsx';
import { EmailField } from './EmailField.tsx';
import { EmailAddress } from './SentTo.tsx';
import { useEmailCodeSteps } from './use-email-code-steps.ts';

/** The steps besides the code step, which useEmailCodeSteps adds. */
type Step = { name: 'view'; saved: boolean } | { name: 'address' };

/**
 * My page: the account's e-mail address for codes and notices. Adding or changing it sends a
 * code to the new address; the address is stored only once that code is entered (until then
 * the current one stays). An address another account uses is refused after the code.
 */
export function EmailSection() {
  const { t, locale } = useTranslation();
  const current = useAccountEmail();
  const request = useRequestEmailCode();
  const confirm = useConfirmEmail();
  const { step, go, box, setEmail, sendCode, codeToCheck, emailField, codeEntry } = useEmailCodeSteps<Step>(
    { name: 'view', saved: false },
    request,
    confirm,
  );

  const confirmCode = (event: FormEvent) => {
    const entered = codeToCheck(event);
    if (entered) confirm.mutate(entered, { onSuccess: () => go({ name: 'view', saved: true }) });
  };

  const address = current.data?.email ?? null;

  return (
    <Card as="section" aria-labelledby="my-email" className="mb-6">
      <h2 id="my-email" className="text-std-20B-150">
        {t('emailSection.heading')}
      </h2>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('emailSection.lead')}</p>
      <div ref={box} className="mt-4 flex flex-col gap-4">
        {current.isPending ? (
          <Loading />
        ) : current.error ? (
          <ProblemAlert error={current.error} />
        ) : (
          <>
            {step.name === 'view' && step.saved && (
              <Alert tone="success" live>
                <span data-focus-first tabIndex={-1}>
                  {t('emailSection.saved')}
                </span>
              </Alert>
            )}
            {address ? (
              <div>
                <p className="text-std-16B-170 text-solid-gray-700">{t('emailSection.current')}</p>
                <p className="text-std-18B-160">
                  <EmailAddress email={address} />
                </p>
                {current.data?.verifiedAt && (
                  <p className="text-std-16N-170 text-solid-gray-700">
                    {t('emailSection.confirmedOn', { date: formatDate(current.data.verifiedAt, locale) })}
                  </p>
                )}
              </div>
            ) : (
              <p className="text-std-17N-170">{t('emailSection.none')}</p>
            )}

            {step.name === 'view' && (
              <Button
                variant="secondary"
                className="w-full sm:w-auto"
                onClick={() => {
                  setEmail('');
                  go({ name: 'address' });
                }}
              >
                {address ? t('emailSection.change') : t('emailSection.add')}
              </Button>
            )}

            {step.name === 'address' && (
              <form noValidate onSubmit={sendCode} className="flex flex-col gap-4">
                <EmailField
                  label={t('emailSection.newEmailLabel')}
                  hint={address ? t('emailSection.keepsOld') : t('emailCode.emailHint')}
                  {...emailField}
                />
                <ProblemAlert error={request.error} />
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" className="w-full sm:w-auto" disabled={request.isPending}>
                    {request.isPending ? t('emailCode.sending') : t('emailSection.send')}
                  </Button>
                  <Button variant="tertiary" onClick={() => go({ name: 'view', saved: false })}>
                    {t('emailSection.cancel')}
                  </Button>
                </div>
              </form>
            )}

            {step.name === 'code' && (
              <CodeStep
                {...codeEntry}
                sent={step}
                sentMessage={t('emailSection.sent')}
                then={t('emailSection.finish')}
                error={confirm.error ?? request.error}
                submitLabel={t('emailSection.confirm')}
                submitting={confirm.isPending}
                onSubmit={confirmCode}
                back={{ label: t('emailSection.cancel'), onClick: () => go({ name: 'view', saved: false }) }}
              />
            )}
          </>
        )}
      </div>
    </Card>
  );
}
