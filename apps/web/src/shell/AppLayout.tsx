import { Suspense, useEffect, useRef, type MouseEvent, type RefObject } from 'react';
import { Link, NavigationType, Outlet, useLocation, useNavigationType } from 'react-router';
import { useTranslation } from '../i18n/index.ts';
import { Loading } from '../ui/Loading.tsx';
import { BottomNav } from './BottomNav.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';

/** The frame of every screen: skip link, header, the screen itself, bottom navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  useFocusTitleOnNavigation(main);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    main.current?.focus();
  };

  return (
    <div className="@container/app flex min-h-dvh flex-col">
      <a
        href="#main"
        onClick={skipToMain}
        className="sr-only z-20 bg-white text-std-17B-170 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:inline-flex focus:min-h-12 focus:items-center focus:rounded-8 focus:px-4 focus:shadow-2"
      >
        {t('shell.skipToMain')}
      </a>
      <header className="border-b border-solid-gray-300 bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-2 narrow:px-2">
          <Link
            to="/"
            className="inline-flex min-h-12 items-center gap-2 text-std-18B-160 text-solid-gray-900 no-underline hover:underline"
          >
            <img src="/favicon.svg" alt="" width="32" height="32" className="size-8" />
            {t('app.name')}
          </Link>
          <LanguageToggle />
        </div>
      </header>
      <main
        id="main"
        ref={main}
        tabIndex={-1}
        className="mx-auto w-full max-w-3xl flex-1 px-4 pt-6 pb-10 narrow:px-2"
      >
        {/* One Suspense for every screen: navigations are transitions, so the current screen
            stays until the next one has loaded (then its <h1> is there to take focus). */}
        <Suspense fallback={<Loading />}>
          <ScreenErrorBoundary key={pathname}>
            <Outlet />
          </ScreenErrorBoundary>
        </Suspense>
      </main>
      <BottomNav />
    </div>
  );
}

/**
 * After an in-app navigation, start the new screen at its top and focus its <h1> so
 * assistive tech reads it first. Back/forward (POP) leaves the browser's scroll alone.
 */
function useFocusTitleOnNavigation(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigationType !== NavigationType.Pop) window.scrollTo(0, 0);
    const heading = main.current?.querySelector<HTMLElement>('h1');
    (heading ?? main.current)?.focus({ preventScroll: true });
  }, [pathname, navigationType, main]);
}
