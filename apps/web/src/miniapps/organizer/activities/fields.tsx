import {
  findActivityField,
  kumamotoCityHall,
  maxThumbnailUploadBytes,
  type ActivityFieldName,
} from '@kumamoto/domain';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/index.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Button, buttonClasses } from '../../../ui/Button.tsx';
import { uploadActivityImage } from './api.ts';
import { parseDegrees, roundDegrees } from './form-state.ts';

export const inputClass = (error: string | undefined) =>
  'mt-2 block min-h-14 w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 text-solid-gray-900 ' +
  (error ? 'border-red-900' : 'border-solid-gray-600 hover:border-solid-gray-900');

/** The id of a field's control, so an error summary can link to it. */
export const fieldId = (name: ActivityFieldName) => `activity-field-${name}`;

/** 必須 / 公開に必要 / 任意, from the domain's field table. */
export function Requirement({ name }: { name: ActivityFieldName }) {
  const { t } = useTranslation();
  const { required } = findActivityField(name);
  const tone =
    required === 'always'
      ? 'bg-red-900 text-white'
      : required === 'to-publish'
        ? 'border border-red-900 bg-white text-red-1000'
        : 'bg-solid-gray-100 text-solid-gray-800';
  return (
    <span className={`ml-2 inline-block rounded-4 px-2 align-middle text-dns-14B-130 ${tone}`}>
      {t(`organizerActivities.form.requirement.${required}`)}
    </span>
  );
}

/**
 * One item of the form: the label with its requirement, the guide's advice (domain
 * fields.ts), the guide's example, then the server's message for it, all tied to the control.
 */
