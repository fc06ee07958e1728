import { useErrorText } from '../i18n/error-text.ts';
import { Alert } from '../ui/Alert.tsx';

/** Shows a failed request's localized message; renders nothing without an error. */
export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <Alert tone="error" live className={className}>
      {errorText(error)}
    </Alert>
  );
}
