// The app's frame: picks the page from the address (/, /p/<planId>, else not found) inside an error boundary.
import {
  ErrorBoundary,
  Match,
  Suspense,
  Switch,
  createMemo,
  createSignal,
  lazy,
  onCleanup,
  onMount,
} from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../i18n/index.ts';
import { MessagePage } from '../views/parts/MessagePage.tsx';
import { UpdateBanner } from '../views/parts/UpdateBanner.tsx';
import { StartView } from '../views/StartView.tsx';
import { startAppUpdates } from './appUpdate.ts';
import type { PlanViewName } from './planViews.ts';
import { parseRoute } from './routes.ts';
import type { Route } from './routes.ts';

// The plan page carries the grid and the sync stack: loaded when a plan is opened, so the start page stays light.
const PlanView = lazy(() => import('../views/PlanView.tsx').then((module) => ({ default: module.PlanView })));

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
  // Switching views of one plan keeps the plan open: the page is keyed by the plan id, the view is a prop.
  const planId = createMemo(() => {
    const current = route();
    return current.page === 'plan' ? current.planId : null;
  });
  const view = (): PlanViewName => {
    const current = route();
    return current.page === 'plan' ? current.view : 'table';
  };

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
            <Match when={planId()} keyed>
              {(id) => (
                <Suspense
                  fallback={
                    <p class="message-page__waiting" role="status">
                      {t('plan.opening')}
                    </p>
                  }
                >
                  <PlanView planId={id} view={view()} />
                </Suspense>
              )}
            </Match>
          </Switch>
        </ErrorBoundary>
      </div>
    </>
  );
}
