// Keeps the open plan as shown for the next open (sync/shownPlan.ts): after changes settle, and when the tab is hidden.
import type { PlanSnapshot } from '../model/schema.ts';

// A burst of edits is kept once; copying a 5,000-activity plan into IndexedDB takes ~30 ms.
const SETTLE_MS = 2000;

/** Keeps `plan()` through `keep` once changes have settled; `changed()` after each change, `dispose()` at the end. */
export function keepShownWhileOpen(
  keep: (plan: PlanSnapshot) => Promise<void>,
  plan: () => PlanSnapshot,
): { changed(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer === undefined) return;
    clearTimeout(timer);
    timer = undefined;
    void keep(plan());
  };
  // A hidden tab may be closed or frozen without another chance.
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') flush();
  };
  document.addEventListener('visibilitychange', onVisibility);
  return {
    changed: () => {
      clearTimeout(timer);
      timer = setTimeout(flush, SETTLE_MS);
    },
    dispose: () => {
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    },
  };
}
