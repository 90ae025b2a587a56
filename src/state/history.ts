// The plan's history for the history dialog: a cell's earlier values, the changes since a date, the plan as it was
// on a date, and the restores; each restore one normal, undoable local edit (written anew, never a replaced document).
import { createSignal } from 'solid-js';
import { readCell, rowExists } from '../model/cells.ts';
import { restoreDeletedActivity } from '../model/deleted.ts';
import { onDocChange } from '../model/docs.ts';
import { findEntry } from '../model/heads.ts';
import { cellHistory, changesSince } from '../model/history.ts';
import type { CellChange, ChangeGroup } from '../model/history.ts';
import { sameLogValue } from '../model/logEntry.ts';
import { restoreCellValue } from '../model/resolve.ts';
import { planFromUpdate, restorePlan } from '../model/restore.ts';
import type { Result } from '../model/result.ts';
import type { Activity, ActivityId, CellRef, LogEntry, LogValue, PlanSnapshot } from '../model/schema.ts';
import { fetchPastState } from '../sync/historyApi.ts';
import type { PastStateFailure } from '../sync/historyApi.ts';
import type { PlanHandle } from '../sync/openPlan.ts';

export type { CellChange, ChangeGroup, PlanChangeEntry } from '../model/history.ts';
export type { PastStateFailure } from '../sync/historyApi.ts';

/** One value of a cell; `current` marks the newest change whose value the cell still shows. */
export interface CellHistoryItem extends CellChange {
  readonly current: boolean;
  /** For an `add`: the row was re-created (restored) with this value, rather than added new. */
  readonly recreated: boolean;
}

/** A cell's value now and its logged values. */
export interface CellHistory {
  /** The cell's value now; undefined when its row is no longer in the plan. */
  readonly now: LogValue | undefined;
  /** Newest first, as far back as the document's bounded log reaches. */
  readonly changes: readonly CellHistoryItem[];
  /**
   * The value the oldest logged change replaced (a template's value, say), when that change was an edit;
   * undefined when the log starts with the row's creation or holds nothing for the cell.
   */
  readonly before: LogValue | undefined;
}

/** The plan as the relay had it at `at`, read and checked; plain, frozen data. */
export interface PastPlan {
  readonly at: string;
  readonly plan: PlanSnapshot;
}

/** Why no past plan: the relay's reasons, or `unreadable` when its bytes did not hold a plan. */
export type PastPlanFailure = PastStateFailure | 'unreadable';

/** The past plan, or why there is none. */
export type PastPlanOutcome =
  { readonly ok: true; readonly past: PastPlan } | { readonly ok: false; readonly reason: PastPlanFailure };

/** How the plan now differs from a past plan, by activity id. */
export interface PlanDiff {
  /** In both, with some cell (or the place) different now. */
  readonly changed: ReadonlySet<ActivityId>;
  /** In the plan now, not in the past one: a restore removes them. */
  readonly added: ReadonlySet<ActivityId>;
  /** In the past plan, not now: a restore brings them back under their ids. */
  readonly removed: ReadonlySet<ActivityId>;
}

/** The history's readers (reactive: they re-run after every change to the document) and its restores. */
export interface HistoryState {
  cellHistory(cell: CellRef): CellHistory;
  /** Every logged change at or after `sinceIso` (an ISO instant), grouped by focus area. */
  changesSince(sinceIso: string): ChangeGroup[];
  /** True for a logged activity deletion whose activity is not in the plan now, so it can be brought back. */
  canRestoreDeleted(entry: LogEntry): boolean;
  /** Writes `value` into the cell again: validated like a normal edit of it, logged, undoable. */
  restoreCellValue(cell: CellRef, value: LogValue): Result<void>;
  /** Re-creates the activity the delete entry `deleteKey` removed, under its old id. */
  restoreDeletedActivity(deleteKey: string): Result<ActivityId>;
  /** Fetches the plan as the relay had it at `at` (an ISO instant) and reads it; the document is not touched. */
  loadPlanAt(at: string): Promise<PastPlanOutcome>;
  /** Makes the plan what `past` was, as one forward edit; `changed` counts the cells and rows written. */
  restorePlan(past: PlanSnapshot): Result<{ changed: number }>;
}

