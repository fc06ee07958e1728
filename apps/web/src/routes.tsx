import { miniApps } from '@kumamoto/domain';
import { useRoutes, type RouteObject } from 'react-router';
import { AppLayout } from './shell/AppLayout.tsx';
import { HomePage } from './shell/home/HomePage.tsx';
import { lazyScreen } from './shell/lazy-screen.ts';
import { miniAppPages } from './shell/miniapp-pages.ts';

// Home is in the entry bundle; every other screen, and each mini-app, loads when opened.
const ScanPage = lazyScreen(async () => (await import('./shell/scan/ScanPage.tsx')).ScanPage);
const ScanCodePage = lazyScreen(async () => (await import('./shell/scan/ScanCodePage.tsx')).ScanCodePage);
const NotificationsPage = lazyScreen(
  async () => (await import('./shell/notifications/NotificationsPage.tsx')).NotificationsPage,
);
const MyPage = lazyScreen(async () => (await import('./shell/account/MyPage.tsx')).MyPage);
const SignInPage = lazyScreen(async () => (await import('./shell/account/SignInPage.tsx')).SignInPage);
const SignUpPage = lazyScreen(async () => (await import('./shell/account/SignUpPage.tsx')).SignUpPage);
const DevMailPage = lazyScreen(async () => (await import('./shell/dev-mail/DevMailPage.tsx')).DevMailPage);
const VerifyPage = lazyScreen(async () => (await import('./shell/account/verify/VerifyPage.tsx')).VerifyPage);
// Issues 5 and 6: screens under a mini-app's own path (the mini-app's page is its start screen).
const OrganizerActivitiesPage = lazyScreen(
  async () =>
    (await import('./miniapps/organizer/activities/OrganizerActivitiesPage.tsx')).OrganizerActivitiesPage,
);
const OrganizerActivityPage = lazyScreen(
  async () =>
    (await import('./miniapps/organizer/activities/OrganizerActivityPage.tsx')).OrganizerActivityPage,
);
const CheckInScreen = lazyScreen(
  async () => (await import('./miniapps/organizer/check-in/CheckInScreen.tsx')).CheckInScreen,
);
const CertificatesPage = lazyScreen(
  async () => (await import('./certificates/CertificatesPage.tsx')).CertificatesPage,
);
const CertificateVerificationPage = lazyScreen(
  async () => (await import('./certificates/CertificateVerificationPage.tsx')).CertificateVerificationPage,
);
const NotFoundPage = lazyScreen(async () => (await import('./shell/NotFoundPage.tsx')).NotFoundPage);

const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'scan', element: <ScanPage /> },
      // Code URLs (https://host/scan/install/organizer) opened by a phone's own camera.
      { path: 'scan/*', element: <ScanCodePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'mypage', element: <MyPage /> },
      { path: 'signin', element: <SignInPage /> },
      { path: 'verify', element: <VerifyPage /> },
      { path: 'signup', element: <SignUpPage /> },
      { path: 'dev/mail', element: <DevMailPage /> },
      { path: 'organizer/groups/:groupId/activities/*', element: <OrganizerActivitiesPage /> },
      { path: 'organizer/activities/:activityId/check-in', element: <CheckInScreen /> },
      { path: 'organizer/activities/:activityId/*', element: <OrganizerActivityPage /> },
      { path: 'points/certificates', element: <CertificatesPage /> },
      { path: 'verify/:serial', element: <CertificateVerificationPage /> },
      // A mini-app's page owns the paths under it (the volunteer mini-app's detail pages, …).
      ...miniApps.map((app) => {
        const Page = miniAppPages[app.id];
        return { path: `${app.route.slice(1)}/*`, element: <Page /> };
      }),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/**
 * Declarative routes (BrowserRouter + useRoutes) rather than createBrowserRouter: the data
 * router adds ~17 KB gzip to the home screen, over its 120 KB budget, for loaders we do not
 * use (TanStack Query fetches). Navigations still run as transitions, so a lazy screen
 * replaces the old one only once loaded.
 */
export function AppRoutes() {
  return useRoutes(routes);
}
