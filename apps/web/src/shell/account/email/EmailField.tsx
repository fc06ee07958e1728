import { TextField } from '../../../ui/TextField.tsx';

interface EmailFieldProps {
  label: string;
  hint: string;
  error: string | undefined;
  value: string;
  onChange: (email: string) => void;
}

/**
 * The address a code is sent to: the phone's e-mail keyboard, no capital first letter, no
 * spell-check, and the browser may offer the person's saved address.
 */
export function EmailField({ label, hint, error, value, onChange }: EmailFieldProps) {
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      type="email"
      name="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={254}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
