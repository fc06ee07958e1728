import type { FormEvent } from 'react';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { CodeField } from './CodeField.tsx';
import { formatClockTime } from './form-helpers.ts';
import { SentTo } from './SentTo.tsx';

interface CodeStepProps {
  /** Where it went and until when it works; `resent` after "send again". */
  sent: { email: string; expiresAt: string; resent: boolean };
  /** "We sent a code to:" and what to do next, for this use of the code. */
  sentMessage: string;
  then: string;
  code: string;
  onCodeChange: (code: string) => void;
  fieldError: string | undefined;
  error: unknown;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (event: FormEvent) => void;
  resending: boolean;
  onResend: () => void;
  back: { label: string; onClick: () => void };
}

/** Typing the e-mailed code: shared by sign-in and by confirming an address on My page. */
export function CodeStep(props: CodeStepProps) {
  const { t, locale } = useTranslation();
  const { sent } = props;
  return (
    <form noValidate onSubmit={props.onSubmit} className="flex flex-col gap-4">
      <Alert tone={sent.resent ? 'success' : 'info'} live>
        <SentTo
          message={sent.resent ? t('emailCode.resent') : props.sentMessage}
          email={sent.email}
          then={props.then}
          expires={t('emailCode.expires', { time: formatClockTime(sent.expiresAt, locale) })}
        />
      </Alert>
      <CodeField
        label={t('emailCode.codeLabel')}
        hint={t('emailCode.codeHint')}
        error={props.fieldError}
        value={props.code}
        onChange={props.onCodeChange}
      />
      <ProblemAlert error={props.error} />
      <Button type="submit" className="w-full sm:w-auto" disabled={props.submitting}>
        {props.submitting ? t('emailCode.verifying') : props.submitLabel}
      </Button>
      <div className="flex flex-wrap gap-2">
        <Button variant="tertiary" disabled={props.resending} onClick={props.onResend}>
          {t('emailCode.resend')}
        </Button>
        <Button variant="tertiary" onClick={props.back.onClick}>
          {props.back.label}
        </Button>
      </div>
    </form>
  );
}
