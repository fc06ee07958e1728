import { useId, type InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function TextField({ label, hint, error, className = '', ...props }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
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
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={
          'mt-2 block min-h-14 w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 text-solid-gray-900 ' +
          (error ? 'border-red-900' : 'border-solid-gray-600 hover:border-solid-gray-900')
        }
        {...props}
      />
    </div>
  );
}
