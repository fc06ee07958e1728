import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { TextField } from '../../ui/TextField.tsx';

interface CodeEntryFormProps {
  onSubmit: (text: string) => void;
  /** The message for the last code that could not be used. */
  error?: string;
}

/**
 * When the camera cannot read the code: type or paste what is printed under it, either the
 * URL or the short form such as `install:organizer`.
 */
export function CodeEntryForm({ onSubmit, error }: CodeEntryFormProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setEmpty(text.trim() === '');
    if (text.trim() !== '') onSubmit(text);
  };

  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('scan.codeLabel')}
        hint={t('scan.codeHint')}
        error={empty ? t('scan.codeRequired') : error}
        value={text}
        onChange={(event) => setText(event.target.value)}
        inputMode="url"
        autoCapitalize="none"
        autoCorrect="off"
        autoComplete="off"
        spellCheck={false}
      />
      <Button type="submit" className="mt-4 w-full sm:w-auto">
        {t('scan.submit')}
      </Button>
    </form>
  );
}
