import { useRoutes } from 'react-router';
import { NotFoundPage } from '../../shell/NotFoundPage.tsx';
import { ActivityDetailScreen } from './ActivityDetailScreen.tsx';
import { MyActivitiesScreen } from './MyActivitiesScreen.tsx';
import { SearchScreen } from './SearchScreen.tsx';

/**
 * The volunteer mini-app (issue 5, resident side): find activities, read one and apply, and
 * "my activities". It owns every path under /volunteer.
 */
export function VolunteerPage() {
  return useRoutes([
    { index: true, element: <SearchScreen /> },
    { path: 'activities/:id', element: <ActivityDetailScreen /> },
    { path: 'mine', element: <MyActivitiesScreen /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}
