import { useTranslation } from '../../../i18n/index.ts';
import { Alert, type AlertTone } from '../../../ui/Alert.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { PasskeyCeremonyError, type CeremonyProblem } from './ceremony.ts';

const tones: Record<CeremonyProblem, AlertTone> = {
  unsupported: 'warning',
  cancelled: 'info',
  alreadyOnDevice: 'info',
  failed: 'error',
};

/**
 * A failed passkey step in plain words: the device's part (not supported, cancelled, already
 * there) gently, the server's refusal through its localized problem code.
 */
export function PasskeyProblem({
  error,
  step,
  className,
}: {
  error: unknown;
  step: 'signIn' | 'signUp' | 'add';
  className?: string;
}) {
  const { t } = useTranslation();
  if (!(error instanceof PasskeyCeremonyError)) return <ProblemAlert error={error} className={className} />;
  const cancelled = {
    signIn: t('passkeys.cancelled'),
    signUp: t('passkeys.signUpCancelled'),
    add: t('passkeys.addCancelled'),
  }[step];
  const text: Record<CeremonyProblem, string> = {
    unsupported: t('passkeys.unsupported'),
    cancelled,
    alreadyOnDevice: t('passkeys.alreadyOnDevice'),
    failed: t('passkeys.failed'),
  };
  return (
    <Alert tone={tones[error.problem]} live className={className}>
      {text[error.problem]}
    </Alert>
  );
}
