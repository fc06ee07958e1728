import { genders, jstDate, type Gender, type IsoDate } from '@kumamoto/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { useUpdateDeclared, type IdentityProfile } from './api.ts';
import { formatBirthDate } from './format-birth-date.ts';
import { ItemList } from './ItemList.tsx';

type Declared = NonNullable<IdentityProfile['declared']>;

/**
 * An unverified resident's own name, date of birth and gender (R-ID-2), used when applying for
 * activities until the card's items replace them. Shown, then edited in place.
 */
export function DeclaredItems({ declared, age }: { declared: Declared; age: number | null }) {
  const { t, locale } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const view = useRef<HTMLDivElement>(null);
  const wasEditing = useRef(false);

  // Back from the form, focus returns to where the person started.
  useEffect(() => {
    if (wasEditing.current && !editing) view.current?.querySelector('button')?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <>
      <h3 className="mt-6 text-std-17B-170">{t('profile.declaredHeading')}</h3>
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('profile.declaredHelp')}</p>
      {editing ? (
        <DeclaredForm
          declared={declared}
          onDone={(didSave) => {
            setSaved(didSave);
            setEditing(false);
          }}
        />
      ) : (
        <div ref={view}>
          {saved && (
            <Alert tone="success" live className="mt-3">
              {t('profile.saved')}
            </Alert>
          )}
          <ItemList
            items={[
              { label: t('profile.name'), value: declared.displayName },
              {
                label: t('profile.birthDate'),
                value: declared.birthDate ? formatBirthDate(declared.birthDate, locale) : t('profile.notSet'),
              },
              {
                label: t('profile.gender'),
                value: declared.gender ? t(`profile.genders.${declared.gender}`) : t('profile.notSet'),
              },
              ...(age === null ? [] : [{ label: t('profile.age'), value: t('profile.ageValue', { age }) }]),
            ]}
          />
          <Button
            variant="secondary"
            className="mt-4 w-full sm:w-auto"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('profile.edit')}
          </Button>
        </div>
      )}
    </>
  );
}

function DeclaredForm({ declared, onDone }: { declared: Declared; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const update = useUpdateDeclared();
  const [name, setName] = useState(declared.displayName);
  const [birthDate, setBirthDate] = useState<string>(declared.birthDate ?? '');
  const [gender, setGender] = useState<Gender | null>(declared.gender);
  const [errors, setErrors] = useState<{ name?: string; birthDate?: string }>({});
  const genderName = useId();
  const form = useRef<HTMLFormElement>(null);
  const today = jstDate(new Date());

  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      name: name.trim() === '' ? t('profile.nameRequired') : undefined,
      birthDate:
        birthDate !== '' && (birthDate > today || birthDate < '1900-01-01')
          ? t('profile.birthDateInvalid')
          : undefined,
    };
    setErrors(found);
    if (found.name || found.birthDate) return;
    update.mutate(
      { displayName: name.trim(), birthDate: birthDate === '' ? null : (birthDate as IsoDate), gender },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form ref={form} noValidate onSubmit={submit} className="mt-3 flex flex-col gap-4">
      <TextField
        label={t('profile.name')}
        hint={t('profile.displayNameHint')}
        error={errors.name}
        value={name}
        maxLength={100}
        autoComplete="name"
        onChange={(event) => setName(event.target.value)}
      />
      <TextField
        label={t('profile.birthDateOptional')}
        error={errors.birthDate}
        type="date"
        value={birthDate}
        min="1900-01-01"
        max={today}
        autoComplete="bday"
        onChange={(event) => setBirthDate(event.target.value)}
      />
      <fieldset>
        <legend className="text-std-17B-170 text-solid-gray-900">{t('profile.genderOptional')}</legend>
        <div className="mt-2 flex flex-col gap-2">
          {[null, ...genders].map((option) => (
            <label
              key={option ?? 'none'}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-8 border-2 border-solid-gray-300 bg-white px-4 py-2 text-std-17N-170 has-checked:border-blue-900 has-checked:bg-blue-50"
            >
              <input
                type="radio"
                name={genderName}
                checked={gender === option}
                onChange={() => setGender(option)}
                className="size-6 accent-blue-900"
              />
              {option ? t(`profile.genders.${option}`) : t('profile.genderNone')}
            </label>
          ))}
        </div>
      </fieldset>
      <ProblemAlert error={update.error} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={update.isPending} className="w-full sm:w-auto">
          {update.isPending ? t('profile.saving') : t('profile.save')}
        </Button>
        <Button variant="tertiary" className="w-full sm:w-auto" onClick={() => onDone(false)}>
          {t('profile.cancel')}
        </Button>
      </div>
    </form>
  );
}
