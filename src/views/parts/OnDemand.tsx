// Parts of the plan page loaded on demand with import(): the other views and the dialogs a click opens, so opening
// a plan link loads only what the table's first screen needs. The service worker precaches every chunk.
import { ErrorBoundary, Show, Suspense, createMemo, lazy, onCleanup, onMount } from 'solid-js';
import type { Accessor, Component, JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { afterPaint } from '../../sync/afterPaint.ts';

/** A chunk that could not be fetched (offline before the service worker had it): told apart from a crash. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super('A part of the app could not be loaded', { cause });
    this.name = 'ChunkLoadError';
  }
}

/** A component fetched when first rendered (Solid's lazy), or earlier by `preloadAfterPaint`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props, as Solid's own lazy takes
export function onDemand<T extends Component<any>>(
  load: () => Promise<T>,
): T & { preload: () => Promise<{ default: T }> } {
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        throw new ChunkLoadError(error);
      },
    ),
  );
}

/**
 * Where an on-demand part renders: a calm line while it loads and, when its chunk cannot be fetched, a plain
 * sentence with "Ladda om sidan". Any other error goes on to the page's own error boundary. `quiet` keeps the loading
 * line for screen readers only (a dialog about to open: nothing flickers on screen).
 */
export function OnDemand(props: { children: JSX.Element; quiet?: boolean }): JSX.Element {
  return (
    <ErrorBoundary
      fallback={(error: unknown) => {
        if (!(error instanceof ChunkLoadError)) throw error;
        console.error(error);
        // The browser keeps a failed import() failed for the page's life, so trying again means a new page.
        return (
          <div class="notice notice--warning notice--with-action" role="alert" data-print="hide">
            <p>{t('onDemand.failed')}</p>
            <button type="button" class="button" onClick={() => location.reload()}>
              {t('view.reload')}
            </button>
          </div>
        );
      }}
    >
      <Suspense
        fallback={
          <p class={props.quiet ? 'visually-hidden' : 'message-page__waiting'} role="status">
            {t('onDemand.loading')}
          </p>
        }
      >
        {props.children}
      </Suspense>
    </ErrorBoundary>
  );
}

/** True from the first time `when` is true on: a dialog's chunk is fetched when it first opens, then stays. */
function createLatch(when: Accessor<boolean>): Accessor<boolean> {
  return createMemo((was: boolean) => was || when(), false);
}

/** A dialog or panel fetched when `when` first holds, then kept (closing and reopening needs no fetch). */
export function WhenFirst(props: { when: boolean; children: JSX.Element }): JSX.Element {
  const shown = createLatch(() => props.when);
  return (
    <Show when={shown()}>
      <OnDemand quiet>{props.children}</OnDemand>
    </Show>
  );
}

/**
 * Fetches `parts` as soon as the page has painted its first screen: a click then opens them at once, and they stay
 * usable if the connection drops before the service worker has cached them (a fetch that failed stays failed).
 */
export function preloadAfterPaint(parts: readonly { preload: () => Promise<unknown> }[]): void {
  onMount(() => {
    // A failure here is not shown: the part says so itself if it is opened.
    const cancel = afterPaint(() => {
      for (const part of parts) part.preload().catch(() => undefined);
    });
    onCleanup(cancel);
  });
}
