// The open plan as a Solid store kept in step with the document, and the user's actions on it.
import { batch, getOwner, onCleanup } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type { SetStoreFunction } from 'solid-js/store';
import { addActivity, deleteActivity, moveActivity, setActivityField } from '../model/activities.ts';
import { addFocusArea, setFocusAreaPriority } from '../model/focusAreas.ts';
import { setPlanTitle } from '../model/meta.ts';
import { onPlanChange } from '../model/observe.ts';
import type { PlanChange } from '../model/observe.ts';
import { isPlanSeeded, readActivity, readPlan } from '../model/plan.ts';
import type { ModelError, Result } from '../model/result.ts';
import type { Activity, ActivityId, PlanSnapshot } from '../model/schema.ts';
import { createPlanUndo } from '../model/undo.ts';
import type { UndoOutcome } from '../model/undo.ts';
import { setCells } from '../model/batch.ts';
import type { PlanHandle } from '../sync/openPlan.ts';
import { keepShownWhileOpen } from './keepShown.ts';
import type { PlanActions } from './types.ts';

/** The reactive state of one open plan. */
export interface PlanState {
  /** The whole plan; read it inside effects or JSX to track changes. */
  readonly plan: PlanSnapshot;
  /** False until there is a plan to show: the document's, or the one this device showed last (`loaded` false). */
  readonly seeded: boolean;
  /** True once the document has content (from the device copy or the relay): until then nothing can be changed. */
  readonly loaded: boolean;
}

/** The actions of `PlanActions`, plus what the plan page needs beyond the grid. */
export interface PlanStoreActions extends PlanActions {
  /** Calls `listener` after the store has caught up with each change; returns the unsubscribe function. */
  onRowChanges(listener: (change: PlanChange) => void): () => void;
  /** Takes back this person's newest change (never a colleague's); refused with `changed_since` when someone changed it since. */
  undo(): Result<UndoOutcome>;
  /** Puts back the change undone last; refused with `changed_since` when someone changed it since. */
  redo(): Result<UndoOutcome>;
  /** A fresh, frozen snapshot of the whole plan (for export), independent of any filter. */
  snapshot(): PlanSnapshot;
  /** Stops following the document (called on cleanup when created inside a component). */
  dispose(): void;
}

// Snapshots are frozen; the store mutates its target in place, so it gets plain copies.
const thaw = <T>(value: T): T => structuredClone(value);

const indexActivities = (plan: PlanSnapshot): Map<ActivityId, number> =>
  new Map(plan.activities.map((activity, index) => [activity.id, index]));

/** True when `next` sorts where `current` did: same focus area, step and order key. */
const samePlace = (current: Activity, next: Activity): boolean =>
  current.focusAreaId === next.focusAreaId && current.step === next.step && current.order === next.order;

/** Follows `handle`'s document in a store; actions carry the handle's local origin. */
export function createPlanStore(
  handle: PlanHandle,
  shown: PlanSnapshot | null = null,
): [PlanState, PlanStoreActions] {
  const { doc, origin } = handle;
  const loaded = isPlanSeeded(doc);
  const [state, setState] = createStore<{ plan: PlanSnapshot; seeded: boolean; loaded: boolean }>({
    plan: thaw(loaded || shown === null ? readPlan(doc) : shown),
    seeded: loaded || shown !== null,
    loaded,
  });
  const keeper = keepShownWhileOpen(handle.keepShown, () => unwrap(state.plan));
  const listeners = new Set<(change: PlanChange) => void>();

  // The snapshot types are readonly; a path into the store's array needs it typed as mutable.
  const setActivityAt = (index: number, next: Activity): void =>
    (setState as unknown as SetStoreFunction<{ plan: { activities: Activity[] } }>)(
      'plan',
      'activities',
      index,
      reconcile(thaw(next)),
    );
  // Where each activity sits in `state.plan.activities`, for patching one row without reading the whole plan.
  let indexById = indexActivities(state.plan);
  const readAll = (): void => {
    const next = thaw(readPlan(doc));
    // Loading a plan into the empty store has nothing to reconcile with (~50 ms saved on 5,000 rows).
    setState('plan', state.plan.activities.length === 0 ? next : reconcile(next, { key: 'id' }));
    indexById = indexActivities(state.plan);
  };
  const stopObserving = onPlanChange(doc, (change) => {
    // Listeners that subscribe while the store updates (a grid mounted by this very change) were built from the
    // new state already: the change is not theirs to apply again.
    const subscribed = [...listeners];
    // A cell edit touches a row or two; reading and reconciling all 5,000 rows of a big plan for it took ~130 ms
    // in each browser, before the edit was even sent. Anything that may add, remove or reorder rows reads it all.
    if (change.structure || !patchActivities(change.activities)) readAll();
    if (!state.loaded && isPlanSeeded(doc)) setState({ seeded: true, loaded: true });
    if (state.loaded) keeper.changed();
    for (const listener of subscribed) listener(change);
  });

  /** Writes the touched activities into their places; false (nothing written) when one was added, removed or moved. */
  function patchActivities(ids: ReadonlySet<ActivityId>): boolean {
    const patches: [number, Activity][] = [];
    for (const id of ids) {
      const index = indexById.get(id);
      const next = readActivity(doc, id);
      const current = index === undefined ? undefined : state.plan.activities[index];
      if (index === undefined || next === undefined || current === undefined || !samePlace(current, next))
        return false;
      patches.push([index, next]);
    }
    batch(() => {
      for (const [index, next] of patches) setActivityAt(index, next);
    });
    return true;
  }

  const history = createPlanUndo(doc, origin);
  const dispose = (): void => {
    stopObserving();
    keeper.dispose();
    history.destroy();
    listeners.clear();
  };
  if (getOwner() !== null) onCleanup(dispose);

  // Shown from the device's last view, the document is still empty: a write now would start a plan of its own.
  const stillLoading: ModelError = { code: 'plan_loading', detail: 'the plan is still loading' };
  const whenLoaded =
    <A extends unknown[], T>(write: (...args: A) => Result<T>) =>
    (...args: A): Result<T> =>
      state.loaded ? write(...args) : { ok: false, error: stillLoading };
  const actions: PlanStoreActions = {
    addActivity: whenLoaded((input) => addActivity(doc, origin, input)),
    setActivityField: whenLoaded((id, field, value) => setActivityField(doc, origin, id, field, value)),
    moveActivity: whenLoaded((id, target) => moveActivity(doc, origin, id, target)),
    deleteActivity: whenLoaded((id) => deleteActivity(doc, origin, id)),
    setPlanTitle: whenLoaded((title) => setPlanTitle(doc, origin, title)),
    addFocusArea: whenLoaded((input) => addFocusArea(doc, origin, input)),
    setFocusAreaPriority: whenLoaded((id, priority) => setFocusAreaPriority(doc, origin, id, priority)),
    setCells: (cells) =>
      state.loaded
        ? setCells(doc, origin, cells)
        : { written: 0, refused: cells.map((_, index) => ({ index, error: stillLoading })) },
    undo: whenLoaded(() => history.undo()),
    redo: whenLoaded(() => history.redo()),
    onRowChanges: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => readPlan(doc),
    dispose,
  };
  return [state, actions];
}
