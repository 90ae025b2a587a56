// The plan's open conflicts as signals, and the three ways to settle one; each a normal, undoable local edit.
import { createSignal } from 'solid-js';
import type { Accessor } from 'solid-js';
import { conflictCells, onConflictsChange, openConflicts } from '../model/conflicts.ts';
import type { Conflict, EditedDeletedConflict, ValuesConflict } from '../model/conflicts.ts';
import { dismissDeletedConflict, restoreDeletedActivity } from '../model/deleted.ts';
import { resolveConflict } from '../model/resolve.ts';
import type { Result } from '../model/result.ts';
import type { PlanHandle } from '../sync/openPlan.ts';

export type { Conflict, EditedDeletedConflict, ValuesConflict } from '../model/conflicts.ts';

export interface ConflictState {
  /** Every open conflict, in plan order. */
  readonly conflicts: Accessor<readonly Conflict[]>;
  /** The conflicted cells by row id → fields; a new map only when the set of cells changes. */
  readonly cells: Accessor<ReadonlyMap<string, ReadonlySet<string>>>;
  keep(conflict: ValuesConflict, key: string): Result<void>;
  restoreDeleted(conflict: EditedDeletedConflict): Result<unknown>;
  keepDeleted(conflict: EditedDeletedConflict): Result<void>;
}

const cellsKey = (cells: ReadonlyMap<string, ReadonlySet<string>>): string =>
  [...cells].map(([id, fields]) => `${id}:${[...fields].sort().join(',')}`).join(';');

/** Follows `handle`'s conflicts (settling one may change only the log, which the plan store does not follow). */
export function createConflictState(handle: PlanHandle): ConflictState & { dispose(): void } {
  const { doc, origin } = handle;
  const [conflicts, setConflicts] = createSignal(openConflicts(doc));
  // The grid restyles every cell on a new map, so an unchanged set keeps the old one.
  const [cells, setCells] = createSignal(conflictCells(doc), {
    equals: (a, b) => cellsKey(a) === cellsKey(b),
  });
  const dispose = onConflictsChange(doc, (open) => {
    setConflicts(open);
    setCells(conflictCells(doc));
  });
  return {
    conflicts,
    cells,
    keep: (conflict, key) => resolveConflict(doc, origin, conflict.cell, key),
    restoreDeleted: (conflict) => restoreDeletedActivity(doc, origin, conflict.deleteKey),
    keepDeleted: (conflict) => dismissDeletedConflict(doc, origin, conflict.deleteKey),
    dispose,
  };
}
