import type { IdentityLevel } from '@kumamoto/domain';
import { useTranslation } from '../../i18n/index.ts';
import { InfoIcon, SuccessIcon } from '../../ui/icons.tsx';

/** Verified with the My Number Card or not (R-ID-2), in words and icon, not colour alone. */
export function IdentityBadge({ identity }: { identity: IdentityLevel }) {
  const { t } = useTranslation();
  const verified = identity === 'verified';
  const Icon = verified ? SuccessIcon : InfoIcon;
  return (
    <span
      className={`inline-flex items-center gap-1 text-std-16B-170 ${verified ? 'text-green-900' : 'text-solid-gray-800'}`}
    >
      <Icon className="size-5 shrink-0" />
      {verified ? t('identity.verified') : t('identity.unverified')}
    </span>
  );
}
