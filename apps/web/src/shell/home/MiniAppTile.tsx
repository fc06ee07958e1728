import type { MiniAppDefinition } from '@kumamoto/domain';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';
import { ChevronRightIcon, MiniAppIcon, WarningIcon } from '../../ui/icons.tsx';

interface MiniAppTileProps {
  app: MiniAppDefinition;
  /** The person must verify with the My Number Card before using it (R-ID-2). */
  needsVerification: boolean;
}

/** One mini-app on Home: the whole card is the link, so the tap target is large. */
export function MiniAppTile({ app, needsVerification }: MiniAppTileProps) {
  const { t, locale } = useTranslation();
  return (
    <Link
      to={app.route}
      className="group flex h-full items-start gap-3 rounded-12 narrow:flex-col border border-solid-gray-300 bg-white p-4 text-solid-gray-900 no-underline hover:border-blue-900 hover:bg-blue-50"
    >
      <span className="flex size-12 shrink-0 items-center justify-center rounded-8 bg-blue-100 text-blue-900">
        <MiniAppIcon icon={app.icon} className="size-7" />
      </span>
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="text-std-18B-160 group-hover:underline">{app.name[locale]}</span>
        <span className="text-std-16N-170 text-solid-gray-800">{app.summary[locale]}</span>
        {needsVerification && (
          <span className="mt-2 flex items-start gap-1 text-std-16B-170 text-yellow-1100">
            <WarningIcon className="mt-0.5 size-5 shrink-0" />
            {t('home.needsVerification')}
          </span>
        )}
      </span>
      <ChevronRightIcon className="mt-3 size-5 shrink-0 text-solid-gray-700 narrow:hidden" />
    </Link>
  );
}
