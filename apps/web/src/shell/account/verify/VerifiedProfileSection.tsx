import type { IdentityField } from '@kumamoto/domain';
import { formatDate } from '../../../i18n/format-date.ts';
import { useTranslation } from '../../../i18n/index.ts';
import { ButtonLink } from '../../../ui/Button.tsx';
import { Card } from '../../../ui/Card.tsx';
import { InfoIcon } from '../../../ui/icons.tsx';
import { Loading } from '../../../ui/Loading.tsx';
import { ProblemAlert } from '../../ProblemAlert.tsx';
import { IdentityBadge } from '../IdentityBadge.tsx';
import { useIdentityProfile, type IdentityProfile } from './api.ts';
import { DeclaredItems } from './DeclaredItems.tsx';
import { formatBirthDate } from './format-birth-date.ts';
import { ItemList } from './ItemList.tsx';

/**
 * My page: the verification level; for a verified resident the card's four items (read-only,
 * R-ID-1), age, last verification and its history; for an unverified one the self-declared
 * items they may edit (R-ID-2) and the way to verify.
 */
export function VerifiedProfileSection() {
  const { t } = useTranslation();
  const profile = useIdentityProfile();

  return (
    <Card as="section" aria-labelledby="my-identity" className="mb-6">
      <h2 id="my-identity" className="text-std-20B-150">
        {t('profile.heading')}
      </h2>
      {profile.isPending ? (
        <Loading />
      ) : profile.error ? (
        <ProblemAlert error={profile.error} className="mt-3" />
      ) : (
        <>
          <p className="mt-1">
            <IdentityBadge identity={profile.data.level} />
          </p>
          {profile.data.card ? <CardItems profile={profile.data} /> : <Unverified profile={profile.data} />}
        </>
      )}
    </Card>
  );
}

function CardItems({ profile }: { profile: IdentityProfile }) {
  const { t, locale } = useTranslation();
  const { card } = profile;
  if (!card) return null;
  return (
    <>
      <h3 className="mt-4 text-std-17B-170">{t('profile.cardHeading')}</h3>
      <p className="mt-1 flex gap-2 text-std-16N-170 text-solid-gray-800">
        <InfoIcon className="mt-0.5 size-5 shrink-0 text-blue-900" />
        {t('profile.cardHelp')}
      </p>
      <ItemList
        items={[
          { label: t('profile.name'), value: card.name },
          { label: t('profile.address'), value: card.address },
          { label: t('profile.birthDate'), value: formatBirthDate(card.birthDate, locale) },
          { label: t('profile.gender'), value: t(`profile.genders.${card.gender}`) },
          ...(profile.age === null
            ? []
            : [{ label: t('profile.age'), value: t('profile.ageValue', { age: profile.age }) }]),
          ...(profile.verifiedAt
            ? [{ label: t('profile.lastVerified'), value: formatDate(profile.verifiedAt, locale) }]
            : []),
        ]}
      />
      <ButtonLink to="/verify" variant="secondary" className="mt-4 w-full sm:w-auto">
        {t('profile.reverifyLink')}
      </ButtonLink>
      <History profile={profile} />
    </>
  );
}

function History({ profile }: { profile: IdentityProfile }) {
  const { t, locale } = useTranslation();
  if (profile.history.length === 0) return null;
  const fieldNames = (fields: IdentityField[]) =>
    fields.map((field) => t(`profile.${field}`)).join(t('verify.listSeparator'));
  return (
    <>
      <h3 className="mt-6 text-std-17B-170">{t('profile.historyHeading')}</h3>
      <ol className="mt-2 flex flex-col gap-2">
        {profile.history.map((event) => (
          <li
            key={`${event.occurredAt}-${event.adapter}`}
            className="rounded-8 border border-solid-gray-300 px-4 py-2"
          >
            <p className="text-std-16B-170">{formatDate(event.occurredAt, locale)}</p>
            <p className="text-std-16N-170 text-solid-gray-700">{t(`profile.historyBy.${event.adapter}`)}</p>
            <p className="text-std-16N-170 text-solid-gray-800">
              {event.changedFields.length > 0
                ? t('profile.historyChanged', { fields: fieldNames(event.changedFields) })
                : t('profile.historyNoChange')}
            </p>
          </li>
        ))}
      </ol>
    </>
  );
}

function Unverified({ profile }: { profile: IdentityProfile }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mt-2 text-std-17N-170">{t('profile.unverifiedLead')}</p>
      {profile.methods.cardService && (
        <ButtonLink to="/verify" className="mt-4 w-full">
          {t('profile.verifyLink')}
        </ButtonLink>
      )}
      {profile.declared && <DeclaredItems declared={profile.declared} age={profile.age} />}
    </>
  );
}
