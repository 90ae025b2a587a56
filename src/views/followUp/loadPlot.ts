// Loads Observable Plot on demand: the charting library is its own chunk, fetched when the follow-up first opens.
import type { Plot } from './progressChart.ts';

let loading: Promise<Plot> | undefined;

/** Plot, loaded once per page; a failed load (offline before it was cached) is tried again next time. */
export function loadPlot(): Promise<Plot> {
  loading ??= import('./plotLibrary.ts').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
