import { useId } from 'react';
import { cleanCode } from './api.ts';

interface CodeFieldProps {
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (code: string) => void;
}

/**
 * The six-digit code: large digits, the phone's number pad (`inputMode="numeric"`), and
 * `autocomplete="one-time-code"` so the phone can offer the code from the mail. Whatever is
 * typed or pasted (full-width digits, spaces) is reduced to at most six digits.
 */
export function CodeField({ label, hint, error, value, onChange }: CodeFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-std-17B-170 text-solid-gray-900">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-std-16N-170 text-solid-gray-700">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} role="alert" className="text-std-16B-170 text-red-900">
          {error}
        </p>
      )}
      <input
        id={id}
        name="one-time-code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        enterKeyHint="done"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(cleanCode(event.target.value))}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        className={
          'mt-2 block min-h-16 w-full max-w-72 rounded-8 border-2 bg-white px-4 py-2 text-center font-mono ' +
          'text-std-32B-150 tracking-[0.3em] text-solid-gray-900 tabular-nums narrow:tracking-normal ' +
          (error ? 'border-red-900' : 'border-solid-gray-600 hover:border-solid-gray-900')
        }
      />
    </div>
  );
}
