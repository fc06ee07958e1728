import {
  activityCategories,
  activityFields,
  eligibilityCriteria,
  findActivityCategory,
  findActivityField,
  insuranceOptions,
  isActivityCategoryId,
  type ActivityFieldName,
  type ActivityTextField,
} from '@kumamoto/domain';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from '../../../i18n/index.ts';
import { useSchoolDistrictList } from '../../../shell/account/district/api.ts';
import { districtName } from '../../../shell/account/district/district-name.ts';
import { ProblemAlert } from '../../../shell/ProblemAlert.tsx';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { FieldProblem } from '../api.ts';
import {
  activityPaths,
  saveActivity,
  useInvalidateActivities,
  type ActivityBody,
  type OrganizerActivity,
} from './api.ts';
import { Choice, Field, FieldSet, fieldId, inputClass, LocationField, ThumbnailField } from './fields.tsx';
import {
  bodyFromForm,
  emptyActivityForm,
  formFromActivity,
  type ActivityForm as FormState,
} from './form-state.ts';

/** Where the screen's flash message comes from after saving (read by the manage screen). */
export type ActivityFlash = 'saved' | 'published' | 'updated' | 'visibility' | 'cancelled';

/** The form's sections, in the domain's field order: photo and title first, publishing last. */
const sections: { key: 'basics' | 'when' | 'text' | 'settings' | 'publish'; fields: ActivityFieldName[] }[] =
  [
    { key: 'basics', fields: ['thumbnail', 'title', 'category'] },
    { key: 'when', fields: ['startsAt', 'endsAt', 'placeName', 'address', 'location'] },
    {
      key: 'text',
      fields: [
        'message',
        'content',
        'belongings',
        'clothing',
        'meetingPoint',
        'parking',
        'targetParticipants',
        'contact',
      ],
    },
    {
      key: 'settings',
      fields: ['capacity', 'applicationDeadline', 'schoolDistrictCode', 'restrictToDistrict', 'insurance'],
    },
    { key: 'publish', fields: ['visibility', 'eligibility'] },
  ];

/** Form state keys that belong to an item of another name. */
const itemOfKey: Partial<Record<keyof FormState, ActivityFieldName>> = {
  lat: 'location',
  lng: 'location',
  publishAs: 'visibility',
  thumbnailImageId: 'thumbnail',
  thumbnailUrl: 'thumbnail',
};

/** Server paths that name an item differently from the form. */
const fieldOfPath = (path: string): string =>
  path === 'thumbnailImageId' ? 'thumbnail' : path.split('.')[0]!;

/**
 * The organizer's activity form (R-ACT-2), phone first. A draft may be saved half-filled;
 * publishing (public or unlisted) needs the required items and all five eligibility criteria
 * ticked (R-ACT-1). The server judges every item (domain validateActivityInput) and its
 * messages appear under the items, with a summary that links to each.
 */
