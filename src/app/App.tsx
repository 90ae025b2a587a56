// The app's frame: picks the page from the address (/, /p/<planId>, else not found) inside an error boundary.
import { ErrorBoundary, Match, Suspense, Switch, createSignal, lazy, onCleanup, onMount } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import type { PlanId } from '../model/schema.ts';
import { MessagePage } from '../views/parts/MessagePage.tsx';
import { UpdateBanner } from '../views/parts/UpdateBanner.tsx';
import { StartView } from '../views/StartView.tsx';
import { startAppUpdates } from './appUpdate.ts';

// The plan page carries the grid and the sync stack: loaded when a plan is opened, so the start page stays light.
const PlanView = lazy(() => import('../views/PlanView.tsx').then((module) => ({ default: module.PlanView })));

/** The pages there are; anything else is not found. */
export type Route = { page: 'start' } | { page: 'plan'; planId: PlanId } | { page: 'notFound' };

/** Reads the route from a pathname. Plan ids are URL-safe (nanoid alphabet). */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'start' };
  const match = /^\/p\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  return match?.[1] !== undefined ? { page: 'plan', planId: match[1] as PlanId } : { page: 'notFound' };
}

/** Shown instead of a blank page when rendering throws. */
function Crash(): JSX.Element {
  return (
    <MessagePage title={t('view.crash.title')} body={t('view.crash.body')}>
      <button type="button" class="button button--primary" onClick={() => location.reload()}>
        {t('view.reload')}
      </button>
    </MessagePage>
  );
}

/** The whole app. Links between pages are ordinary links; the back button works through popstate. */
export function App(): JSX.Element {
  const [route, setRoute] = createSignal<Route>(parseRoute(location.pathname));
  const onPopState = (): void => {
    setRoute(parseRoute(location.pathname));
  };
  onMount(() => window.addEventListener('popstate', onPopState));
  onCleanup(() => window.removeEventListener('popstate', onPopState));
  onMount(startAppUpdates);

  // The update banner sits above every page, in the flow, so it never covers the plan; .app-page takes the rest.
  return (
    <>
      <UpdateBanner />
      <div class="app-page">
        <ErrorBoundary
          fallback={(error: unknown) => {
            // The error goes to the console for whoever debugs; the person sees a plain sentence.
            console.error(error);
            return <Crash />;
          }}
        >
          <Switch fallback={<MessagePage title={t('view.notFound.title')} body={t('view.notFound.body')} />}>
            <Match when={route().page === 'start'}>
              <StartView />
            </Match>
            <Match when={((r) => (r.page === 'plan' ? r : false))(route())} keyed>
              {(plan) => (
                <Suspense
                  fallback={
                    <p class="message-page__waiting" role="status">
                      {t('plan.opening')}
                    </p>
                  }
                >
                  <PlanView planId={plan.planId} />
                </Suspense>
              )}
            </Match>
          </Switch>
        </ErrorBoundary>
      </div>
    </>
  );
}
