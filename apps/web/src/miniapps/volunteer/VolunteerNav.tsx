import { NavLink } from 'react-router';
import { useTranslation } from '../../i18n/index.ts';

const tab =
  'flex min-h-12 flex-1 items-center justify-center rounded-8 px-3 py-1 text-center text-std-16B-170 no-underline';

/** The mini-app's two places: finding activities and one's own. The current one is marked. */
export function VolunteerNav() {
  const { t } = useTranslation();
  const className = ({ isActive }: { isActive: boolean }) =>
    `${tab} ${isActive ? 'bg-blue-900 text-white hover:text-white' : 'bg-white text-blue-1000 underline hover:bg-blue-50'}`;
  return (
    <nav aria-label={t('volunteer.nav.label')} className="mb-4">
      <ul className="flex gap-2 rounded-12 border border-solid-gray-200 bg-white p-1 narrow:flex-col">
        <li className="flex flex-1">
          <NavLink to="/volunteer" end className={className}>
            {t('volunteer.nav.search')}
          </NavLink>
        </li>
        <li className="flex flex-1">
          <NavLink to="/volunteer/mine" className={className}>
            {t('volunteer.nav.mine')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