export function ActivityForm({
  groupId,
  activity,
}: {
  groupId: string;
  /** Null when creating. */
  activity: OrganizerActivity | null;
}) {
  const { t, locale } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateActivities();
  const [form, setForm] = useState<FormState>(activity ? formFromActivity(activity) : emptyActivityForm);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const isDraft = !activity || activity.visibility === 'draft';

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((current) => ({ ...current, [key]: value }));
    // A corrected item drops its message; the rest stay until the next try.
    const item = itemOfKey[key] ?? key;
    setErrors((current) => {
      if (!(item in current)) return current;
      const { [item]: _dropped, ...rest } = current;
      return rest;
    });
  };

  const showErrors = (found: Record<string, string>) => {
    setErrors(found);
    // After the next paint, so the summary exists to take focus.
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (visibility: ActivityBody['visibility']) => {
    setProblem(null);
    setErrors({});
    const built = bodyFromForm(form, visibility, locale);
    if (built.errors) {
      showErrors(built.errors as Record<string, string>);
      return;
    }
    setBusy(true);
    try {
      const saved = await saveActivity(activity ? { id: activity.id } : { groupId }, built.body);
      await invalidate();
      const flash: ActivityFlash = visibility === 'draft' ? 'saved' : isDraft ? 'published' : 'updated';
      void navigate(activityPaths.manage(saved.id), { state: { flash } });
    } catch (caught) {
      if (caught instanceof FieldProblem && Object.keys(caught.fields).length > 0) {
        showErrors(
          Object.fromEntries(Object.entries(caught.fields).map(([path, text]) => [fieldOfPath(path), text])),
        );
      } else {
        setProblem(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const errorList = Object.entries(errors);
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(isDraft ? form.publishAs : (activity?.visibility ?? 'public'));
      }}
    >
      <p className="text-std-17N-170">{t('organizerActivities.form.lead')}</p>
      {sections
        .filter((section) => section.key !== 'publish' || isDraft)
        .map((section) => (
          <Card
            as="section"
            key={section.key}
            aria-labelledby={`activity-section-${section.key}`}
            className="space-y-6"
          >
            <h2 id={`activity-section-${section.key}`} className="text-std-20B-150">
              {t(`organizerActivities.form.sections.${section.key}`)}
            </h2>
            {section.fields.map((name) => (
              <Item
                key={name}
                name={name}
                form={form}
                set={set}
                error={errors[name]}
                groupId={groupId}
                onUploading={setUploading}
              />
            ))}
          </Card>
        ))}

      {errorList.length > 0 && (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          className="rounded-8 border-2 border-red-900 bg-red-50 p-4"
        >
          <p className="text-std-17B-170">{t('organizerActivities.form.fixErrors')}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {errorList.map(([name, text]) => (
              <li key={name}>
                <a
                  href={`#${fieldId(name as ActivityFieldName)}`}
                  className="inline-flex min-h-11 items-center"
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.getElementById(fieldId(name as ActivityFieldName));
                    target?.scrollIntoView({ block: 'center' });
                    target?.focus();
                  }}
                >
                  {t('organizerActivities.form.errorLine', { label: labelOf(name, locale), message: text })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ProblemAlert error={problem} />
      {uploading && <Alert tone="info">{t('organizerActivities.form.waitForPhoto')}</Alert>}

      <div className="flex flex-col gap-3 sm:flex-row">
        {isDraft ? (
          <>
            <Button type="submit" disabled={busy || uploading}>
              {form.publishAs === 'unlisted'
                ? t('organizerActivities.form.publishUnlisted')
                : t('organizerActivities.form.publish')}
            </Button>
            <Button variant="secondary" disabled={busy || uploading} onClick={() => void submit('draft')}>
              {t('organizerActivities.form.saveDraft')}
            </Button>
          </>
        ) : (
          <Button type="submit" disabled={busy || uploading}>
            {t('organizerActivities.form.save')}
          </Button>
        )}
      </div>
    </form>
  );
}

function labelOf(name: string, locale: 'ja' | 'en'): string {
  return activityFields.find((field) => field.name === name)?.label[locale] ?? name;
}

const textFields: readonly string[] = [
  'title',
  'placeName',
  'address',
  'message',
  'content',
  'belongings',
  'clothing',
  'meetingPoint',
  'parking',
  'targetParticipants',
  'contact',
];

function Item({
  name,
  form,
  set,
  error,
  groupId,
  onUploading,
}: {
  name: ActivityFieldName;
  form: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  error: string | undefined;
  groupId: string;
  onUploading: (uploading: boolean) => void;
}) {
  const { t, locale } = useTranslation();
  const definition = findActivityField(name);

  if (textFields.includes(name)) {
    const key = name as ActivityTextField;
    const multiline = definition.control === 'textarea';
    return (
      <Field name={name} error={error}>
        {({ id, describedBy, invalid }) =>
          multiline ? (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              rows={key === 'message' || key === 'content' ? 6 : 3}
              maxLength={definition.maxLength}
              value={form[key]}
              onChange={(event) => set(key, event.target.value)}
              className={inputClass(error)}
            />
          ) : (
            <input
              id={id}
              type="text"
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              maxLength={definition.maxLength}
              value={form[key]}
              onChange={(event) => set(key, event.target.value)}
              className={inputClass(error)}
            />
          )
        }
      </Field>
    );
  }

  switch (name) {
    case 'thumbnail':
      return (
        <ThumbnailField
          groupId={groupId}
          value={{ id: form.thumbnailImageId, url: form.thumbnailUrl }}
          onChange={(image) => {
            set('thumbnailImageId', image?.id ?? null);
            set('thumbnailUrl', image?.url ?? null);
          }}
          onUploading={onUploading}
          error={error}
        />
      );
    case 'category':
      return (
        <Field
          name="category"
          error={error}
          extraHelp={
            isActivityCategoryId(form.category)
              ? t('organizerActivities.form.categoryExamples', {
                  examples: findActivityCategory(form.category).examples[locale],
                })
              : undefined
          }
        >
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form.category}
              onChange={(event) => set('category', event.target.value)}
              className={inputClass(error)}
            >
              <option value="">{t('organizerActivities.form.chooseCategory')}</option>
              {activityCategories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.label[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
      );
    case 'startsAt':
    case 'endsAt':
    case 'applicationDeadline':
      return (
        <Field name={name} error={error}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              type="datetime-local"
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              value={form[name]}
              onChange={(event) => set(name, event.target.value)}
              className={inputClass(error)}
            />
          )}
        </Field>
      );
    case 'location':
      return (
        <LocationField
          lat={form.lat}
          lng={form.lng}
          error={error}
          onChange={(lat, lng) => {
            set('lat', lat);
            set('lng', lng);
          }}
        />
      );
    case 'capacity':
      return (
        <Field name="capacity" error={error}>
          {({ id, describedBy, invalid }) => (
            <div className="flex items-end gap-2">
              <input
                id={id}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                value={form.capacity}
                onChange={(event) => set('capacity', event.target.value)}
                className={`${inputClass(error)} max-w-40`}
              />
              <span className="pb-3 text-std-17N-170">{t('organizerActivities.form.people')}</span>
            </div>
          )}
        </Field>
      );
    case 'schoolDistrictCode':
      return (
        <DistrictField
          value={form.schoolDistrictCode}
          onChange={(code) => set('schoolDistrictCode', code)}
          error={error}
        />
      );
    case 'restrictToDistrict':
      return (
        <Field name="restrictToDistrict" error={error}>
          {({ id, describedBy, invalid }) => (
            <div className="mt-2 flex min-h-11 items-center gap-3">
              <input
                id={id}
                type="checkbox"
                role="switch"
                aria-describedby={describedBy}
                aria-invalid={invalid || undefined}
                checked={form.restrictToDistrict}
                onChange={(event) => set('restrictToDistrict', event.target.checked)}
                className="size-6 accent-blue-900"
              />
              <span aria-hidden="true" className="text-std-17B-170">
                {form.restrictToDistrict
                  ? t('organizerActivities.form.on')
                  : t('organizerActivities.form.off')}
              </span>
            </div>
          )}
        </Field>
      );
    case 'insurance':
      return (
        <FieldSet name="insurance" error={error}>
          {insuranceOptions.map((option) => (
            <Choice
              key={option.id}
              type="radio"
              name="activity-insurance"
              checked={form.insurance === option.id}
              onChange={() => set('insurance', option.id)}
            >
              {option.label[locale]}
            </Choice>
          ))}
        </FieldSet>
      );
    case 'visibility':
      return (
        <FieldSet name="visibility" error={error}>
          {(['public', 'unlisted'] as const).map((visibility) => (
            <Choice
              key={visibility}
              type="radio"
              name="activity-visibility"
              checked={form.publishAs === visibility}
              onChange={() => set('publishAs', visibility)}
              hint={t(`organizerActivities.form.publishAs.${visibility}Hint`)}
            >
              {t(`organizerActivities.form.publishAs.${visibility}`)}
            </Choice>
          ))}
        </FieldSet>
      );
    case 'eligibility':
      return (
        <FieldSet name="eligibility" error={error}>
          {eligibilityCriteria.map((criterion) => (
            <Choice
              key={criterion.id}
              type="checkbox"
              name="activity-eligibility"
              checked={form.eligibility.includes(criterion.id)}
              onChange={(checked) =>
                set(
                  'eligibility',
                  checked
                    ? [...form.eligibility.filter((id) => id !== criterion.id), criterion.id]
                    : form.eligibility.filter((id) => id !== criterion.id),
                )
              }
            >
              {criterion.text[locale]}
            </Choice>
          ))}
        </FieldSet>
      );
    default:
      return null;
  }
}

function DistrictField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const { t, locale } = useTranslation();
  const list = useSchoolDistrictList(true);
  return (
    <Field name="schoolDistrictCode" error={error}>
      {({ id, describedBy, invalid }) => (
        <>
          <select
            id={id}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            value={value}
            onChange={(event) => onChange(event.target.value)}
            className={inputClass(error)}
          >
            <option value="">{t('organizerActivities.form.noDistrict')}</option>
            {list.data?.map((district) => (
              <option key={district.code} value={district.code}>
                {districtName(district, locale)}
              </option>
            ))}
          </select>
          <ProblemAlert error={list.error} className="mt-2" />
        </>
      )}
    </Field>
  );
}
