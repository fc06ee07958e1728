import type { ComponentType } from 'react';
import { NavLink } from 'react-router';
import { useInbox, useSession } from '../api/queries.ts';
import { useTranslation } from '../i18n/index.ts';
import { BellIcon, HomeIcon, PersonIcon, ScanIcon } from '../ui/icons.tsx';

interface Tab {
  to: string;
  label: 'nav.home' | 'nav.scan' | 'nav.notifications' | 'nav.myPage';
  Icon: ComponentType<{ className?: string }>;
  end?: boolean;
}

const tabs: readonly Tab[] = [
  { to: '/', label: 'nav.home', Icon: HomeIcon, end: true },
  { to: '/scan', label: 'nav.scan', Icon: ScanIcon },
  { to: '/notifications', label: 'nav.notifications', Icon: BellIcon },
  { to: '/mypage', label: 'nav.myPage', Icon: PersonIcon },
];

/** Icons with text labels; NavLink marks the current tab with aria-current="page". */
export function BottomNav() {
  const { t } = useTranslation();
  const { user } = useSession();
  const unread = useInbox(user !== null).data?.unread ?? 0;
  return (
    <nav
      aria-label={t('nav.label')}
      className="sticky bottom-0 z-10 border-t border-solid-gray-300 bg-white pb-[env(safe-area-inset-bottom)] narrow:static [@media(max-height:30rem)]:static"
    >
      <ul className="mx-auto grid max-w-3xl grid-cols-4 narrow:grid-cols-2">
        {tabs.map(({ to, label, Icon, end }) => (
          <li key={to} className="flex min-w-0">
            <NavLink
              to={to}
              end={end}
              className={({ isActive }) =>
                'relative flex min-h-16 w-full flex-col items-center justify-center gap-0.5 px-1 py-2 text-center text-dns-14B-130 no-underline hover:bg-solid-gray-50 hover:underline ' +
                (isActive
                  ? 'text-blue-900 before:absolute before:inset-x-2 before:top-0 before:h-1 before:rounded-b-4 before:bg-blue-900'
                  : 'text-solid-gray-700')
              }
            >
              <span className="relative">
                <Icon className="size-7" />
                {to === '/notifications' && unread > 0 && (
                  <span
                    aria-hidden="true"
                    className="absolute -top-1 -right-2 min-w-5 rounded-full bg-red-900 px-1 text-center text-dns-14B-120 text-white"
                  >
                    {unread > 99 ? '99+' : unread}
                  </span>
                )}
              </span>
              <span>{t(label)}</span>
              {to === '/notifications' && unread > 0 && (
                <span className="sr-only">{t('nav.unread', { count: unread })}</span>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
