import { useId, useState, type FormEvent } from 'react';
import { useSession } from '../../../api/queries.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { Alert } from '../../../ui/Alert.tsx';
import { Button } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import {
  useChooseSchoolDistrict,
  useMySchoolDistrict,
  useSchoolDistrictList,
  type ResidentDistrictView,
} from './api.ts';
import { districtName } from './district-name.ts';

/** My page: the resident's school district (校区), derived from the verified address or chosen. */
export function SchoolDistrictSection() {
  const { t } = useTranslation();
  const mine = useMySchoolDistrict();
  return (
    <Card as="section" aria-labelledby="my-school-district" className="mb-6">
      <h2 id="my-school-district" className="text-std-20B-150">
        {t('schoolDistrict.heading')}
      </h2>
      {mine.isPending ? (
        <Loading />
      ) : mine.data ? (
        <DistrictView view={mine.data} />
      ) : (
        <ProblemAlert error={mine.error} className="mt-3" />
      )}
    </Card>
  );
}

function DistrictView({ view }: { view: ResidentDistrictView }) {
  const { t, locale } = useTranslation();
  const { user } = useSession();
  const verified = user?.identity === 'verified';
  const explanation =
    view.source === 'address'
      ? t('schoolDistrict.fromAddress')
      : view.source === 'chosen'
        ? t('schoolDistrict.chosen')
        : verified
          ? t('schoolDistrict.noMatch')
          : t('schoolDistrict.unverified');
  return (
    <>
      {view.district ? (
        <>
          <p className="mt-2 text-std-24B-150">
            {locale === 'ja' ? view.district.nameJa : view.district.nameEn}
          </p>
          {locale !== 'ja' && (
            // Notices and titles name districts in Japanese (「〇〇校区の方限定」): show it too.
            <p lang="ja" className="text-std-17N-170 text-solid-gray-800">
              {view.district.nameJa}
            </p>
          )}
        </>
      ) : (
        <p className="mt-2 text-std-17B-170">{t('schoolDistrict.none')}</p>
      )}
      <p className="mt-1 text-std-16N-170 text-solid-gray-800">{explanation}</p>
      {view.source === 'chosen' && !verified && (
        <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('schoolDistrict.verifyLater')}</p>
      )}
      {view.canChoose && <DistrictChooser current={view.district?.code ?? null} />}
    </>
  );
}

/** A large native select: the phone's own picker, readable and easy to hit. */
function DistrictChooser({ current }: { current: string | null }) {
  const { t, locale } = useTranslation();
  const id = useId();
  const list = useSchoolDistrictList(true);
  const choose = useChooseSchoolDistrict();
  const [selected, setSelected] = useState(current ?? '');
  const [missing, setMissing] = useState(false);

  if (list.isPending) return <Loading label={t('schoolDistrict.loadingList')} />;
  if (!list.data) return <ProblemAlert error={list.error} className="mt-3" />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(selected === '');
    if (selected !== '') choose.mutate(selected);
  };
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className="mt-4" onSubmit={submit} noValidate>
      <label htmlFor={id} className="block text-std-17B-170 text-solid-gray-900">
        {current === null ? t('schoolDistrict.chooseLabel') : t('schoolDistrict.changeLabel')}
      </label>
      <p id={hintId} className="text-std-16N-170 text-solid-gray-700">
        {t('schoolDistrict.chooseHint')}
      </p>
      {missing && (
        <p id={errorId} role="alert" className="text-std-16B-170 text-red-900">
          {t('schoolDistrict.required')}
        </p>
      )}
      <select
        id={id}
        value={selected}
        aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
        aria-invalid={missing || undefined}
        onChange={(event) => {
          setSelected(event.target.value);
          setMissing(false);
          choose.reset();
        }}
        className={
          'mt-2 block min-h-14 w-full rounded-8 border-2 bg-white px-4 py-3 text-std-17N-170 text-solid-gray-900 ' +
          (missing ? 'border-red-900' : 'border-solid-gray-600 hover:border-solid-gray-900')
        }
      >
        <option value="">{t('schoolDistrict.placeholder')}</option>
        {list.data.map((district) => (
          <option key={district.code} value={district.code}>
            {districtName(district, locale)}
          </option>
        ))}
      </select>
      <Button type="submit" className="mt-3 w-full sm:w-auto" disabled={choose.isPending}>
        {t('schoolDistrict.save')}
      </Button>
      {choose.isSuccess && (
        <Alert tone="success" live className="mt-3">
          {t('schoolDistrict.saved')}
        </Alert>
      )}
      <ProblemAlert error={choose.error} className="mt-3" />
    </form>
  );
}