export function Field({
  name,
  error,
  children,
  extraHelp,
}: {
  name: ActivityFieldName;
  error: string | undefined;
  children: (props: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
  extraHelp?: ReactNode;
}) {
  const { locale } = useTranslation();
  const definition = findActivityField(name);
  const id = fieldId(name);
  const describedBy = [
    `${id}-help`,
    definition.example ? `${id}-example` : null,
    extraHelp ? `${id}-extra` : null,
    error ? `${id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <label htmlFor={id} className="block text-std-17B-170 text-solid-gray-900">
        {definition.label[locale]}
        <Requirement name={name} />
      </label>
      <FieldTexts name={name} error={error} extraHelp={extraHelp} />
      {children({ id, describedBy, invalid: Boolean(error) })}
    </div>
  );
}

/** Help, example, extra help and error lines under a label (shared with fieldsets). */
export function FieldTexts({
  name,
  error,
  extraHelp,
}: {
  name: ActivityFieldName;
  error: string | undefined;
  extraHelp?: ReactNode;
}) {
  const { t, locale } = useTranslation();
  const definition = findActivityField(name);
  const id = fieldId(name);
  return (
    <>
      <p id={`${id}-help`} className="text-std-16N-170 text-solid-gray-700">
        {definition.help[locale]}
      </p>
      {definition.example && (
        <p id={`${id}-example`} className="text-std-16N-170 whitespace-pre-line text-solid-gray-700">
          {t('organizerActivities.form.example', { example: definition.example[locale] })}
        </p>
      )}
      {extraHelp && (
        <div id={`${id}-extra`} className="text-std-16N-170 text-solid-gray-700">
          {extraHelp}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-std-16B-170 text-red-900">
          {error}
        </p>
      )}
    </>
  );
}

/** A group of choices (radio buttons or checkboxes) as one item of the form. */
export function FieldSet({
  name,
  error,
  children,
}: {
  name: ActivityFieldName;
  error: string | undefined;
  children: ReactNode;
}) {
  const { locale } = useTranslation();
  const definition = findActivityField(name);
  const id = fieldId(name);
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-describedby={[`${id}-help`, error ? `${id}-error` : null].filter(Boolean).join(' ')}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-std-17B-170 text-solid-gray-900">
        {definition.label[locale]}
        <Requirement name={name} />
      </legend>
      <FieldTexts name={name} error={error} />
      <div className="mt-2 space-y-1">{children}</div>
    </fieldset>
  );
}

/** A radio button or checkbox with its text: the whole row is the tap target (≥ 44 px). */
export function Choice({
  type,
  name,
  checked,
  onChange,
  children,
  hint,
}: {
  type: 'radio' | 'checkbox';
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <label className="flex min-h-11 items-start gap-3 rounded-8 py-2 text-std-17N-170 hover:bg-blue-50">
      <input
        type={type}
        name={name}
        className="mt-1 size-6 shrink-0 accent-blue-900"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>
        {children}
        {hint && <span className="block text-std-16N-170 text-solid-gray-700">{hint}</span>}
      </span>
    </label>
  );
}

/**
 * The thumbnail (R-ACT-2): a photo straight from the phone's camera roll. It shows at once
 * (a local preview) while it uploads with visible progress; the server re-encodes it and strips
 * the location data, and the stored image replaces the preview.
 */
export function ThumbnailField({
  groupId,
  value,
  onChange,
  onUploading,
  error,
}: {
  groupId: string;
  value: { id: string | null; url: string | null };
  onChange: (image: { id: string; url: string } | null) => void;
  onUploading: (uploading: boolean) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const [done, setDone] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(
    () => () => {
      if (preview) URL.revokeObjectURL(preview);
    },
    [preview],
  );

  const pick = async (file: File) => {
    setProblem(null);
    setDone(false);
    setTooLarge(file.size > maxThumbnailUploadBytes);
    if (file.size > maxThumbnailUploadBytes) return;
    setPreview(URL.createObjectURL(file));
    setProgress(0);
    onUploading(true);
    try {
      const image = await uploadActivityImage(groupId, file, setProgress);
      onChange({ id: image.id, url: image.url });
      setDone(true);
      setPreview(null);
    } catch (caught) {
      setProblem(caught);
      setPreview(null);
    } finally {
      setProgress(null);
      onUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  const shown = preview ?? value.url;
  const uploading = progress !== null;
  const percent = Math.round((progress ?? 0) * 100);
  return (
    <Field
      name="thumbnail"
      error={error ?? (tooLarge ? t('organizerActivities.form.photo.tooLarge') : undefined)}
    >
      {({ id, describedBy, invalid }) => (
        <div className="mt-2 space-y-3">
          {shown && (
            <img
              src={shown}
              alt={t('organizerActivities.form.photo.preview')}
              className={`aspect-video w-full rounded-8 border border-solid-gray-200 object-cover ${uploading ? 'opacity-60' : ''}`}
            />
          )}
          {uploading && (
            <div role="status" className="space-y-1">
              <progress
                max={100}
                value={percent}
                aria-label={t('organizerActivities.form.photo.progress')}
                className="block h-3 w-full accent-blue-900"
              />
              <p className="text-std-16N-170">{t('organizerActivities.form.photo.uploading', { percent })}</p>
            </div>
          )}
          {done && !uploading && (
            <p role="status" className="text-std-16B-170 text-green-1000">
              {t('organizerActivities.form.photo.uploaded')}
            </p>
          )}
          {/* The phone's own picker opens from a button in the app's language (the native
              control's text follows the browser's language, not the app's). */}
          <input
            ref={input}
            id={id}
            type="file"
            accept="image/*"
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            disabled={uploading}
            className="peer sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void pick(file);
            }}
          />
          <label
            htmlFor={id}
            className={buttonClasses(
              'secondary',
              'w-full cursor-pointer sm:w-auto peer-focus-visible:outline-4 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-black peer-disabled:cursor-not-allowed peer-disabled:border-solid-gray-300 peer-disabled:text-solid-gray-420',
            )}
          >
            {shown ? t('organizerActivities.form.photo.change') : t('organizerActivities.form.photo.choose')}
          </label>
          {value.id && !uploading && (
            <Button variant="tertiary" onClick={() => onChange(null)}>
              {t('organizerActivities.form.photo.remove')}
            </Button>
          )}
          <ProblemAlert error={problem} />
        </div>
      )}
    </Field>
  );
}

/**
 * The point on the map as two numbers, filled by "use my location" on the spot or copied from
 * a map app. No map library: the link opens the point in a map to check it.
 */
export function LocationField({
  lat,
  lng,
  onChange,
  error,
}: {
  lat: string;
  lng: string;
  onChange: (lat: string, lng: string) => void;
  error: string | undefined;
}) {
  const { t, locale } = useTranslation();
  const [locating, setLocating] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = fieldId('location');
  const latitude = parseDegrees(lat);
  const longitude = parseDegrees(lng);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setFailed(true);
      return;
    }
    setLocating(true);
    setFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        onChange(roundDegrees(position.coords.latitude), roundDegrees(position.coords.longitude));
      },
      () => {
        setLocating(false);
        setFailed(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const number = (which: 'lat' | 'lng', value: string) => (
    <div>
      <label htmlFor={`${id}-${which}`} className="block text-std-16B-170">
        {t(`organizerActivities.form.location.${which}`)}
      </label>
      <input
        id={`${id}-${which}`}
        inputMode="decimal"
        autoComplete="off"
        aria-describedby={`${id}-help ${id}-extra${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        placeholder={String(which === 'lat' ? kumamotoCityHall.lat : kumamotoCityHall.lng)}
        value={value}
        onChange={(event) =>
          which === 'lat' ? onChange(event.target.value, lng) : onChange(lat, event.target.value)
        }
        className={inputClass(error)}
      />
    </div>
  );

  return (
    <fieldset id={id} tabIndex={-1}>
      <legend className="text-std-17B-170 text-solid-gray-900">
        {findActivityField('location').label[locale]}
        <Requirement name="location" />
      </legend>
      <FieldTexts name="location" error={error} extraHelp={t('organizerActivities.form.location.hint')} />
      <div className="mt-1 grid grid-cols-2 gap-3 narrow:grid-cols-1">
        {number('lat', lat)}
        {number('lng', lng)}
      </div>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        <Button variant="secondary" onClick={locate} disabled={locating}>
          {t('organizerActivities.form.location.useMine')}
        </Button>
        {(lat !== '' || lng !== '') && (
          <Button variant="tertiary" onClick={() => onChange('', '')}>
            {t('organizerActivities.form.location.clear')}
          </Button>
        )}
      </div>
      {locating && (
        <p role="status" className="mt-2 text-std-16N-170">
          {t('organizerActivities.form.location.locating')}
        </p>
      )}
      {failed && (
        <p role="alert" className="mt-2 text-std-16B-170 text-red-900">
          {t('organizerActivities.form.location.failed')}
        </p>
      )}
      {latitude !== null && longitude !== null && (
        <a
          className="mt-2 inline-flex min-h-11 items-center"
          href={`https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('organizerActivities.form.location.check')}
        </a>
      )}
    </fieldset>
  );
}
