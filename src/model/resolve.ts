// Settling a conflicting cell, and putting back one of a cell's earlier values: both are normal, undoable edits.
import type * as Y from 'yjs';
import { isConflictField, prepareCellWrite } from './cells.ts';
import { commit, commitCell } from './commit.ts';
import { cellHeads } from './heads.ts';
import { cellValueOf } from './logEntry.ts';
import type { LocalOrigin } from './origins.ts';
import { fail, ok } from './result.ts';
import type { Result } from './result.ts';
import type { CellRef, LogValue } from './schema.ts';

/**
 * Keeps the value that the entry `keepKey` (one of the conflict's candidates) wrote: validated as a normal edit
 * of the cell, and always logged with every candidate in `prev`, even when the cell shows that value already,
 * so the conflict closes on every replica. One transaction with `origin`: undoing it reopens the conflict.
 */
export function resolveConflict(
  doc: Y.Doc,
  origin: LocalOrigin,
  cell: CellRef,
  keepKey: string,
): Result<void> {
  if (!isConflictField(cell.target, cell.field))
    return fail('unknown_field', `${cell.field} never conflicts`, cell.field);
  const heads = cellHeads(doc, cell);
  const kept = heads.find((head) => head.key === keepKey);
  if (kept === undefined || heads.length < 2)
    return fail('conflict_closed', `${keepKey} is not open in this cell`);
  const prepared = prepareCellWrite(doc, cell, cellValueOf(kept, cell.field));
  if (!prepared.ok) return prepared;
  // The log record this writes lists the cell's heads (appendLog): both candidates, which settles the cell.
  commit(doc, origin, prepared.value.write);
  return ok(undefined);
}

/**
 * Writes an earlier value of the cell (from `cellHistory`) again, as a normal edit: validated against the plan
 * as it is now (a removed focus area or participant is refused), logged, undoable.
 */
export const restoreCellValue = (
  doc: Y.Doc,
  origin: LocalOrigin,
  cell: CellRef,
  value: LogValue,
): Result<void> => commitCell(doc, origin, prepareCellWrite(doc, cell, value));
