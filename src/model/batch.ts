// Many cells written as one user action (a paste): each validated as its normal edit, the valid ones in one transaction.
import type * as Y from 'yjs';
import { prepareCellWrite } from './cells.ts';
import { commit } from './commit.ts';
import type { LogRecord } from './log.ts';
import type { LocalOrigin } from './origins.ts';
import type { ModelError } from './result.ts';
import type { CellRef } from './schema.ts';

/** One cell to write and its new value, in the model's form (as `prepareCellWrite` takes it). */
export interface CellValue {
  readonly cell: CellRef;
  readonly value: unknown;
}

/** What a batch did: how many cells changed, and each refused cell (by its index in the batch) with the reason. */
export interface BatchOutcome {
  readonly written: number;
  readonly refused: readonly { readonly index: number; readonly error: ModelError }[];
}

/**
 * Writes every valid cell of `cells` in ONE transaction with `origin` (so one undo takes the whole batch back),
 * each logged as its own cell edit. Each cell is validated against the plan as the batch has left it so far,
 * exactly as its normal edit would be; a refused cell is reported and left alone, the others are written.
 */
export function setCells(doc: Y.Doc, origin: LocalOrigin, cells: readonly CellValue[]): BatchOutcome {
  let written = 0;
  const refused: { index: number; error: ModelError }[] = [];
  commit(doc, origin, () => {
    const records: LogRecord[] = [];
    cells.forEach(({ cell, value }, index) => {
      const prepared = prepareCellWrite(doc, cell, value);
      if (!prepared.ok) {
        refused.push({ index, error: prepared.error });
        return;
      }
      if (prepared.value.unchanged) return;
      records.push(...prepared.value.write());
      written += 1;
    });
    return records;
  });
  return { written, refused };
}
