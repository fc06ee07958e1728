import {
  activityFieldIds,
  activityFieldLabels,
  applicationItems,
  coHostingGuidance,
  emptyApplicationDraft,
  findCategory,
  isCategoryId,
  organizerCategories,
  type ApplicationItem,
  type DocumentRef,
} from '@kumamoto/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { ProblemAlert } from '../../shell/ProblemAlert.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Button, buttonClasses } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/TextField.tsx';
import {
  FieldProblem,
  organizerKeys,
  sendForm,
  uploadDocument,
  type ApplicationView,
  type Details,
} from './api.ts';

type Draft = Details & { declaration: boolean };

const inputClass =
  'mt-2 block min-h-14 w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 text-solid-gray-900 ';

/**
 * The application form (R-ORG-3), phone first: the category comes first (R-ORG-1), then only
 * the items that category asks for, each with the guide's help text. Drafts are saved on the
 * server; a returned application is edited here and resubmitted (R-ORG-5).
 */
export function ApplicationForm({
  application,
  change,
}: {
  application: ApplicationView | null;
  /** A change application (R-ORG-8): the registered details, sent as `event` of the group. */
  change?: {
    groupId: string;
    details: Details;
    event: 'change.submit' | 'change.resubmit';
    onDone: () => void;
  };
}) {
  const { t, locale } = useTranslation();
  const queryClient = useQueryClient();
  const [, setSearchParams] = useSearchParams();
  const [draft, setDraft] = useState<Draft>({
    ...(emptyApplicationDraft as unknown as Draft),
    ...(application?.details ?? change?.details ?? {}),
    declaration: application?.details.declaration ?? false,
  });
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [id, setId] = useState<string | null>(application?.id ?? null);
  const categorySelect = useId();

  const category = isCategoryId(draft.category) ? findCategory(draft.category) : null;
  const notEligible = draft.category === 'none';
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const body = () => ({
    ...draft,
    category: category ? draft.category : null,
    officerList: draft.officerList && { id: draft.officerList.id },
    bylaws: draft.bylaws && { id: draft.bylaws.id },
  });

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    setFields({});
    try {
      await work();
    } catch (caught) {
      setError(caught);
      if (caught instanceof FieldProblem) setFields(caught.fields);
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ['me', 'organizer'] });
    }
  };

  const save = async (): Promise<string> => {
    if (id) {
      await sendForm('PUT', `/api/organizer/applications/${id}`, body());
      return id;
    }
    const created = await sendForm<{ id: string }>('POST', '/api/organizer/applications', body());
    setId(created.id);
    return created.id;
  };

  const onSave = () =>
    run(async () => {
      await save();
      setNotice(t('organizer.form.saved'));
    });

  const onSubmit = () =>
    run(async () => {
      if (change) {
        await sendForm('POST', `/api/organizer/groups/${change.groupId}/events/${change.event}`, {
          details: body(),
        });
        change.onDone();
        return;
      }
      const saved = await save();
      await sendForm('POST', `/api/organizer/applications/${saved}/submit`, {});
      await queryClient.invalidateQueries({ queryKey: organizerKeys.application(saved) });
      setSearchParams({ application: saved, submitted: '1' });
    });

  const itemsToShow = category
    ? applicationItems.filter(
        (item) =>
          item.key !== 'category' &&
          category.items[item.key] !== 'not_asked' &&
          !(change && item.key === 'declaration'),
      )
    : [];

  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      <Card as="section" className="space-y-3">
        <p className="text-std-17N-170">{t('organizer.form.eligibilityLead')}</p>
        <label htmlFor={categorySelect} className="block text-std-17B-170">
          {applicationItems[0]!.label[locale]} <Requirement required />
        </label>
        <p className="text-std-16N-170 text-solid-gray-700">{applicationItems[0]!.help[locale]}</p>
        {fields.category && <p className="text-std-16B-170 text-red-900">{fields.category}</p>}
        <select
          id={categorySelect}
          className={inputClass + 'border-solid-gray-600'}
          value={draft.category ?? ''}
          onChange={(event) => set('category', event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{t('organizer.form.chooseCategory')}</option>
          {organizerCategories.map((option) => (
            <option key={option.id} value={option.id}>
              {option.mark ? `${option.mark} ` : ''}
              {option.label[locale]}
            </option>
          ))}
          <option value="none">{t('organizer.form.notEligible')}</option>
        </select>
      </Card>

      {notEligible && (
        <Alert tone="info" title={coHostingGuidance.title[locale]}>
          <p>{coHostingGuidance.reasons.not_an_eligible_category[locale]}</p>
          {coHostingGuidance.paragraphs.map((paragraph) => (
            <p key={paragraph.ja} className="mt-2">
              {paragraph[locale]}
            </p>
          ))}
        </Alert>
      )}

      {category && (
        <Card as="section" className="space-y-5">
          {itemsToShow.map((item) => (
            <Item
              key={item.key}
              item={item}
              required={category.items[item.key] === 'required'}
              draft={draft}
              set={set}
              error={fields[item.key]}
            />
          ))}
        </Card>
      )}

      {Object.keys(fields).length > 0 && <Alert tone="error">{t('organizer.form.fixErrors')}</Alert>}
      {Object.keys(fields).length === 0 && <ProblemAlert error={error} />}
      {notice && (
        <Alert tone="success" live>
          {notice}
        </Alert>
      )}

      {!notEligible && (
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button type="submit" disabled={busy || !category}>
            {change
              ? t('organizer.group.submitChange')
              : application?.status === 'returned'
                ? t('organizer.form.resubmit')
                : t('organizer.form.submit')}
          </Button>
          {!change && (
            <Button variant="secondary" onClick={() => void onSave()} disabled={busy}>
              {t('organizer.form.save')}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}

function Requirement({ required }: { required: boolean }) {
  const { t } = useTranslation();
  return (
    <span
      className={
        'ml-2 rounded-4 px-2 text-dns-14B-130 ' +
        (required ? 'bg-red-900 text-white' : 'bg-solid-gray-100 text-solid-gray-800')
      }
    >
      {required ? t('organizer.form.required') : t('organizer.form.optional')}
    </span>
  );
}

function Item({
  item,
  required,
  draft,
  set,
  error,
}: {
  item: ApplicationItem;
  required: boolean;
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  error: string | undefined;
}) {
  const { t, locale } = useTranslation();
  const label = item.label[locale];
  const help = item.help[locale];
  switch (item.input) {
    case 'text':
    case 'url':
    case 'phone':
    case 'email': {
      const key = item.key as 'name' | 'representative' | 'address' | 'website' | 'phone' | 'email';
      return (
        <TextField
          label={t(required ? 'organizer.form.labelRequired' : 'organizer.form.labelOptional', { label })}
          hint={help}
          error={error}
          required={required}
          value={draft[key]}
          maxLength={item.maxLength}
          type={item.input === 'text' ? 'text' : item.input === 'phone' ? 'tel' : item.input}
          autoComplete={item.input === 'email' ? 'email' : item.input === 'phone' ? 'tel' : 'off'}
          onChange={(event) => set(key, event.target.value)}
        />
      );
    }
    case 'multiline': {
      const key = item.key as 'overview' | 'trackRecord';
      return (
        <Labelled label={label} help={help} error={error} required={required}>
          {(id, describedBy) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={error ? true : undefined}
              rows={5}
              maxLength={item.maxLength}
              className={inputClass + (error ? 'border-red-900' : 'border-solid-gray-600')}
              value={draft[key]}
              onChange={(event) => set(key, event.target.value)}
            />
          )}
        </Labelled>
      );
    }
    case 'choices':
      return (
        <fieldset aria-describedby={undefined}>
          <legend className="text-std-17B-170">
            {label} <Requirement required={required} />
          </legend>
          <p className="text-std-16N-170 text-solid-gray-700">{help}</p>
          {error && <p className="text-std-16B-170 text-red-900">{error}</p>}
          <div className="mt-2 space-y-1">
            {activityFieldIds.map((fieldId) => (
              <label key={fieldId} className="flex min-h-11 items-center gap-3 text-std-17N-170">
                <input
                  type="checkbox"
                  className="size-6"
                  checked={draft.activityFields.includes(fieldId)}
                  onChange={(event) =>
                    set(
                      'activityFields',
                      event.target.checked
                        ? [...draft.activityFields, fieldId]
                        : draft.activityFields.filter((value) => value !== fieldId),
                    )
                  }
                />
                {activityFieldLabels[fieldId][locale]}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'document':
      return (
        <DocumentPicker
          label={label}
          help={help}
          required={required}
          error={error}
          value={draft[item.key as 'officerList' | 'bylaws']}
          onChange={(ref) => set(item.key as 'officerList' | 'bylaws', ref)}
        />
      );
    case 'declaration':
      return (
        <div>
          {error && <p className="text-std-16B-170 text-red-900">{error}</p>}
          <label className="flex min-h-11 items-start gap-3 text-std-17N-170">
            <input
              type="checkbox"
              className="mt-1 size-6 shrink-0"
              checked={draft.declaration}
              onChange={(event) => set('declaration', event.target.checked)}
            />
            <span>
              {label} <Requirement required />
            </span>
          </label>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">{help}</p>
        </div>
      );
    case 'choice':
      return null;
  }
}

function Labelled({
  label,
  help,
  error,
  required,
  children,
}: {
  label: string;
  help: string;
  error: string | undefined;
  required: boolean;
  children: (id: string, describedBy: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="block text-std-17B-170">
        {label} <Requirement required={required} />
      </label>
      <p id={`${id}-help`} className="text-std-16N-170 text-solid-gray-700">
        {help}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-std-16B-170 text-red-900">
          {error}
        </p>
      )}
      {children(id, error ? `${id}-help ${id}-error` : `${id}-help`)}
    </div>
  );
}

function DocumentPicker({
  label,
  help,
  required,
  error,
  value,
  onChange,
}: {
  label: string;
  help: string;
  required: boolean;
  error: string | undefined;
  value: DocumentRef | null;
  onChange: (ref: DocumentRef | null) => void;
}) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const pick = async (file: File) => {
    setUploading(true);
    setUploadError(null);
    try {
      onChange(await uploadDocument(file));
    } catch (caught) {
      setUploadError(caught);
    } finally {
      setUploading(false);
    }
  };
  return (
    <Labelled label={label} help={help} error={error} required={required}>
      {(id, describedBy) => (
        <div className="mt-2 space-y-2">
          {/* The picker opens from a button in the app's language: the native control's own
              text follows the browser's language, not the one chosen in the app. */}
          <input
            id={id}
            type="file"
            aria-describedby={describedBy}
            accept="application/pdf,image/jpeg,image/png,image/webp"
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
              'w-full cursor-pointer sm:w-auto peer-focus-visible:outline-4 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-black peer-disabled:cursor-not-allowed',
            )}
          >
            {t('organizer.form.chooseFile')}
          </label>
          {uploading && <p role="status">{t('organizer.form.uploading')}</p>}
          {value && !uploading && (
            <p className="text-std-16B-170 text-green-900">
              {t('organizer.form.attached', { name: value.fileName })}
            </p>
          )}
          <ProblemAlert error={uploadError} />
        </div>
      )}
    </Labelled>
  );
}
