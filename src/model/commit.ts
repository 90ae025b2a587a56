// Runs one user action as one transaction with its typed origin and its log entries.
import type * as Y from 'yjs';
import { appendLog } from './log.ts';
import type { LogRecord } from './log.ts';
import type { LocalOrigin } from './origins.ts';
import { ok } from './result.ts';
import type { Result } from './result.ts';
import type { LogAction, LogTarget, LogValue } from './schema.ts';

/**
 * Applies `write` in a single `doc.transact` with `origin`, logging what it returns in the same transaction.
 * Callers validate first: `write` must not fail half-way, so a refusal never leaves a partial change.
 */
export function commit(doc: Y.Doc, origin: LocalOrigin, write: () => readonly LogRecord[]): void {
  doc.transact(() => appendLog(doc, origin.actor, write()), origin);
}

/** One cell's change, validated and ready to run inside a transaction (a normal edit, a resolve, a restore). */
export interface CellWrite {
  readonly from: LogValue;
  readonly to: LogValue;
  /** The cell holds `to` already: `write` then changes nothing and only returns the log record. */
  readonly unchanged: boolean;
  /** Writes the cell (unless unchanged) and returns the records to log. */
  readonly write: () => readonly LogRecord[];
}

/** A write of a plain (non-set) cell of `row`. */
export function plainCellWrite(
  row: Y.Map<unknown>,
  cell: { readonly target: LogTarget; readonly id: string; readonly field: string },
  to: string | number,
  action: LogAction = 'set',
): CellWrite {
  const current = row.get(cell.field);
  const from = typeof current === 'string' || typeof current === 'number' ? current : null;
  const unchanged = from === to;
  return {
    from,
    to,
    unchanged,
    write: () => {
      if (!unchanged) row.set(cell.field, to);
      return [{ ...cell, action, from, to }];
    },
  };
}

/** Runs a prepared cell write as one user action; an unchanged cell is left alone (nothing is logged). */
export function commitCell(doc: Y.Doc, origin: LocalOrigin, prepared: Result<CellWrite>): Result<void> {
  if (!prepared.ok) return prepared;
  if (!prepared.value.unchanged) commit(doc, origin, prepared.value.write);
  return ok(undefined);
}