/** What the history needs of an open plan. */
export type HistoryHandle = Pick<PlanHandle, 'planId' | 'token' | 'doc' | 'origin'>;

/** Follows `handle`'s document for the history dialog; `dispose()` stops following it. */
export function createHistoryState(
  handle: HistoryHandle,
  fetchImpl: typeof fetch = fetch,
): HistoryState & { dispose(): void } {
  // The token is read at each call: replacing the edit link changes it while the plan is open.
  const { planId, doc, origin } = handle;
  // Any change (a log-only one too, such as a settled conflict) can change what the history shows.
  const [version, setVersion] = createSignal(0);
  const dispose = onDocChange(doc, () => setVersion((n) => n + 1));

  return {
    cellHistory: (cell) => {
      version();
      const recreated = (change: CellChange): boolean =>
        change.action === 'add' &&
        change.key !== undefined &&
        findEntry(doc, change.key)?.snapshot !== undefined;
      return readCellHistory(cellHistory(doc, cell), readCell(doc, cell), recreated);
    },
    changesSince: (sinceIso) => {
      version();
      return changesSince(doc, sinceIso);
    },
    canRestoreDeleted: (entry) => {
      version();
      return (
        entry.target === 'activity' &&
        entry.action === 'delete' &&
        entry.key !== undefined &&
        entry.snapshot !== undefined &&
        !rowExists(doc, 'activity', entry.id)
      );
    },
    restoreCellValue: (cell, value) => restoreCellValue(doc, origin, cell, value),
    restoreDeletedActivity: (deleteKey) => restoreDeletedActivity(doc, origin, deleteKey),
    loadPlanAt: async (at) => {
      const fetched = await fetchPastState(planId, handle.token, at, fetchImpl);
      if (!fetched.ok) return fetched;
      const plan = planFromUpdate(fetched.state.bytes);
      return plan.ok ? { ok: true, past: { at, plan: plan.value } } : { ok: false, reason: 'unreadable' };
    },
    restorePlan: (past) => restorePlan(doc, origin, past),
    dispose,
  };
}

/** The cell's changes with the one it still shows marked, and the value from before the oldest one. */
export function readCellHistory(
  changes: readonly CellChange[],
  now: LogValue | undefined,
  recreated: (change: CellChange) => boolean = () => false,
): CellHistory {
  const [newest] = changes;
  const showsNewest = newest !== undefined && now !== undefined && sameLogValue(newest.to, now);
  const oldest = changes.at(-1);
  return {
    now,
    changes: changes.map((change, index) => ({
      ...change,
      current: showsNewest && index === 0,
      recreated: recreated(change),
    })),
    before: oldest !== undefined && oldest.action === 'set' ? oldest.from : undefined,
  };
}

/** Equal cell values; sets (owners, reform parts) compare as sets. */
export const sameValue = (a: LogValue | undefined, b: LogValue | undefined): boolean => sameLogValue(a, b);

/** An activity's cells compared for "changed": every field a person edits, and its place. */
const sameActivity = (a: Activity, b: Activity): boolean =>
  a.focusAreaId === b.focusAreaId &&
  a.step === b.step &&
  a.text === b.text &&
  sameLogValue(a.owners, b.owners) &&
  a.responsible === b.responsible &&
  a.status === b.status &&
  a.due === b.due &&
  sameLogValue(a.reformParts, b.reformParts) &&
  a.note === b.note &&
  a.decision === b.decision &&
  a.decisionDate === b.decisionDate &&
  a.order === b.order;

/** How `now` differs from `past`, activity by activity (matched by id, so a re-created row is the same row). */
export function diffPlans(past: PlanSnapshot, now: PlanSnapshot): PlanDiff {
  const nowById = new Map(now.activities.map((activity) => [activity.id, activity]));
  const pastIds = new Set(past.activities.map((activity) => activity.id));
  const changed = new Set<ActivityId>();
  const removed = new Set<ActivityId>();
  for (const activity of past.activities) {
    const current = nowById.get(activity.id);
    if (current === undefined) removed.add(activity.id);
    else if (!sameActivity(activity, current)) changed.add(activity.id);
  }
  const added = new Set(now.activities.filter((activity) => !pastIds.has(activity.id)).map((a) => a.id));
  return { changed, added, removed };
}
